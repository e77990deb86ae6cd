package org.civicgrid.core.region.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.junit.jupiter.api.Test;

class DivisionCatalogTest {

    @Test
    void jinchengHasItsSixCountiesAndAllItsVillages() {
        List<Region> regions = DivisionCatalog.city("1405");
        Map<RegionLevel, Long> perLevel = regions.stream()
                .collect(Collectors.groupingBy(Region::level, Collectors.counting()));
        assertThat(perLevel).containsEntry(RegionLevel.PROVINCE, 1L).containsEntry(RegionLevel.CITY, 1L)
                .containsEntry(RegionLevel.COUNTY, 6L).containsEntry(RegionLevel.VILLAGE, 1729L);
        assertThat(regions).filteredOn(r -> r.level() == RegionLevel.COUNTY).extracting(Region::name)
                .containsExactlyInAnyOrder("城区", "沁水县", "阳城县", "陵川县", "泽州县", "高平市");
    }

    @Test
    void everyParentComesBeforeItsChildren() {
        List<Region> regions = DivisionCatalog.city("1405");
        Set<String> seen = new HashSet<>();
        for (Region region : regions) {
            if (region.parentCode() != null) {
                assertThat(seen).as("parent of %s", region.code()).contains(region.parentCode());
            }
            seen.add(region.code());
        }
        Map<String, Region> byCode = regions.stream().collect(Collectors.toMap(Region::code, Function.identity()));
        assertThat(byCode.get("140521").name()).isEqualTo("沁水县");
        assertThat(byCode.get("140521").parentCode()).isEqualTo("1405");
    }

    @Test
    void unknownCityGivesNothingAndAMalformedOneIsRefused() {
        assertThat(DivisionCatalog.city("1499")).isEmpty();
        assertThatThrownBy(() -> DivisionCatalog.city("14a5")).hasMessageContaining("4 digits");
    }
}
