package org.civicgrid.core.grid.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.civicgrid.core.api.region.RegionService;

/** A region tree in memory: a few hand-made regions, or Jincheng's real divisions as core/region ships them. */
final class TestRegions implements RegionService {

    private final Map<String, Region> regions = new TreeMap<>();

    TestRegions(Collection<Region> regions) {
        regions.forEach(r -> this.regions.put(r.code(), r));
    }

    /** 城区 with one street and one community, 沁水县 with one town and one village. */
    static TestRegions small() {
        return new TestRegions(List.of(
                new Region("14", "山西省", RegionLevel.PROVINCE, null),
                new Region("1405", "晋城市", RegionLevel.CITY, "14"),
                new Region("140502", "城区", RegionLevel.COUNTY, "1405"),
                new Region("140502001", "东街街道", RegionLevel.TOWNSHIP, "140502"),
                new Region("140502001001", "建设路社区居委会", RegionLevel.VILLAGE, "140502001"),
                new Region("140502001002", "康乐社区居委会", RegionLevel.VILLAGE, "140502001"),
                new Region("140521", "沁水县", RegionLevel.COUNTY, "1405"),
                new Region("140521100", "龙港镇", RegionLevel.TOWNSHIP, "140521"),
                new Region("140521100200", "杏峪村委会", RegionLevel.VILLAGE, "140521100")));
    }

    /** Jincheng (1405): its counties, townships and villages from the division files core/region ships. */
    static TestRegions jincheng() {
        List<Region> all = new ArrayList<>();
        all.add(new Region("1405", "晋城市", RegionLevel.CITY, "14"));
        read("/divisions/areas.csv", r -> r.get("cityCode").equals("1405"),
                r -> all.add(new Region(r.get("code"), r.get("name"), RegionLevel.COUNTY, "1405")));
        read("/divisions/streets-14-shanxi.csv", r -> r.get("cityCode").equals("1405"),
                r -> all.add(new Region(r.get("code"), r.get("name"), RegionLevel.TOWNSHIP, r.get("areaCode"))));
        read("/divisions/villages-14-shanxi.csv", r -> r.get("cityCode").equals("1405"),
                r -> all.add(new Region(r.get("code"), r.get("name"), RegionLevel.VILLAGE, r.get("streetCode"))));
        return new TestRegions(all);
    }

    private static void read(String resource, java.util.function.Predicate<CSVRecord> filter,
                             java.util.function.Consumer<CSVRecord> row) {
        try (Reader reader = new InputStreamReader(TestRegions.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
                if (filter.test(record)) {
                    row.accept(record);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Region> find(String code) {
        return Optional.ofNullable(regions.get(code));
    }

    @Override
    public List<Region> children(String code) {
        return regions.values().stream().filter(r -> code.equals(r.parentCode()))
                .sorted(Comparator.comparing(Region::code)).toList();
    }

    long count(RegionLevel level) {
        return regions.values().stream().filter(r -> r.level() == level).count();
    }

    @Override
    public long count() {
        return regions.size();
    }
}
