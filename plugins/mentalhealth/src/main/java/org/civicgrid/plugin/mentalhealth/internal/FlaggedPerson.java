package org.civicgrid.plugin.mentalhealth.internal;

import java.time.OffsetDateTime;

/**
 * A counsellor's worklist entry: someone flagged for screening.
 *
 * @param flagId the flag
 * @param personId the person
 * @param regionCode where they were flagged
 * @param name their name, masked
 * @param flaggedBy who flagged them
 * @param flaggedAt when
 * @param reason why
 * @param screened whether the person has been screened since
 */
public record FlaggedPerson(String flagId, String personId, String regionCode, String name, String flaggedBy,
                            OffsetDateTime flaggedAt, String reason, boolean screened) {
}
