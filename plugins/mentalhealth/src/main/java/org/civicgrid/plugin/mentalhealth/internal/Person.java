package org.civicgrid.plugin.mentalhealth.internal;

import java.time.OffsetDateTime;

/**
 * A person under screening and follow-up, as a counsellor of their region sees them.
 *
 * @param id the person's id
 * @param regionCode where they live
 * @param regionName its name
 * @param name their name (masked unless revealed)
 * @param idNumber their ID number (masked unless revealed)
 * @param phone their phone (masked unless revealed)
 * @param revealed whether identity fields are shown in full
 * @param tier the risk tier, or {@code null} before the first screening
 * @param counsellorId the counsellor responsible for them
 * @param followUpEveryDays how often they are followed up
 * @param nextFollowUpDue when the next follow-up is due
 * @param followUpOverdue whether it is past due now
 * @param overdueFlaggedAt when supervision flagged it overdue, or {@code null}
 * @param registeredAt when the register first took them in
 */
public record Person(String id, String regionCode, String regionName, String name, String idNumber, String phone,
                     boolean revealed, RiskTier tier, String counsellorId, Integer followUpEveryDays,
                     OffsetDateTime nextFollowUpDue, boolean followUpOverdue, OffsetDateTime overdueFlaggedAt,
                     OffsetDateTime registeredAt) {
}
