package org.civicgrid.core.grid.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The grid at a point: the platform's index ({@link GridLocator}, an STRtree of prepared outlines, exactly as the
 * platform builds it from stored GeoJSON) against a naive scan that asks every outline whether it covers the point,
 * over the same generated grids and the same points, in the same run.
 *
 * <p>The grids: {@code polygons} cells of a lattice about 1.2 km square (as the demo grids), each holding one
 * star-shaped outline of 16 to 128 vertices with a jagged edge (surveyed grid outlines have tens to a few hundred
 * vertices; the demo grids have 9). Outlines never overlap. The points: 4,096, nine in ten well inside a random
 * grid, one in ten anywhere over the lattice (often between outlines: a point in no grid is a normal answer too).
 *
 * <p>It lives in the grid bundle's package because the locator is package-private there; on the plain class path of
 * the benchmark jar that is allowed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xmx2g"})
public class LocateBenchmark {

    private static final double CELL_LON = 0.013;
    private static final double CELL_LAT = 0.0105;
    private static final double ORIGIN_LON = 100.0;
    private static final double ORIGIN_LAT = 25.0;
    private static final int POINTS = 4096;

    @Param({"1000", "10000", "100000"})
    public int polygons;

    private GridLocator locator;
    private List<Geometry> outlines;
    private List<String> codes;
    private double[] lon;
    private double[] lat;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws ParseException {
        int side = (int) Math.ceil(Math.sqrt(polygons));
        List<StoredGrid> grids = new ArrayList<>(polygons);
        outlines = new ArrayList<>(polygons);
        codes = new ArrayList<>(polygons);
        long vertices = 0;
        for (int k = 0; k < polygons; k++) {
            int i = k % side;
            int j = k / side;
            String code = String.format("14%013d", k);
            Polygon outline = outline(new SplittableRandom(k), ORIGIN_LON + i * CELL_LON, ORIGIN_LAT + j * CELL_LAT);
            vertices += outline.getNumPoints() - 1;
            String geoJson = GridGeometry.toGeoJson(outline);
            grids.add(new StoredGrid(code, "网格" + k, code.substring(0, 12), geoJson, List.of(), null, false, 1));
            // The naive scan reads the same stored GeoJSON, so both see identical coordinates.
            outlines.add(GridGeometry.fromGeoJson(geoJson));
            codes.add(code);
        }
        System.out.printf("%d grids, %.1f vertices each on average%n", polygons, (double) vertices / polygons);
        locator = new GridLocator(new FixedStore(grids), System::nanoTime);
        if (locator.size() != polygons) {
            throw new IllegalStateException("The index holds " + locator.size() + " grids, not " + polygons);
        }
        int rows = (polygons + side - 1) / side;
        SplittableRandom random = new SplittableRandom(42);
        lon = new double[POINTS];
        lat = new double[POINTS];
        int agree = 0;
        for (int p = 0; p < POINTS; p++) {
            if (random.nextInt(10) == 0) {
                lon[p] = ORIGIN_LON + random.nextDouble() * side * CELL_LON;
                lat[p] = ORIGIN_LAT + random.nextDouble() * rows * CELL_LAT;
            } else {
                // Well inside a random grid: every outline reaches at least 0.55 of its radius, a point within 0.5 is in.
                int k = random.nextInt(polygons);
                double angle = random.nextDouble(0, 2 * Math.PI);
                double r = 0.5 * random.nextDouble();
                lon[p] = ORIGIN_LON + (k % side + 0.5) * CELL_LON + CELL_LON * 0.45 * r * Math.cos(angle);
                lat[p] = ORIGIN_LAT + (k / side + 0.5) * CELL_LAT + CELL_LAT * 0.45 * r * Math.sin(angle);
            }
            if (locator.codesAt(lon[p], lat[p]).equals(scan(lon[p], lat[p]))) {
                agree++;
            }
        }
        if (agree != POINTS) {
            throw new IllegalStateException("The index and the scan disagree on " + (POINTS - agree) + " points");
        }
    }

    @Benchmark
    public List<String> index() {
        int p = next++ & (POINTS - 1);
        return locator.codesAt(lon[p], lat[p]);
    }

    @Benchmark
    public List<String> naiveScan() {
        int p = next++ & (POINTS - 1);
        return scan(lon[p], lat[p]);
    }

    /** What one would write without an index: every outline, in turn (covers() checks the bounding box first). */
    private List<String> scan(double longitude, double latitude) {
        Point point = GridGeometry.FACTORY.createPoint(new Coordinate(longitude, latitude));
        List<Integer> hits = new ArrayList<>();
        for (int k = 0; k < outlines.size(); k++) {
            if (outlines.get(k).covers(point)) {
                hits.add(k);
            }
        }
        hits.sort(Comparator.<Integer>comparingDouble(k -> outlines.get(k).getArea()).thenComparing(codes::get));
        return hits.stream().map(codes::get).toList();
    }

    /** A star-shaped outline around the cell's centre: simple whatever the random radii, and inside its cell. */
    private static Polygon outline(SplittableRandom random, double west, double south) {
        int n = random.nextInt(16, 129);
        double cx = west + CELL_LON / 2;
        double cy = south + CELL_LAT / 2;
        double rx = CELL_LON * 0.45;
        double ry = CELL_LAT * 0.45;
        double phase = random.nextDouble(0, 2 * Math.PI);
        Coordinate[] ring = new Coordinate[n + 1];
        for (int v = 0; v < n; v++) {
            double angle = phase + 2 * Math.PI * v / n;
            double r = random.nextDouble(0.55, 1.0);
            ring[v] = new Coordinate(cx + rx * r * Math.cos(angle), cy + ry * r * Math.sin(angle));
        }
        ring[n] = ring[0];
        return GridGeometry.FACTORY.createPolygon(ring);
    }

    /** The grids as a store holding one revision: the locator builds its index once and never rebuilds it. */
    private record FixedStore(List<StoredGrid> grids) implements GridStore {

        @Override
        public long revision() {
            return 1;
        }

        @Override
        public Changes changedSince(long revision) {
            return new Changes(1, grids.size(), revision < 1 ? grids : List.of());
        }

        @Override
        public Optional<StoredGrid> find(String code) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<StoredGrid> within(String codePrefix) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<String> existing(Collection<String> codes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long write(List<GridDraft> drafts) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void staff(String code, List<String> workers, String leader) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean demoGenerated(String cityCode) {
            return true;
        }

        @Override
        public boolean writeDemo(String cityCode, List<GridDraft> drafts) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<String> existingAddresses(Collection<String> addresses) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void writeAddresses(List<AddressDraft> addresses) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> gridOfAddress(List<String> candidates) {
            return Optional.empty();
        }
    }
}
