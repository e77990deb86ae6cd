package org.civicgrid.core.api.cases;

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
 * @since 1.0
 */
public record CaseQuery(String regionCode, CaseState state, String category, String unitId, boolean overdueOnly,
                        String text, int offset, int limit) {
}
