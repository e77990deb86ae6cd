package org.civicgrid.plugin.mentalhealth.internal;

/**
 * A referral as a counsellor makes it.
 *
 * @param kind {@code COUNSELLOR}, {@code HOSPITAL} or {@code CRISIS_INTERVENTION}
 * @param target the counsellor's user id, the hospital's or the team's name
 * @param note why, optional
 */
public record ReferralIntake(String kind, String target, String note) {
}
