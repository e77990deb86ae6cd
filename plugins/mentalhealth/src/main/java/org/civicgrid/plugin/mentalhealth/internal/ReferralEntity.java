package org.civicgrid.plugin.mentalhealth.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code mh_referral}: where a person was referred (sealed: a named hospital says too much). */
@Entity
@Table(name = "mh_referral")
public class ReferralEntity {

    static final String TARGET = "mh_referral.target";
    static final String NOTE = "mh_referral.note";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "person_id", nullable = false, length = 36)
    private String personId;

    @Column(name = "region_code", nullable = false, length = 12)
    private String regionCode;

    @Column(name = "kind", nullable = false, length = 32)
    private String kind;

    @Column(name = "target_sealed", nullable = false, length = 600)
    private String targetSealed;

    @Column(name = "note_sealed", length = 2400)
    private String noteSealed;

    @Column(name = "referred_by", nullable = false, length = 64)
    private String referredBy;

    @Column(name = "referred_at", nullable = false)
    private LocalDateTime referredAt;

    protected ReferralEntity() {
    }

    ReferralEntity(String id, String personId, String regionCode, ReferralKind kind, String targetSealed,
                   String noteSealed, String referredBy, LocalDateTime referredAt) {
        this.id = id;
        this.personId = personId;
        this.regionCode = regionCode;
        this.kind = kind.name();
        this.targetSealed = targetSealed;
        this.noteSealed = noteSealed;
        this.referredBy = referredBy;
        this.referredAt = referredAt;
    }

    String id() {
        return id;
    }

    String personId() {
        return personId;
    }

    ReferralKind kind() {
        return ReferralKind.valueOf(kind);
    }

    String targetSealed() {
        return targetSealed;
    }

    String noteSealed() {
        return noteSealed;
    }

    String referredBy() {
        return referredBy;
    }

    LocalDateTime referredAt() {
        return referredAt;
    }
}
