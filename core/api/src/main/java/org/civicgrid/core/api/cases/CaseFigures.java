package org.civicgrid.core.api.cases;

import java.util.Map;

/**
 * Figures of the cases in a region's subtree, for dashboards and assessment (考核).
 *
 * @param regionCode the region counted
 * @param total all cases
 * @param byState cases per state
 * @param byCategory cases per category
 * @param byLevel cases per level that owns them now
 * @param closedByLevel closed cases per level that closed them: where cases are solved (小事不出村，大事不出镇)
 * @param overdue open cases past their deadline
 * @param averageRating residents' mean rating 1–5, or {@code null} if none rated
 * @since 1.0
 */
public record CaseFigures(String regionCode, long total, Map<CaseState, Long> byState, Map<String, Long> byCategory,
                          Map<CaseLevel, Long> byLevel, Map<CaseLevel, Long> closedByLevel, long overdue,
                          Double averageRating) {
}
