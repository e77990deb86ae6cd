package org.civicgrid.core.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.grid.Grid;
import org.junit.jupiter.api.Test;

/** The grid at a point: inside, outside, holes, multipolygons, and an index that follows every change. */
class GridLocatorTest {

    private static final Caller CITY_ADMIN = GridImportTest.CITY_ADMIN;
    private static final String HEADER = GridImportTest.HEADER;
    /** A 0.02° square with a 0.01° hole in its middle. */
    private static final String WITH_HOLE = "140502001001001,有洞,140502001001,\"POLYGON ((112.80 35.50, 112.82 35.50, "
            + "112.82 35.52, 112.80 35.52, 112.80 35.50), (112.805 35.505, 112.815 35.505, 112.815 35.515, "
            + "112.805 35.515, 112.805 35.505))\"\n";
    /** The hole, as a grid of its own. */
    private static final String IN_HOLE = "140502001001002,洞里,140502001001,\"POLYGON ((112.805 35.505, 112.815 35.505, "
            + "112.815 35.515, 112.805 35.515, 112.805 35.505))\"\n";
    /** Two separate parts. */
    private static final String TWO_PARTS = "140502001002001,两块,140502001002,\"MULTIPOLYGON (((112.90 35.50, 112.91 35.50, "
            + "112.91 35.51, 112.90 35.51, 112.90 35.50)), ((112.95 35.50, 112.96 35.50, 112.96 35.51, 112.95 35.51, "
            + "112.95 35.50)))\"\n";

    private final AtomicLong clock = new AtomicLong();
    private final InMemoryGridStore store = new InMemoryGridStore();
    private final GridRegistry registry = new GridRegistry(store, TestRegions.small(), clock::get);

    @Test
    void findsTheGridAroundAPointAndNoneOutside() {
        registry.importCsv(CITY_ADMIN, HEADER + WITH_HOLE + TWO_PARTS);

        assertThat(code(112.801, 35.501)).contains("140502001001001");
        assertThat(code(112.85, 35.50)).isEmpty();
        assertThat(code(100.0, 20.0)).isEmpty();
    }

    @Test
    void aHoleIsNotInsideUnlessAnotherGridFillsIt() {
        registry.importCsv(CITY_ADMIN, HEADER + WITH_HOLE);
        assertThat(code(112.81, 35.51)).isEmpty();

        registry.importCsv(CITY_ADMIN, HEADER + IN_HOLE);
        assertThat(code(112.81, 35.51)).contains("140502001001002");
    }

    @Test
    void findsEitherPartOfAMultiPolygonButNotTheGapBetween() {
        registry.importCsv(CITY_ADMIN, HEADER + TWO_PARTS);

        assertThat(code(112.905, 35.505)).contains("140502001002001");
        assertThat(code(112.955, 35.505)).contains("140502001002001");
        assertThat(code(112.93, 35.505)).isEmpty();
    }

    @Test
    void aReImportMovesTheGridAtOnce() {
        registry.importCsv(CITY_ADMIN, HEADER + GridImportTest.GOOD);
        assertThat(code(112.855, 35.505)).contains("140502001001001");

        registry.importCsv(CITY_ADMIN, HEADER + "140502001001001,搬走,140502001001," + GridImportTest.SQUARE_EAST + "\n");

        assertThat(code(112.855, 35.505)).isEmpty();
        assertThat(code(112.875, 35.505)).contains("140502001001001");
    }

    @Test
    void seesAnotherNodesWritesOnlyAfterTheNextCheck() {
        registry.importCsv(CITY_ADMIN, HEADER + GridImportTest.GOOD);
        assertThat(code(112.855, 35.505)).contains("140502001001001");

        // another node moves the grid east, in the shared database
        store.write(List.of(new GridDraft("140502001001001", "搬走", "140502001001", GridGeometry.toGeoJson(square(112.87)))));
        clock.addAndGet(GridLocator.CHECK_INTERVAL_NANOS / 2);
        assertThat(code(112.855, 35.505)).as("within the second: the index in hand").contains("140502001001001");

        clock.addAndGet(GridLocator.CHECK_INTERVAL_NANOS);
        assertThat(code(112.855, 35.505)).isEmpty();
        assertThat(code(112.875, 35.505)).contains("140502001001001");
    }

