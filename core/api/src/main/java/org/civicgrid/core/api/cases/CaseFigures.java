package org.civicgrid.core.api.cases;

import java.util.EnumMap;
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
 * @param closedShareByLevel the share (0 to 1) of the closed cases that each level closed, from
 *        {@code closedByLevel}; empty when none is closed (since 1.1)
 * @since 1.0
 */
public record CaseFigures(String regionCode, long total, Map<CaseState, Long> byState, Map<String, Long> byCategory,
                          Map<CaseLevel, Long> byLevel, Map<CaseLevel, Long> closedByLevel, long overdue,
                          Double averageRating, Map<CaseLevel, Double> closedShareByLevel) {

    /** Figures whose shares are worked out from {@code closedByLevel}. @since 1.0 */
    public CaseFigures(String regionCode, long total, Map<CaseState, Long> byState, Map<String, Long> byCategory,
                       Map<CaseLevel, Long> byLevel, Map<CaseLevel, Long> closedByLevel, long overdue,
                       Double averageRating) {
        this(regionCode, total, byState, byCategory, byLevel, closedByLevel, overdue, averageRating,
                shares(closedByLevel));
    }

    private static Map<CaseLevel, Double> shares(Map<CaseLevel, Long> counts) {
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        Map<CaseLevel, Double> shares = new EnumMap<>(CaseLevel.class);
        if (all > 0) {
            counts.forEach((level, n) -> shares.put(level, (double) n / all));
        }
        return shares;
    }
}
