package org.civicgrid.core.api.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionLevelTest {

    @Test
    void levelFollowsTheCodeLength() {
        assertThat(RegionLevel.ofCode("14")).isEqualTo(RegionLevel.PROVINCE);
        assertThat(RegionLevel.ofCode("1405")).isEqualTo(RegionLevel.CITY);
        assertThat(RegionLevel.ofCode("140521")).isEqualTo(RegionLevel.COUNTY);
        assertThat(RegionLevel.ofCode("140521100")).isEqualTo(RegionLevel.TOWNSHIP);
        assertThat(RegionLevel.ofCode("140521100200")).isEqualTo(RegionLevel.VILLAGE);
    }

    @Test
    void rejectsWhatIsNotADivisionCode() {
        assertThatThrownBy(() -> RegionLevel.ofCode("14052")).hasMessageContaining("5");
        assertThatThrownBy(() -> RegionLevel.ofCode("14a5")).hasMessageContaining("only digits");
        assertThatThrownBy(() -> RegionLevel.ofCode(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRegionContainsItsSubtreeOnly() {
        Region qinshui = new Region("140521", "沁水县", RegionLevel.COUNTY, "1405");
        assertThat(qinshui.contains("140521100200")).isTrue();
        assertThat(qinshui.contains("140522100200")).isFalse();
    }
}
