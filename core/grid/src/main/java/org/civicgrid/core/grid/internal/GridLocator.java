package org.civicgrid.core.grid.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the grids at a point with an in-memory R-tree (JTS STRtree) of prepared outlines. The index is immutable:
 * a change builds a new one from a copy and swaps it in at once, so a lookup never sees half an update. It is
 * refreshed right after this node writes grids, and at most once a second a lookup compares the database's grid
 * revision with the index's, so writes made by other nodes are seen within about a second.
 */
final class GridLocator {

    static final long CHECK_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final Logger LOG = LoggerFactory.getLogger(GridLocator.class);

    private final GridStore store;
    private final LongSupplier nanoClock;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Index index;
    private volatile long nextCheck;

    GridLocator(GridStore store, LongSupplier nanoClock) {
        this.store = store;
        this.nanoClock = nanoClock;
    }

    /**
     * @return the codes of the grids whose outline covers the point (boundary included), smallest area first, then
     *         by code: where outlines overlap or touch, the most specific grid comes first
     */
    List<String> codesAt(double longitude, double latitude) {
        return current().codesAt(longitude, latitude);
    }

    /** How many grids the index holds now. */
    int size() {
        return current().entries.size();
    }

    /** Brings the index up to date now (after this node wrote grids). */
    void refresh() {
        refreshing.lock();
        try {
            refreshIfStale();
        } finally {
            refreshing.unlock();
        }
    }

    private Index current() {
        Index current = index;
        if (current == null) {
            refresh();
            return index;
        }
        // One lookup a second checks the revision; the others use the index they have meanwhile.
        if (nanoClock.getAsLong() - nextCheck >= 0 && refreshing.tryLock()) {
            try {
                if (nanoClock.getAsLong() - nextCheck >= 0) {
                    refreshIfStale();
                }
            } finally {
                refreshing.unlock();
            }
        }
        return index;
    }

    private void refreshIfStale() {
        nextCheck = nanoClock.getAsLong() + CHECK_INTERVAL_NANOS;
        Index old = index;
        if (old != null && store.revision() == old.revision) {
            return;
        }
        long started = System.nanoTime();
        GridStore.Changes changes = store.changedSince(old == null ? -1 : old.revision);
        Map<String, Entry> entries = old == null ? new HashMap<>() : new HashMap<>(old.entries);
        changes.grids().forEach(grid -> put(entries, grid));
        if (entries.size() != changes.total()) {
            // Rows went away (never done by the platform itself): start from scratch.
            changes = store.changedSince(-1);
            entries.clear();
            changes.grids().forEach(grid -> put(entries, grid));
        }
        index = new Index(changes.revision(), entries);
        LOG.info("Grid index at revision {}: {} grids, {} changed, built in {} ms", changes.revision(),
                entries.size(), changes.grids().size(), (System.nanoTime() - started) / 1_000_000);
    }

    private static void put(Map<String, Entry> entries, StoredGrid grid) {
        try {
            Geometry outline = GridGeometry.fromGeoJson(grid.geoJson());
            entries.put(grid.code(), new Entry(grid.code(), PreparedGeometryFactory.prepare(outline), outline.getArea()));
        } catch (ParseException | RuntimeException e) {
            entries.remove(grid.code());
            LOG.warn("Grid {} has an unreadable outline and cannot be located: {}", grid.code(), e.getMessage());
        }
    }

    private record Entry(String code, PreparedGeometry outline, double area) {
    }

    /** One immutable state of the index. */
    private static final class Index {

        private static final Comparator<Entry> MOST_SPECIFIC =
                Comparator.comparingDouble(Entry::area).thenComparing(Entry::code);

        final long revision;
        final Map<String, Entry> entries;
        private final STRtree tree;

        Index(long revision, Map<String, Entry> entries) {
            this.revision = revision;
            this.entries = Map.copyOf(entries);
            STRtree built = new STRtree();
            for (Entry entry : this.entries.values()) {
                built.insert(entry.outline().getGeometry().getEnvelopeInternal(), entry);
            }
            built.build();
            this.tree = built;
        }

        List<String> codesAt(double longitude, double latitude) {
            Point point = GridGeometry.FACTORY.createPoint(new Coordinate(longitude, latitude));
            List<Entry> hits = new ArrayList<>();
            for (Object candidate : tree.query(new Envelope(point.getCoordinate()))) {
                Entry entry = (Entry) candidate;
                if (entry.outline().covers(point)) {
                    hits.add(entry);
                }
            }
            hits.sort(MOST_SPECIFIC);
            return hits.stream().map(Entry::code).toList();
        }
    }
}
