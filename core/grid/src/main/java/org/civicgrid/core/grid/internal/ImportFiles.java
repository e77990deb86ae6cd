package org.civicgrid.core.grid.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.civicgrid.core.api.rest.ProblemException;
import org.json.simple.JSONArray;
import org.json.simple.JSONObject;
import org.json.simple.parser.JSONParser;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;

/**
 * Reads import files into rows. A file whose structure is wrong (no header, not a FeatureCollection) is refused
 * as a whole with a 400 problem; what is wrong inside one row is left to the row's validation.
 */
final class ImportFiles {

    /** Bounds the memory an import can take. */
    static final int MAX_ROWS = 50_000;

    private static final String[] GRID_HEADER = {"code", "name", "parent", "wkt"};
    private static final String[] ADDRESS_HEADER = {"address", "grid"};

    private ImportFiles() {
    }

    static List<GridRow> gridCsv(String csv) {
        return csv(csv, GRID_HEADER, (row, record) -> {
            Geometry geometry = null;
            String problem = null;
            String wkt = record.get("wkt");
            if (wkt.isBlank()) {
                problem = "The wkt column is empty: give the outline as a WKT POLYGON or MULTIPOLYGON.";
            } else {
                try {
                    geometry = GridGeometry.fromWkt(wkt);
                } catch (ParseException | IllegalArgumentException e) {
                    problem = "The wkt column is not readable WKT: " + e.getMessage();
                }
            }
            return new GridRow(row, blankToNull(record.get("code")), blankToNull(record.get("name")),
                    blankToNull(record.get("parent")), geometry, problem);
        });
    }

    /** Address rows: {@code address} (as written) and {@code grid}. */
    static List<String[]> addressCsv(String csv) {
        return csv(csv, ADDRESS_HEADER, (row, record) -> new String[] {record.get("address"), record.get("grid").strip()});
    }

    static List<GridRow> gridGeoJson(String geoJson) {
        Object parsed;
        try {
            parsed = new JSONParser().parse(stripBom(geoJson));
        } catch (org.json.simple.parser.ParseException | RuntimeException e) {
            throw ProblemException.badRequest("The file is not JSON (" + e + "). Send a GeoJSON FeatureCollection.");
        }
        if (!(parsed instanceof JSONObject root) || !"FeatureCollection".equals(root.get("type"))
                || !(root.get("features") instanceof JSONArray features)) {
            throw ProblemException.badRequest(
                    "Send a GeoJSON FeatureCollection: {\"type\": \"FeatureCollection\", \"features\": [...]}.");
        }
        if (features.isEmpty()) {
            throw ProblemException.badRequest("The FeatureCollection has no features.");
        }
        requireRows(features.size());
        List<GridRow> rows = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            rows.add(feature(i + 1, features.get(i)));
        }
        return rows;
    }

    private static GridRow feature(int row, Object item) {
        if (!(item instanceof JSONObject feature) || !"Feature".equals(feature.get("type"))) {
            return new GridRow(row, null, null, null, null, "Feature " + row + " is not a GeoJSON Feature.");
        }
        Map<?, ?> properties = feature.get("properties") instanceof JSONObject p ? p : Map.of();
        Geometry geometry = null;
        String problem = null;
        if (!(feature.get("geometry") instanceof JSONObject geometryJson)) {
            problem = "The feature has no geometry: give its outline as a Polygon or MultiPolygon.";
        } else {
            try {
                geometry = GridGeometry.fromGeoJson(geometryJson.toJSONString());
            } catch (ParseException | RuntimeException e) {
                problem = "The geometry is not readable GeoJSON: " + e.getMessage();
            }
        }
        return new GridRow(row, text(properties.get("code")), text(properties.get("name")),
                text(properties.get("parent")), geometry, problem);
    }

    private static <T> List<T> csv(String csv, String[] header, BiFunction<Integer, CSVRecord, T> row) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader().setSkipHeaderRecord(true)
                .setTrim(true).setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true)
                .build();
        try (CSVParser parser = format.parse(new StringReader(stripBom(csv)))) {
            List<String> names = parser.getHeaderNames();
            for (String column : header) {
                if (!names.contains(column)) {
                    throw ProblemException.badRequest("The CSV header must be " + String.join(",", header)
                            + "; the file's is " + String.join(",", names) + ".");
                }
            }
            List<T> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (!record.isConsistent()) {
                    throw ProblemException.badRequest("CSV line " + parser.getCurrentLineNumber() + " has "
                            + record.size() + " fields, the header " + names.size() + ".");
                }
                rows.add(row.apply(rows.size() + 1, record));
                requireRows(rows.size());
            }
            if (rows.isEmpty()) {
                throw ProblemException.badRequest("The file has a header but no rows.");
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw ProblemException.badRequest("The file is not readable CSV: " + e.getMessage());
        }
    }

    private static void requireRows(int rows) {
        if (rows > MAX_ROWS) {
            throw ProblemException.badRequest("At most " + MAX_ROWS + " rows are imported at once; split the file.");
        }
    }

    private static String text(Object value) {
        if (value instanceof String s) {
            return blankToNull(s);
        }
        // a code written as a JSON number
        return value instanceof Long l ? l.toString() : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
