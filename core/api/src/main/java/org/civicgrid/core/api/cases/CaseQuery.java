package org.civicgrid.core.api.cases;

import java.time.OffsetDateTime;

/**
 * Which cases to list. Every field is optional; results are always limited to the caller's region subtree.
 *
 * @param regionCode cases in this region's subtree
 * @param state cases in this state
 * @param category cases of this category
 * @param unitId cases dispatched to this unit
 * @param overdueOnly only cases past their deadline
 * @param text words to find in title or description
 * @param offset how many to skip (paging)
 * @param limit how many to return (at most 200)
 * @param reportedFrom only cases reported at or after this time, or {@code null}
 * @param reportedTo only cases reported before this time, or {@code null}
 * @since 1.0
 */
public record CaseQuery(String regionCode, CaseState state, String category, String unitId, boolean overdueOnly,
                        String text, int offset, int limit, OffsetDateTime reportedFrom, OffsetDateTime reportedTo) {

    /** A query over any time. @since 1.0 */
    public CaseQuery(String regionCode, CaseState state, String category, String unitId, boolean overdueOnly,
                     String text, int offset, int limit) {
        this(regionCode, state, category, unitId, overdueOnly, text, offset, limit, null, null);
    }
}
