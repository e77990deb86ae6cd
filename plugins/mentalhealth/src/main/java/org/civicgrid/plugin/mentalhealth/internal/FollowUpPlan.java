package org.civicgrid.plugin.mentalhealth.internal;

import java.util.EnumMap;
import java.util.Map;

/** How often each tier is followed up, in days. */
record FollowUpPlan(Map<RiskTier, Integer> days) {

    FollowUpPlan {
        days = Map.copyOf(days);
    }

    /** The plan of a configuration; a day count below zero is taken as zero (due at once). */
    static FollowUpPlan of(MentalHealthConfiguration config) {
        Map<RiskTier, Integer> days = new EnumMap<>(RiskTier.class);
        days.put(RiskTier.CRISIS, Math.max(0, config.followUpDaysCrisis()));
        days.put(RiskTier.HIGH, Math.max(0, config.followUpDaysHigh()));
        days.put(RiskTier.MODERATE, Math.max(0, config.followUpDaysModerate()));
        days.put(RiskTier.LOW, Math.max(0, config.followUpDaysLow()));
        return new FollowUpPlan(days);
    }

    int daysFor(RiskTier tier) {
        return days.get(tier);
    }
}
