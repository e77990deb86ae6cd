package org.civicgrid.core.grid.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.civicgrid.core.api.region.RegionService;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * Lays out plausible demo grids for the villages/communities of some counties. The division codes carry no
 * coordinates, so every village/community gets one cell of a lattice shared by all counties (about 1.2 km square),
 * the cells nearest its county's centre that are still free, communities (residents' committees) first. Each cell
 * is cut into grids: an urban district's community into 7 (城区 then has about as many grids as its real 682), its
 * villages into 2; a county's communities into 3, its villages into 1. Grids keep a gap between them and their edges
 * are bent at random (seeded by the code, so the layout is the same every time): outlines never overlap.
 */
final class DemoGridLayout {

    /** Suffix of every demo grid's name. */
    static final String NAME_SUFFIX = "（演示）";

    /** The lattice: about 1.18 km east-west and 1.17 km north-south at 35.5°N. */
    static final double CELL_LON = 0.013;
    static final double CELL_LAT = 0.0105;
    private static final double ORIGIN_LON = 112.0;
    private static final double ORIGIN_LAT = 35.0;
    /** Gap around each grid, as a share of its slot: the bent edges move inside it. */
    private static final double GAP = 0.06;

    private final RegionService regions;
    private final Set<Long> taken = new HashSet<>();

    DemoGridLayout(RegionService regions) {
        this.regions = regions;
    }

    /** A county and where to lay it out. */
    record CountyCentre(String code, double longitude, double latitude) {

        /** Parses {@code code=longitude,latitude}. */
        static CountyCentre parse(String text) {
            String[] parts = text.split("[=,]");
            if (parts.length != 3) {
                throw new IllegalArgumentException("Write a county centre as code=longitude,latitude, not " + text);
            }
            return new CountyCentre(parts[0].strip(), Double.parseDouble(parts[1].strip()),
                    Double.parseDouble(parts[2].strip()));
        }
    }

    /** The grids of every listed county the region tree knows, in the order given. */
    List<GridDraft> layout(List<CountyCentre> counties) {
        List<GridDraft> grids = new ArrayList<>();
        for (CountyCentre county : counties) {
            if (regions.find(county.code()).isPresent()) {
                grids.addAll(county(county));
            }
        }
        return grids;
    }

    private List<GridDraft> county(CountyCentre county) {
        List<Region> villages = new ArrayList<>();
        for (Region township : regions.children(county.code())) {
            regions.children(township.code()).stream().filter(r -> r.level() == RegionLevel.VILLAGE).forEach(villages::add);
        }
        villages.sort(Comparator.comparing((Region v) -> !isCommunity(v)).thenComparing(Region::code));
        List<long[]> cells = freeCells(county, villages.size());
        boolean urban = isUrbanDistrict(county.code());
        List<GridDraft> grids = new ArrayList<>();
        for (int i = 0; i < villages.size(); i++) {
            Region village = villages.get(i);
            int count = isCommunity(village) ? (urban ? 7 : 3) : (urban ? 2 : 1);
            grids.addAll(cut(village, cells.get(i), count));
        }
        return grids;
    }

    /** The free cells nearest the centre, nearest first, and marks them taken. */
    private List<long[]> freeCells(CountyCentre county, int count) {
        long ci = (long) Math.floor((county.longitude() - ORIGIN_LON) / CELL_LON);
        long cj = (long) Math.floor((county.latitude() - ORIGIN_LAT) / CELL_LAT);
        for (int radius = (int) Math.ceil(Math.sqrt(count)); ; radius *= 2) {
            List<long[]> free = new ArrayList<>();
            for (long i = ci - radius; i <= ci + radius; i++) {
                for (long j = cj - radius; j <= cj + radius; j++) {
                    if (!taken.contains(key(i, j))) {
                        free.add(new long[] {i, j, (i - ci) * (i - ci) + (j - cj) * (j - cj)});
                    }
                }
            }
            if (free.size() >= count) {
                free.sort(Comparator.<long[]>comparingLong(c -> c[2]).thenComparingLong(c -> c[1]).thenComparingLong(c -> c[0]));
                List<long[]> chosen = free.subList(0, count);
                chosen.forEach(c -> taken.add(key(c[0], c[1])));
                return chosen;
            }
        }
    }

