package org.civicgrid.plugin.mentalhealth.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code mh_follow_up}: a follow-up contact made. */
@Entity
@Table(name = "mh_follow_up")
public class FollowUpEntity {

    static final String NOTE = "mh_follow_up.note";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "person_id", nullable = false, length = 36)
    private String personId;

    @Column(name = "region_code", nullable = false, length = 12)
    private String regionCode;

    @Column(name = "tier", nullable = false, length = 16)
    private String tier;

    @Column(name = "note_sealed", length = 2400)
    private String noteSealed;

    @Column(name = "done_by", nullable = false, length = 64)
    private String doneBy;

    @Column(name = "done_at", nullable = false)
    private LocalDateTime doneAt;

    protected FollowUpEntity() {
    }

    FollowUpEntity(String id, String personId, String regionCode, RiskTier tier, String noteSealed, String doneBy,
                   LocalDateTime doneAt) {
        this.id = id;
        this.personId = personId;
        this.regionCode = regionCode;
        this.tier = tier.name();
        this.noteSealed = noteSealed;
        this.doneBy = doneBy;
        this.doneAt = doneAt;
    }

    String id() {
        return id;
    }

    String personId() {
        return personId;
    }

    RiskTier tier() {
        return RiskTier.valueOf(tier);
    }

    String noteSealed() {
        return noteSealed;
    }

    String doneBy() {
        return doneBy;
    }

    LocalDateTime doneAt() {
        return doneAt;
    }
}
