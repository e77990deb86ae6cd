package org.civicgrid.plugin.mediation.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Check digits of resident ID numbers (GB 11643-1999) and unified social credit codes (GB 32100-2015). */
final class IdNumbers {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final Pattern ID_FORMAT = Pattern.compile("\\d{17}[0-9X]");

    private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Pattern CREDIT_FORMAT = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");

    private IdNumbers() {
    }

    /** @return the ID number upper-cased if it is valid, with the reason otherwise */
    static String residentId(String value) {
        String id = value.strip().toUpperCase();
        if (!ID_FORMAT.matcher(id).matches()) {
            throw new IllegalArgumentException("a resident ID number has 17 digits and a check digit or X");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        if (ID_CHECK.charAt(sum % 11) != id.charAt(17)) {
            throw new IllegalArgumentException("its check digit does not match (GB 11643): mistyped?");
        }
        try {
            LocalDate born = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            if (born.getYear() < 1880) {
                throw new IllegalArgumentException("its date of birth " + born + " is not plausible");
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("its digits 7-14 are not a date of birth");
        }
        return id;
    }

    /** @return the credit code upper-cased if it is valid, with the reason otherwise */
    static String creditCode(String value) {
        String code = value.strip().toUpperCase();
        if (!CREDIT_FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("a unified social credit code has 18 letters and digits (no I, O, S, V, Z)");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CHARS.indexOf(code.charAt(i)) * CREDIT_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        if (CREDIT_CHARS.charAt(check) != code.charAt(17)) {
            throw new IllegalArgumentException("its check character does not match (GB 32100): mistyped?");
        }
        return code;
    }
}
