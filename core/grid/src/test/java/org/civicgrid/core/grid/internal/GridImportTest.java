package org.civicgrid.core.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.grid.ImportReport;
import org.civicgrid.core.api.grid.ImportReport.RowProblem;
import org.civicgrid.core.api.rest.ProblemException;
import org.junit.jupiter.api.Test;

/** Imports check every row, report each problem and write all rows or none. */
class GridImportTest {

    static final Caller CITY_ADMIN = new Caller("admin", Set.of(Role.CITY_ADMIN), "1405", null);
    static final Caller DISTRICT_ADMIN = new Caller("chengqu", Set.of(Role.COUNTY_ADMIN), "140502", null);

    static final String HEADER = "code,name,parent,wkt\n";
    static final String SQUARE = "\"POLYGON ((112.85 35.50, 112.86 35.50, 112.86 35.51, 112.85 35.51, 112.85 35.50))\"";
    static final String SQUARE_EAST = "\"POLYGON ((112.87 35.50, 112.88 35.50, 112.88 35.51, 112.87 35.51, 112.87 35.50))\"";
    static final String GOOD = "140502001001001,建设路社区第1网格,140502001001," + SQUARE + "\n";
    static final String GOOD_2 = "140502001001002,建设路社区第2网格,140502001001," + SQUARE_EAST + "\n";

    private final InMemoryGridStore store = new InMemoryGridStore();
    private final GridRegistry registry = new GridRegistry(store, TestRegions.small(), System::nanoTime);

