package org.civicgrid.core.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.grid.Grid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A caller sees the grids of their own region subtree only; the others look exactly like missing ones. */
class RegionSubtreeTest {

    private static final String QINSHUI_GRID = "140521100200001,杏峪村网格,140521100200,"
            + "\"POLYGON ((112.18 35.69, 112.19 35.69, 112.19 35.70, 112.18 35.70, 112.18 35.69))\"\n";
    private static final Caller CHENGQU_WORKER = new Caller("w1", Set.of(Role.GRID_WORKER), "140502", null);
    private static final Caller COMMUNITY_WORKER = new Caller("w2", Set.of(Role.GRID_WORKER), "140502001001", null);

    private final InMemoryGridStore store = new InMemoryGridStore();
    private final GridRegistry registry = new GridRegistry(store, TestRegions.small(), System::nanoTime);

    @BeforeEach
    void grids() {
        registry.importCsv(GridImportTest.CITY_ADMIN, GridImportTest.HEADER + GridImportTest.GOOD + QINSHUI_GRID);
    }

    @Test
    void findAnswersOutsideTheSubtreeAsIfTheGridDidNotExist() {
        assertThat(registry.find(CHENGQU_WORKER, "140502001001001")).isPresent();
        assertThat(registry.find(CHENGQU_WORKER, "140521100200001")).isEmpty();
        assertThat(registry.find(CHENGQU_WORKER, "140521100200999")).isEmpty();
    }

    @Test
    void withinGivesTheGridsUnderBothTheRegionAndTheCallersNode() {
        assertThat(registry.within(CHENGQU_WORKER, "140502")).extracting(Grid::code).containsExactly("140502001001001");
        // asking for the whole city gives only what the caller reaches
        assertThat(registry.within(CHENGQU_WORKER, "1405")).extracting(Grid::code).containsExactly("140502001001001");
        assertThat(registry.within(CHENGQU_WORKER, "140521")).isEmpty();
        assertThat(registry.within(COMMUNITY_WORKER, "1405")).extracting(Grid::code).containsExactly("140502001001001");
        assertThat(registry.within(GridImportTest.CITY_ADMIN, "1405")).hasSize(2);
    }

    @Test
    void exportLeavesOtherRegionsOut() {
        assertThat(registry.exportGeoJson(CHENGQU_WORKER, "1405"))
                .contains("140502001001001").doesNotContain("140521100200001");
        assertThat(registry.exportGeoJson(CHENGQU_WORKER, "140521"))
                .isEqualTo("{\"type\":\"FeatureCollection\",\"features\":[]}");
    }

    @Test
    void locateByPointAndByAddressStayInsideTheSubtree() {
        registry.importAddresses(GridImportTest.CITY_ADMIN, "address,grid\n沁水县龙港镇杏峪村1号,140521100200001\n");

        assertThat(registry.locate(CHENGQU_WORKER, 112.185, 35.695)).isEmpty();
        assertThat(registry.locate(CHENGQU_WORKER, "沁水县龙港镇杏峪村1号")).isEmpty();
        assertThat(registry.locate(GridImportTest.CITY_ADMIN, "沁水县龙港镇杏峪村1号")).isPresent();
    }
}
