package org.civicgrid.core.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.civicgrid.core.api.grid.ImportReport;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;

/** Demo grids over Jincheng's real villages/communities: counts, validity, no overlaps, each near its county. */
class DemoGridLayoutTest {

    private static final TestRegions JINCHENG = TestRegions.jincheng();
    private static final List<DemoGridLayout.CountyCentre> CENTRES = Arrays.stream(
                    DemoConfiguration.class.getDeclaredMethods())
            .filter(m -> m.getName().equals("countyCentres")).findFirst()
            .map(m -> (String[]) m.getDefaultValue()).stream()
            .flatMap(Arrays::stream).map(DemoGridLayout.CountyCentre::parse).toList();

    private static List<GridDraft> grids;
    private static final Map<String, Geometry> OUTLINES = new HashMap<>();

    @BeforeAll
    static void layout() throws ParseException {
        grids = new DemoGridLayout(JINCHENG).layout(CENTRES);
        for (GridDraft grid : grids) {
            OUTLINES.put(grid.code(), GridGeometry.fromGeoJson(grid.geoJson()));
        }
    }

    @Test
    void everyVillageAndCommunityGetsItsGridsAndChengquAboutItsReal682() {
        long villages = JINCHENG.count(RegionLevel.VILLAGE);
        assertThat(villages).isEqualTo(1729);
        assertThat(grids.stream().map(GridDraft::villageCode).distinct().count()).isEqualTo(villages);
        Map<String, Long> perCounty = grids.stream().collect(Collectors.groupingBy(g -> g.code().substring(0, 6),
                Collectors.counting()));
        assertThat(perCounty).containsOnlyKeys("140502", "140521", "140522", "140524", "140525", "140581");
        // 城区: 85 communities × 7 + 49 villages × 2
        assertThat(perCounty.get("140502")).isEqualTo(693L);
        assertThat(grids).hasSize(2446);
        assertThat(grids.stream().map(GridDraft::code).distinct().count()).isEqualTo(grids.size());
    }

    @Test
    void codesNamesAndParentsAreWhatAnImportWouldAccept() {
        assertThat(grids).allSatisfy(g -> {
            assertThat(g.code()).matches("\\d{15}").startsWith(g.villageCode());
            assertThat(JINCHENG.find(g.villageCode()).map(Region::level)).contains(RegionLevel.VILLAGE);
            assertThat(g.name()).endsWith(DemoGridLayout.NAME_SUFFIX).hasSizeLessThanOrEqualTo(GridImport.NAME_MAX);
        });
        assertThat(grids.get(0).name()).isEqualTo("建设路社区第1网格（演示）");
    }

    @Test
    void everyOutlineIsAValidPolygonInChina() {
        assertThat(OUTLINES.values()).allSatisfy(outline -> assertThat(GridGeometry.problem(outline)).isEmpty());
    }

    @Test
    void noTwoGridsOverlapOrEvenTouch() {
        STRtree tree = new STRtree();
        OUTLINES.forEach((code, outline) -> tree.insert(outline.getEnvelopeInternal(), code));
        List<String> touching = new ArrayList<>();
        OUTLINES.forEach((code, outline) -> {
            for (Object other : tree.query(outline.getEnvelopeInternal())) {
                if (!other.equals(code) && outline.intersects(OUTLINES.get(other))) {
                    touching.add(code + "/" + other);
                }
            }
        });
        assertThat(touching).isEmpty();
    }

    @Test
    void eachGridLiesNearItsCountySeatInsideJincheng() {
        Map<String, DemoGridLayout.CountyCentre> centres = CENTRES.stream()
                .collect(Collectors.toMap(DemoGridLayout.CountyCentre::code, c -> c));
        OUTLINES.forEach((code, outline) -> {
            DemoGridLayout.CountyCentre centre = centres.get(code.substring(0, 6));
            Point middle = outline.getCentroid();
            // 城区 is 149 km² of city: its grids stay within about 10 km of the centre; the counties within about 20 km
            double reach = centre.code().equals("140502") ? 0.1 : 0.2;
            assertThat(Math.hypot(middle.getX() - centre.longitude(), middle.getY() - centre.latitude()))
                    .as(code).isLessThan(reach);
            assertThat(middle.getX()).as(code).isBetween(111.9, 113.7);
            assertThat(middle.getY()).as(code).isBetween(35.2, 36.1);
        });
    }

    @Test
    void gridsAreTheSizeOfRealOnes() {
        // about 0.18 km² (7 per community cell of 1.38 km²) to 1.2 km² (a village as one grid)
        double kmPerDegreeLon = 111.32 * Math.cos(Math.toRadians(35.5));
        OUTLINES.values().forEach(outline -> assertThat(outline.getArea() * kmPerDegreeLon * 110.95)
                .isBetween(0.1, 1.4));
    }

    @Test
    void theLoaderGeneratesOnceAndEveryGridPassesImportValidation() {
        InMemoryGridStore store = new InMemoryGridStore();
        DemoGridLoader.generateOnce(store, JINCHENG, CENTRES);
        DemoGridLoader.generateOnce(store, JINCHENG, CENTRES);

        assertThat(store.grids).hasSize(2446);
        assertThat(store.revision).isEqualTo(1);
        assertThat(store.grids.values()).allMatch(StoredGrid::demo);

        // an administrator exporting 城区 and importing it back changes nothing but the demo flag
        GridRegistry registry = new GridRegistry(store, JINCHENG, System::nanoTime);
        ImportReport report = registry.importGeoJson(GridImportTest.CITY_ADMIN,
                registry.exportGeoJson(GridImportTest.CITY_ADMIN, "140502"));
        assertThat(report.problems()).isEmpty();
        assertThat(report.updated()).hasSize(693);
        assertThat(store.grids.values().stream().filter(g -> !g.demo()).map(g -> g.code().substring(0, 6))
                .collect(Collectors.toSet())).isEqualTo(Set.of("140502"));
    }
}