    @Test
    void writesAGoodFileAndReportsEveryRowAsNew() {
        ImportReport report = registry.importCsv(DISTRICT_ADMIN, HEADER + GOOD + GOOD_2);

        assertThat(report.applied()).isTrue();
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.problems()).isEmpty();
        assertThat(report.updated()).isEmpty();
        assertThat(store.codes()).containsExactly("140502001001001", "140502001001002");
        assertThat(registry.find(DISTRICT_ADMIN, "140502001001001").orElseThrow().villageCode()).isEqualTo("140502001001");
    }

    @Test
    void refusesAnInvalidGeometry() {
        String bowTie = "\"POLYGON ((112.85 35.50, 112.86 35.51, 112.86 35.50, 112.85 35.51, 112.85 35.50))\"";
        assertRefused("140502001001003,自交网格,140502001001," + bowTie, "not a valid polygon: Self-intersection");
    }

    @Test
    void refusesAnOutlineThatIsNoPolygon() {
        assertRefused("140502001001003,线,140502001001,\"LINESTRING (112.85 35.50, 112.86 35.51)\"",
                "Polygon or MultiPolygon, not a LineString");
    }

    @Test
    void refusesCoordinatesOutsideChinaOrWithLatitudeFirst() {
        assertRefused("140502001001003,反了,140502001001,"
                        + "\"POLYGON ((35.50 112.85, 35.50 112.86, 35.51 112.86, 35.51 112.85, 35.50 112.85))\"",
                "outside China");
    }

    @Test
    void refusesUnreadableWkt() {
        assertRefused("140502001001003,坏,140502001001,\"POLYGON ((112.85 35.50, 112.86\"", "not readable WKT");
    }

    @Test
    void refusesAnUnknownParentVillage() {
        assertRefused("140502001009001,无村,140502001009," + SQUARE, "not a village/community of this platform");
    }

    @Test
    void refusesAParentThatIsATownship() {
        assertRefused("140502001001003,乡镇,140502001," + SQUARE, "village/community's 12-digit code");
    }

    @Test
    void refusesACodeOfTheWrongLengthOrNotUnderItsParent() {
        assertRefused("14050200100101,短,140502001001," + SQUARE, "15 digits");
        assertRefused("140502001002001,错村,140502001001," + SQUARE, "start with its parent's code 140502001001");
    }

    @Test
    void refusesAMissingName() {
        assertRefused("140502001001003,,140502001001," + SQUARE, "name is missing");
    }

    @Test
    void refusesACodeTwiceInOneFile() {
        ImportReport report = registry.importCsv(DISTRICT_ADMIN, HEADER + GOOD + GOOD_2
                + "140502001001001,又一个,140502001001," + SQUARE_EAST + "\n");

        assertThat(report.applied()).isFalse();
        assertThat(report.problems()).extracting(RowProblem::row, RowProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "140502001001001"));
        assertThat(report.problems().get(0).message()).contains("also on row 1");
        assertThat(store.codes()).isEmpty();
    }

    @Test
    void refusesARowOutsideTheCallersRegionWithoutLookingItUp() {
        ImportReport report = registry.importCsv(DISTRICT_ADMIN,
                HEADER + GOOD + "140521100200001,杏峪村网格,140521100200,"
                        + "\"POLYGON ((112.18 35.69, 112.19 35.69, 112.19 35.70, 112.18 35.70, 112.18 35.69))\"\n");

        assertThat(report.applied()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.message()).isEqualTo("140521100200001 lies outside your region 140502.");
        });
    }

    @Test
    void writesNothingWhenOneRowOfManyIsBadAndSaysHowManyWereFine() {
        registry.importCsv(DISTRICT_ADMIN, HEADER + GOOD);
        long revision = store.revision;

        ImportReport report = registry.importCsv(DISTRICT_ADMIN, HEADER + GOOD_2
                + "140502001002001,康乐社区第1网格,140502001002,"
                + "\"POLYGON ((112.89 35.50, 112.90 35.50, 112.90 35.51, 112.89 35.51, 112.89 35.50))\"\n"
                + "140502001002002,没有边界,140502001002,\n");

        assertThat(report.applied()).isFalse();
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.problems()).extracting(RowProblem::row).containsExactly(3);
        assertThat(store.codes()).containsExactly("140502001001001");
        assertThat(store.revision).isEqualTo(revision);
    }

    @Test
    void aStoredCodeIsAnUpdateAndTheReportSaysSo() {
        registry.importCsv(DISTRICT_ADMIN, HEADER + GOOD);

        ImportReport report = registry.importCsv(DISTRICT_ADMIN,
                HEADER + "140502001001001,建设路社区第1网格（修正）,140502001001," + SQUARE_EAST + "\n" + GOOD_2);

        assertThat(report.applied()).isTrue();
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.updated()).containsExactly("140502001001001");
        assertThat(store.grids.get("140502001001001").name()).isEqualTo("建设路社区第1网格（修正）");
    }

    @Test
    void onlyAdministratorsImport() {
        Caller worker = new Caller("worker", Set.of(Role.GRID_WORKER), "140502", null);

        assertThatThrownBy(() -> registry.importCsv(worker, HEADER + GOOD))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> registry.importAddresses(worker, "address,grid\n东街1号,140502001001001\n"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(store.codes()).isEmpty();
    }

    @Test
    void refusesAFileWithoutTheHeaderAsAWhole() {
        assertThatThrownBy(() -> registry.importCsv(CITY_ADMIN, "code;name;parent;wkt\n1;2;3;4\n"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.detail()).contains("code,name,parent,wkt");
                });
    }

    @Test
    void importsGeoJsonAndReportsEachBadFeature() {
        String good = feature("140502001001001", "第1网格", "140502001001",
                "{\"type\":\"Polygon\",\"coordinates\":[[[112.85,35.50],[112.86,35.50],[112.86,35.51],[112.85,35.51],[112.85,35.50]]]}");
        String point = feature("140502001001002", "点", "140502001001", "{\"type\":\"Point\",\"coordinates\":[112.85,35.50]}");
        String broken = feature("140502001001003", "坏", "140502001001", "{\"type\":\"Polygon\",\"coordinates\":[[[112.85]]]}");

        ImportReport refused = registry.importGeoJson(CITY_ADMIN, collection(good, point, broken));
        assertThat(refused.applied()).isFalse();
        assertThat(refused.problems()).extracting(RowProblem::row).containsExactly(2, 3);
        assertThat(refused.problems().get(0).message()).contains("not a Point");
        assertThat(store.codes()).isEmpty();

        ImportReport applied = registry.importGeoJson(CITY_ADMIN, collection(good));
        assertThat(applied.applied()).isTrue();
        assertThat(store.codes()).containsExactly("140502001001001");
    }

    @Test
    void refusesJsonThatIsNoFeatureCollection() {
        assertThatThrownBy(() -> registry.importGeoJson(CITY_ADMIN, "{\"type\":\"Feature\"}"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> registry.importGeoJson(CITY_ADMIN, "not json"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void anExportImportsAgainUnchanged() {
        registry.importCsv(CITY_ADMIN, HEADER + GOOD + GOOD_2);
        String exported = registry.exportGeoJson(CITY_ADMIN, "140502");

        ImportReport again = registry.importGeoJson(CITY_ADMIN, exported);

        assertThat(again.applied()).isTrue();
        assertThat(again.updated()).containsExactly("140502001001001", "140502001001002");
        assertThat(registry.exportGeoJson(CITY_ADMIN, "140502")).isEqualTo(exported);
    }

    static String feature(String code, String name, String parent, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + name
                + "\",\"parent\":\"" + parent + "\"},\"geometry\":" + geometry + "}";
    }

    static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    private void assertRefused(String row, String reason) {
        ImportReport report = registry.importCsv(CITY_ADMIN, HEADER + GOOD + row + "\n");

        assertThat(report.applied()).isFalse();
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.row()).isEqualTo(2));
        assertThat(report.problems()).anySatisfy(p -> assertThat(p.message()).contains(reason));
        assertThat(store.codes()).isEmpty();
    }
}
