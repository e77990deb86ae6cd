package org.civicgrid.plugin.mentalhealth.internal;

import java.time.OffsetDateTime;

/**
 * A follow-up contact made.
 *
 * @param id its id
 * @param personId the person
 * @param tier the tier after it
 * @param note what was found
 * @param doneBy the counsellor
 * @param doneAt when
 */
public record FollowUp(String id, String personId, RiskTier tier, String note, String doneBy, OffsetDateTime doneAt) {
}
