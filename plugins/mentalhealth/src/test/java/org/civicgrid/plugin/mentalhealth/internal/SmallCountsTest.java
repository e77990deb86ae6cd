package org.civicgrid.plugin.mentalhealth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** No published cell lets anyone work out a count below five. */
class SmallCountsTest {

    @Test
    void countsBelowTheThresholdAreHiddenZeroIncluded() {
        assertThat(SmallCounts.shown(0, 5)).isEqualTo("<5");
        assertThat(SmallCounts.shown(4, 5)).isEqualTo("<5");
        assertThat(SmallCounts.shown(5, 5)).isEqualTo("5");
    }

    @Test
    void aLoneHiddenCellTakesTheSmallestOtherWithIt() {
        Map<String, String> shown = SmallCounts.breakdown(cells(20, 7, 2, 9), 5);
        // total 38 is published: with only "c" hidden it would be 38 - 20 - 7 - 9 = 2.
        assertThat(shown).containsExactly(Map.entry("a", "20"), Map.entry("b", ">=5"), Map.entry("c", "<5"),
                Map.entry("d", "9"));
    }

    @Test
    void twoHiddenCellsNeedNoMore() {
        assertThat(SmallCounts.breakdown(cells(20, 7, 2, 0), 5)).containsExactly(Map.entry("a", "20"),
                Map.entry("b", "7"), Map.entry("c", "<5"), Map.entry("d", "<5"));
    }

    @Test
    void aSmallTotalHidesEverything() {
        assertThat(SmallCounts.breakdown(cells(3, 0, 1, 0), 5)).containsValues("<5").doesNotContainValue("3");
    }

    private static Map<String, Long> cells(long a, long b, long c, long d) {
        Map<String, Long> cells = new LinkedHashMap<>();
        cells.put("a", a);
        cells.put("b", b);
        cells.put("c", c);
        cells.put("d", d);
        return cells;
    }
}
