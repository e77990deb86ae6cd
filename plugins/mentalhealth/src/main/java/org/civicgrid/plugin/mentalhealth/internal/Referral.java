package org.civicgrid.plugin.mentalhealth.internal;

import java.time.OffsetDateTime;

/**
 * A referral made.
 *
 * @param id its id
 * @param personId the person
 * @param kind where to
 * @param target who or which institution
 * @param note why
 * @param referredBy the counsellor
 * @param referredAt when
 */
public record Referral(String id, String personId, ReferralKind kind, String target, String note, String referredBy,
                       OffsetDateTime referredAt) {
}