    /** Cuts a cell into rows of grids: full rows of {@code columns}, the last row shares the width among the rest. */
    private static List<GridDraft> cut(Region village, long[] cell, int count) {
        double west = ORIGIN_LON + cell[0] * CELL_LON;
        double south = ORIGIN_LAT + cell[1] * CELL_LAT;
        int columns = (int) Math.ceil(Math.sqrt(count));
        int rows = (count + columns - 1) / columns;
        double rowHeight = CELL_LAT / rows;
        String baseName = shortName(village.name());
        List<GridDraft> grids = new ArrayList<>();
        int sequence = 0;
        for (int row = 0; row < rows; row++) {
            int inRow = row < rows - 1 ? columns : count - columns * (rows - 1);
            double width = CELL_LON / inRow;
            for (int column = 0; column < inRow; column++) {
                sequence++;
                String code = village.code() + String.format("%03d", sequence);
                double top = south + CELL_LAT - row * rowHeight;
                Polygon outline = outline(code, west + column * width, top - rowHeight, width, rowHeight);
                String name = baseName + (count == 1 ? "网格" : "第" + sequence + "网格") + NAME_SUFFIX;
                grids.add(new GridDraft(code, name, village.code(), GridGeometry.toGeoJson(outline)));
            }
        }
        return grids;
    }

    /** A slot inset by the gap, each edge bent at its middle by up to 90% of the gap, in or out. */
    private static Polygon outline(String code, double west, double south, double width, double height) {
        SplittableRandom random = new SplittableRandom(Long.parseLong(code));
        double gx = width * GAP;
        double gy = height * GAP;
        double x0 = west + gx;
        double x1 = west + width - gx;
        double y0 = south + gy;
        double y1 = south + height - gy;
        double bend = 0.9;
        Coordinate[] ring = {
            new Coordinate(x0, y0),
            new Coordinate(x0 + (x1 - x0) * random.nextDouble(0.3, 0.7), y0 + gy * random.nextDouble(-bend, bend)),
            new Coordinate(x1, y0),
            new Coordinate(x1 + gx * random.nextDouble(-bend, bend), y0 + (y1 - y0) * random.nextDouble(0.3, 0.7)),
            new Coordinate(x1, y1),
            new Coordinate(x0 + (x1 - x0) * random.nextDouble(0.3, 0.7), y1 + gy * random.nextDouble(-bend, bend)),
            new Coordinate(x0, y1),
            new Coordinate(x0 + gx * random.nextDouble(-bend, bend), y0 + (y1 - y0) * random.nextDouble(0.3, 0.7)),
            new Coordinate(x0, y0)
        };
        return GridGeometry.FACTORY.createPolygon(ring);
    }

    /** 东街社区居委会 → 东街社区, 杏峪村委会 → 杏峪村, 钟家庄村村委会 → 钟家庄村. */
    static String shortName(String villageName) {
        for (String[] committee : new String[][] {{"居民委员会", "社区"}, {"居委会", "社区"}, {"村民委员会", "村"}, {"村委会", "村"}}) {
            if (villageName.endsWith(committee[0]) && villageName.length() > committee[0].length()) {
                String base = villageName.substring(0, villageName.length() - committee[0].length());
                return base.endsWith(committee[1]) ? base : base + committee[1];
            }
        }
        return villageName;
    }

    /** Residents' committees (社区/居委会) have a village sequence 001–199. */
    static boolean isCommunity(Region village) {
        return Integer.parseInt(village.code().substring(9, 12)) < 200;
    }

    /** County digits 01–18 are urban districts (市辖区). */
    static boolean isUrbanDistrict(String countyCode) {
        return Integer.parseInt(countyCode.substring(4, 6)) <= 18;
    }

    private static long key(long i, long j) {
        return i * 1_000_003L + j;
    }
}
