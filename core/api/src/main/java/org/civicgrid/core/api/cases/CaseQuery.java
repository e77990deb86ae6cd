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
 * @param waitingOnCaller only the caller's to-do list: cases whose next step is the caller's to take (registering,
 *        dispatching, deciding on an extension and closing for a command centre; accepting and handling for the
 *        unit a case is dispatched to; verifying for the area's grid workers and the reporter)
 *        (since 1.1)
 * @param sort the order: {@code updated}, {@code reported} or {@code deadline}, with a leading {@code -} for
 *        newest/latest first; {@code null} for the default ({@code -updated}, or {@code deadline} for the overdue
 *        list); cases without a deadline come last (since 1.1)
 * @since 1.0
 */
public record CaseQuery(String regionCode, CaseState state, String category, String unitId, boolean overdueOnly,
                        String text, int offset, int limit, OffsetDateTime reportedFrom, OffsetDateTime reportedTo,
                        boolean waitingOnCaller, String sort) {

    /** A query in the default order, not limited to the caller's to-do list. @since 1.0 */
    public CaseQuery(String regionCode, CaseState state, String category, String unitId, boolean overdueOnly,
                     String text, int offset, int limit, OffsetDateTime reportedFrom, OffsetDateTime reportedTo) {
        this(regionCode, state, category, unitId, overdueOnly, text, offset, limit, reportedFrom, reportedTo,
                false, null);
    }

    /** A query over any time. @since 1.0 */
    public CaseQuery(String regionCode, CaseState state, String category, String unitId, boolean overdueOnly,
                     String text, int offset, int limit) {
        this(regionCode, state, category, unitId, overdueOnly, text, offset, limit, null, null);
    }
}
