package org.civicgrid.plugin.mediation.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code med_referral}. */
@Entity
@Table(name = "med_referral")
public class ReferralEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "dispute_id", nullable = false, length = 36)
    private String disputeId;

    @Column(name = "referred_to", nullable = false, length = 24)
    private String referredTo;

    @Column(name = "receiving_body", nullable = false, length = 100)
    private String receivingBody;

    @Column(name = "reason", nullable = false, length = 2000)
    private String reason;

    @Column(name = "referred_by", nullable = false, length = 64)
    private String referredBy;

    @Column(name = "referred_at", nullable = false)
    private LocalDateTime referredAt;

    protected ReferralEntity() {
    }

    ReferralEntity(String id, String disputeId, ReferralInput input, String referredBy, LocalDateTime referredAt) {
        this.id = id;
        this.disputeId = disputeId;
        this.referredTo = input.to().name();
        this.receivingBody = input.receivingBody();
        this.reason = input.reason();
        this.referredBy = referredBy;
        this.referredAt = referredAt;
    }

    Referral toReferral() {
        return new Referral(id, ReferralInput.Body.valueOf(referredTo), receivingBody, reason, referredBy,
                referredAt.atOffset(ZoneOffset.UTC));
    }
}
