package org.civicgrid.plugin.mentalhealth.internal;

/**
 * How closely a person is followed, lowest first. A screening suggests a tier from its band; a positive
 * self-harm item always means {@link #CRISIS}; a counsellor may set the tier after an assessment.
 */
public enum RiskTier {
    /** Minimal or mild symptoms: routine follow-up (the norm's "stable"). */
    LOW,
    /** Moderate symptoms: closer follow-up (the norm's "basically stable"). */
    MODERATE,
    /** Moderately severe or severe symptoms: refer and follow up soon (the norm's "unstable"). */
    HIGH,
    /** Thoughts of self-harm or a danger assessment that needs crisis intervention now. */
    CRISIS;

    /** The tier a request names, or a 400 listing the tiers. */
    static RiskTier parse(String value) {
        if (value != null) {
            for (RiskTier tier : values()) {
                if (tier.name().equalsIgnoreCase(value.trim())) {
                    return tier;
                }
            }
        }
        throw org.civicgrid.core.api.rest.ProblemException.badRequest(
                "tier must be one of " + java.util.List.of(values()) + ", not " + value + ".");
    }
}
