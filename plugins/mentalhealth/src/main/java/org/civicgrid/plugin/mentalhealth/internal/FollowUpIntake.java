package org.civicgrid.plugin.mentalhealth.internal;

/**
 * A follow-up contact as a counsellor records it.
 *
 * @param note what was found
 * @param tier the tier after the contact, optional (the current one stays)
 */
public record FollowUpIntake(String note, String tier) {
}
