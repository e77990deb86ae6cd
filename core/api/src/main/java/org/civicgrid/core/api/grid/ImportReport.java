package org.civicgrid.core.api.grid;

import java.util.List;

/**
 * What an import did. An import is all-or-nothing: if any row is refused, nothing is written and
 * {@code applied} is false.
 *
 * @param applied whether the rows were written
 * @param accepted how many rows were (or would have been) written
 * @param problems every refused row, with the reason
 * @param updated the keys (grid codes, or normalised addresses) of accepted rows that replace (or would have
 *        replaced) a record already stored; every other accepted row is new
 * @since 1.0
 */
public record ImportReport(boolean applied, int accepted, List<RowProblem> problems, List<String> updated) {

    /** @since 1.0 */
    public ImportReport {
        problems = List.copyOf(problems);
        updated = updated == null ? List.of() : List.copyOf(updated);
    }

    /**
     * A report that replaces nothing.
     *
     * @param applied whether the rows were written
     * @param accepted how many rows were (or would have been) written
     * @param problems every refused row, with the reason
     * @since 1.0
     */
    public ImportReport(boolean applied, int accepted, List<RowProblem> problems) {
        this(applied, accepted, problems, List.of());
    }

    /**
     * A refused row.
     *
     * @param row the 1-based row (CSV line after the header, or GeoJSON feature index)
     * @param code the code the row carried, if any
     * @param message what is wrong with it
     * @since 1.0
     */
    public record RowProblem(int row, String code, String message) {
    }
}
