package org.civicgrid.plugin.mentalhealth.internal;

import java.util.Map;

/**
 * Anonymised figures of a region: counts only, no identity, counts below the threshold hidden.
 *
 * @param regionCode the region
 * @param regionName its name
 * @param campaignId the campaign counted, or {@code null} for everyone on the register
 * @param people how many people are on the register (or were screened in the campaign)
 * @param byTier how many in each tier ({@code UNSCREENED}: flagged, not yet screened)
 * @param followUpsOverdue how many follow-ups are past due
 * @param byRegion the same per child region
 * @param smallCountThreshold counts below it are shown as {@code <N}
 */
public record Figures(String regionCode, String regionName, String campaignId, String people,
                      Map<String, String> byTier, String followUpsOverdue, Map<String, RegionFigures> byRegion,
                      int smallCountThreshold) {

    /**
     * One child region's figures.
     *
     * @param name its name
     * @param people how many people
     * @param byTier how many in each tier
     */
    public record RegionFigures(String name, String people, Map<String, String> byTier) {
    }
}
