package org.civicgrid.core.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.grid.Grid;
import org.civicgrid.core.api.grid.ImportReport;
import org.civicgrid.core.api.grid.ImportReport.RowProblem;
import org.junit.jupiter.api.Test;

/** Ways of writing one address meet in one normalised form; the library maps it to its grid. */
class StandardAddressTest {

    @Test
    void fullWidthBecomesHalfWidthAndLettersUpperCase() {
        assertThat(StandardAddress.normalise("城区凤台东街１２号ａ座")).isEqualTo("城区凤台东街12号A栋");
    }

    @Test
    void whitespaceAndPunctuationGo() {
        assertThat(StandardAddress.normalise(" 城区，凤台东街 (东段) 12号。\t")).isEqualTo("城区凤台东街东段12号");
        assertThat(StandardAddress.normalise("城区　凤台东街＃12号")).isEqualTo("城区凤台东街12号");
    }

    @Test
    void buildingWordsAndTraditionalFormsAreUnified() {
        String expected = "凤台东街12号3栋2单元101";
        assertThat(StandardAddress.normalise("凤台东街12号3号楼2单元101室")).isEqualTo(expected);
        assertThat(StandardAddress.normalise("凤台东街12號3幢2单元101")).isEqualTo(expected);
        assertThat(StandardAddress.normalise("凤台东街12号3座2单元101室")).isEqualTo(expected);
        assertThat(StandardAddress.normalise("凤台东街12号3栋2单元101")).isEqualTo(expected);
        // 号 alone is a house number and stays
        assertThat(StandardAddress.normalise("凤台东街12号")).isEqualTo("凤台东街12号");
    }

    @Test
    void aDashBetweenNumbersIsKeptAsOneSoNumbersDoNotRunTogether() {
        assertThat(StandardAddress.normalise("凤台东街12号3－2－101")).isEqualTo("凤台东街12号3-2-101");
        assertThat(StandardAddress.normalise("凤台东街12号3 — 21 - 01")).isEqualTo("凤台东街12号3-21-01");
        assertThat(StandardAddress.normalise("凤台东街12号3-2-101")).isNotEqualTo(StandardAddress.normalise("凤台东街12号3-21-01"));
    }

    @Test
    void nothingLeftIsEmpty() {
        assertThat(StandardAddress.normalise(" ，。 ")).isEmpty();
        assertThat(StandardAddress.normalise(null)).isEmpty();
    }

    @Test
    void lookupTriesLongerStartsFirstAndNeverCutsANumber() {
        assertThat(StandardAddress.lookupCandidates("凤台东街151号"))
                .containsExactly("凤台东街151号", "凤台东街151", "凤台东街");
    }

    @Test
    void theLibraryFindsAnAddressHoweverItIsWrittenAndDownToTheRoom() {
        InMemoryGridStore store = new InMemoryGridStore();
        GridRegistry registry = new GridRegistry(store, TestRegions.small(), System::nanoTime);
        registry.importCsv(GridImportTest.CITY_ADMIN, GridImportTest.HEADER + GridImportTest.GOOD + GridImportTest.GOOD_2);

        ImportReport report = registry.importAddresses(GridImportTest.CITY_ADMIN, """
                address,grid
                城区凤台东街12号,140502001001001
                城区凤台东街12号3号楼,140502001001002
                """);
        assertThat(report.applied()).isTrue();

        Caller caller = new Caller("w", Set.of(Role.GRID_WORKER), "140502", null);
        assertThat(registry.locate(caller, "城区凤台东街１２号").map(Grid::code)).contains("140502001001001");
        assertThat(registry.locate(caller, "城区 凤台东街12号 5单元").map(Grid::code)).contains("140502001001001");
        assertThat(registry.locate(caller, "城区凤台东街12号3幢2单元101室").map(Grid::code)).contains("140502001001002");
        assertThat(registry.locate(caller, "城区凤台东街121号")).isEmpty();
        assertThat(registry.locate(caller, "城区")).isEmpty();
    }

    @Test
    void addressImportsAreAllOrNothingWithAReasonPerRow() {
        InMemoryGridStore store = new InMemoryGridStore();
        GridRegistry registry = new GridRegistry(store, TestRegions.small(), System::nanoTime);
        registry.importCsv(GridImportTest.CITY_ADMIN, GridImportTest.HEADER + GridImportTest.GOOD);
        registry.importAddresses(GridImportTest.CITY_ADMIN, "address,grid\n城区凤台东街12号,140502001001001\n");

        ImportReport report = registry.importAddresses(GridImportTest.DISTRICT_ADMIN, """
                address,grid
                城区凤台东街１２号,140502001001001
                城区凤台东街14号,140502001001009
                沁水县龙港镇1号,140521100200001
                城区凤台东街 18号,140502001001001
                城区凤台东街16号,1405
                "  ",140502001001001
                """);

        assertThat(report.applied()).isFalse();
        assertThat(report.problems()).extracting(RowProblem::row).containsExactly(2, 3, 5, 6);
        assertThat(report.problems()).extracting(RowProblem::message).satisfiesExactly(
                m -> assertThat(m).contains("no grid 140502001001009"),
                m -> assertThat(m).contains("outside your region 140502"),
                m -> assertThat(m).contains("15 digits"),
                m -> assertThat(m).contains("empty"));
        assertThat(report.updated()).containsExactly("城区凤台东街12号");
        assertThat(store.addresses).containsOnlyKeys("城区凤台东街12号");
    }

    @Test
    void theSameAddressTwiceInOneFileIsRefused() {
        InMemoryGridStore store = new InMemoryGridStore();
        GridRegistry registry = new GridRegistry(store, TestRegions.small(), System::nanoTime);
        registry.importCsv(GridImportTest.CITY_ADMIN, GridImportTest.HEADER + GridImportTest.GOOD);

        ImportReport report = registry.importAddresses(GridImportTest.CITY_ADMIN,
                "address,grid\n城区凤台东街12号,140502001001001\n城区凤台东街１２號,140502001001001\n");

        assertThat(report.applied()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("Row 1"));
        assertThat(store.addresses).isEmpty();
    }
}
