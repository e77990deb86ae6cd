package org.civicgrid.plugin.mediation.internal;

import java.time.OffsetDateTime;

/**
 * A referral record: who took the dispute over.
 *
 * @param id its identifier
 * @param to the kind of body
 * @param receivingBody the body by name
 * @param reason why
 * @param referredBy who handed it on
 * @param referredAt when
 */
public record Referral(String id, ReferralInput.Body to, String receivingBody, String reason, String referredBy,
                       OffsetDateTime referredAt) {
}
