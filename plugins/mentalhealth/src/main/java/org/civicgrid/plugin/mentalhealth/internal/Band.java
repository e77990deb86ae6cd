package org.civicgrid.plugin.mentalhealth.internal;

/**
 * One severity band of an instrument's total score.
 *
 * @param label the band's name, e.g. {@code moderately-severe}
 * @param min the lowest total in the band
 * @param max the highest total in the band
 * @param tier the risk tier a total in this band suggests
 */
public record Band(String label, int min, int max, RiskTier tier) {

    /** Parses {@code label:min-max:TIER}, e.g. {@code moderate:10-14:MODERATE}. */
    static Band parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("A band is label:min-max:TIER (e.g. moderate:10-14:MODERATE), not " + text);
        }
        String[] range = parts[1].trim().split("-");
        if (range.length != 2 || parts[0].isBlank()) {
            throw new IllegalArgumentException("A band is label:min-max:TIER (e.g. moderate:10-14:MODERATE), not " + text);
        }
        try {
            return new Band(parts[0].trim(), Integer.parseInt(range[0].trim()), Integer.parseInt(range[1].trim()),
                    RiskTier.valueOf(parts[2].trim().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A band is label:min-max:TIER with TIER one of "
                    + java.util.List.of(RiskTier.values()) + ", not " + text);
        }
    }

    @Override
    public String toString() {
        return label + ":" + min + "-" + max + ":" + tier;
    }
}