    @Test
    void checksTheRevisionAtMostOnceASecond() {
        registry.importCsv(CITY_ADMIN, HEADER + GridImportTest.GOOD);
        code(112.855, 35.505);
        int reads = store.revisionReads;

        for (int i = 0; i < 1000; i++) {
            code(112.855, 35.505);
        }
        assertThat(store.revisionReads).isEqualTo(reads);

        clock.addAndGet(GridLocator.CHECK_INTERVAL_NANOS);
        code(112.855, 35.505);
        assertThat(store.revisionReads).isEqualTo(reads + 1);
    }

    @Test
    void dropsAGridRemovedBehindItsBack() {
        registry.importCsv(CITY_ADMIN, HEADER + GridImportTest.GOOD + GridImportTest.GOOD_2);
        assertThat(registry.locator().size()).isEqualTo(2);

        store.delete("140502001001002");
        clock.addAndGet(GridLocator.CHECK_INTERVAL_NANOS);

        assertThat(code(112.875, 35.505)).isEmpty();
        assertThat(registry.locator().size()).isEqualTo(1);
    }

    @Test
    void aGridOutsideTheCallersRegionIsNotFound() {
        registry.importCsv(CITY_ADMIN, HEADER + GridImportTest.GOOD);
        Caller qinshui = new Caller("qinshui", Set.of(Role.COMMAND_OPERATOR), "140521", null);

        assertThat(registry.locate(qinshui, 112.855, 35.505)).isEmpty();
        assertThat(registry.locate(GridImportTest.DISTRICT_ADMIN, 112.855, 35.505)).isPresent();
    }

    @Test
    void theCodeAtAPointOrAnAddressComesFromTheIndexAloneWithoutReadingTheGrid() {
        registry.importCsv(CITY_ADMIN, HEADER + GridImportTest.GOOD + GridImportTest.GOOD_2);
        registry.importAddresses(CITY_ADMIN, "address,grid\n城区凤台东街12号,140502001001002\n");
        Caller qinshui = new Caller("qinshui", Set.of(Role.COMMAND_OPERATOR), "140521", null);
        code(112.855, 35.505);
        int reads = store.gridReads;

        assertThat(registry.codeAt(CITY_ADMIN, 112.855, 35.505)).contains("140502001001001");
        assertThat(registry.codeAt(CITY_ADMIN, 112.875, 35.505)).contains("140502001001002");
        assertThat(registry.codeAt(CITY_ADMIN, 112.0, 35.0)).isEmpty();
        assertThat(registry.codeAt(qinshui, 112.855, 35.505)).isEmpty();
        assertThat(registry.codeAt(CITY_ADMIN, Double.NaN, 35.505)).isEmpty();
        assertThat(registry.codeOf(CITY_ADMIN, "城区凤台东街１２号5单元")).contains("140502001001002");
        assertThat(registry.codeOf(qinshui, "城区凤台东街12号")).isEmpty();
        assertThat(registry.codeOf(CITY_ADMIN, "城区")).isEmpty();
        assertThat(store.gridReads).as("grid rows read").isEqualTo(reads);

        // The same answers as locating the whole grid, which does read it.
        assertThat(registry.locate(CITY_ADMIN, 112.875, 35.505).map(Grid::code)).contains("140502001001002");
        assertThat(registry.locate(CITY_ADMIN, "城区凤台东街12号").map(Grid::code)).contains("140502001001002");
        assertThat(store.gridReads).isEqualTo(reads + 2);
    }

    private Optional<String> code(double lon, double lat) {
        return registry.locate(CITY_ADMIN, lon, lat).map(Grid::code);
    }

    private static org.locationtech.jts.geom.Polygon square(double west) {
        return (org.locationtech.jts.geom.Polygon) GridGeometry.FACTORY.toGeometry(
                new org.locationtech.jts.geom.Envelope(west, west + 0.01, 35.50, 35.51));
    }
}
