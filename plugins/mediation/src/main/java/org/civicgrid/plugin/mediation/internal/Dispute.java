package org.civicgrid.plugin.mediation.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A dispute as the studio holds it.
 *
 * @param id its identifier
 * @param regionCode where it arose
 * @param regionName that region's name
 * @param type its field
 * @param summary what the parties disagree about
 * @param amountInDispute the sum at stake in yuan, if any
 * @param status where it stands
 * @param receivedAt when the window took it in
 */
public record Dispute(String id, String regionCode, String regionName, DisputeType type, String summary,
                      BigDecimal amountInDispute, DisputeStatus status, OffsetDateTime receivedAt) {
}
