package org.civicgrid.plugin.patrol.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Volunteer service hours as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs on Chinese
 * Windows read the names right), one member of one team a line.
 */
final class ServiceHoursCsv {

    static final String[] HEADER = {"user_id", "name", "kind", "team", "shifts", "hours"};

    private ServiceHoursCsv() {
    }

    static String write(List<MemberHours> hours) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).build())) {
            for (MemberHours h : hours) {
                csv.printRecord(cell(h.userId()), cell(h.name()), h.kind(), cell(h.teamName()), h.shifts(),
                        String.format(Locale.ROOT, "%.1f", h.hours()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A cell a spreadsheet will not run as a formula. */
    static String cell(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
