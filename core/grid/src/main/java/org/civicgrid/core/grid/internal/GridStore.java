package org.civicgrid.core.grid.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where grids and the address library are kept. Every write is one transaction. */
interface GridStore {

    Optional<StoredGrid> find(String code);

    /** The grids whose code starts with the prefix, ordered by code. */
    List<StoredGrid> within(String codePrefix);

    /** Which of the codes are stored. */
    Set<String> existing(Collection<String> codes);

    /** The grid revision counter: it grows with every write. */
    long revision();

    /**
     * What changed after a revision, for the point index. The revision is read before the rows, so a write that
     * commits in between is seen again next time rather than missed.
     *
     * @param revision a revision seen earlier, or -1 for every grid
     */
    Changes changedSince(long revision);

    /** Writes (inserts or replaces) the grids, keeping their workers and leader; returns the new revision. */
    long write(List<GridDraft> grids);

    /** Replaces the grid's workers and leader, in one transaction. */
    void staff(String code, List<String> workers, String leader);

    /** Whether demo grids were generated for the city. */
    boolean demoGenerated(String cityCode);

    /**
     * Writes demo grids and records that the city has them, in one transaction; writes nothing if the city is
     * already recorded (another node got there first).
     *
     * @return whether they were written
     */
    boolean writeDemo(String cityCode, List<GridDraft> grids);

    /** Which of the normalised addresses are in the library. */
    Set<String> existingAddresses(Collection<String> addresses);

    /** Writes (inserts or replaces) library entries. */
    void writeAddresses(List<AddressDraft> addresses);

    /** The grid of the longest of the normalised addresses the library knows. */
    Optional<String> gridOfAddress(List<String> candidates);

    /**
     * @param revision the counter when the rows were read
     * @param total how many grids are stored
     * @param grids the grids written after the revision asked for (without workers)
     */
    record Changes(long revision, long total, List<StoredGrid> grids) {
    }
}
