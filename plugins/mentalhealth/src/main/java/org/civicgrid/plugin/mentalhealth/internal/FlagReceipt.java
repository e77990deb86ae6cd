package org.civicgrid.plugin.mentalhealth.internal;

import java.time.OffsetDateTime;

/**
 * All a flag tells the one who raised it: it is on record. Never whether, or how, the person was screened.
 *
 * @param id the flag's id
 * @param regionCode where the person was flagged
 * @param flaggedBy who flagged them
 * @param flaggedAt when
 * @param status always {@code FLAGGED}
 */
public record FlagReceipt(String id, String regionCode, String flaggedBy, OffsetDateTime flaggedAt, String status) {
}
