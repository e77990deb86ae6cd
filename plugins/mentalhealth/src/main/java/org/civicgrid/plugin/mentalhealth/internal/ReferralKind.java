package org.civicgrid.plugin.mentalhealth.internal;

/** Where a person can be referred. */
public enum ReferralKind {
    /** To another counsellor of the platform, who becomes responsible (target: their user id). */
    COUNSELLOR,
    /** To a hospital or mental-health centre (target: its name). */
    HOSPITAL,
    /** To crisis intervention (target: the team or hotline); sets the tier to CRISIS. */
    CRISIS_INTERVENTION
}
