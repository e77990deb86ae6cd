package org.civicgrid.plugin.mentalhealth.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code mh_alert}: an alert in a counsellor's inbox; what it is about is sealed. */
@Entity
@Table(name = "mh_alert")
public class AlertEntity {

    static final String KIND = "mh_alert.kind";
    static final String NOTE = "mh_alert.note";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "person_id", nullable = false, length = 36)
    private String personId;

    @Column(name = "screening_id", length = 36)
    private String screeningId;

    @Column(name = "region_code", nullable = false, length = 12)
    private String regionCode;

    @Column(name = "counsellor_id", nullable = false, length = 64)
    private String counsellorId;

    @Column(name = "kind_sealed", nullable = false, length = 400)
    private String kindSealed;

    @Column(name = "raised_at", nullable = false)
    private LocalDateTime raisedAt;

    @Column(name = "acknowledged_by", length = 64)
    private String acknowledgedBy;

    @Column(name = "acknowledged_at")
    private LocalDateTime acknowledgedAt;

    @Column(name = "note_sealed", length = 2400)
    private String noteSealed;

    protected AlertEntity() {
    }

    AlertEntity(String id, String personId, String screeningId, String regionCode, String counsellorId,
                String kindSealed, LocalDateTime raisedAt) {
        this.id = id;
        this.personId = personId;
        this.screeningId = screeningId;
        this.regionCode = regionCode;
        this.counsellorId = counsellorId;
        this.kindSealed = kindSealed;
        this.raisedAt = raisedAt;
    }

    String id() {
        return id;
    }

    String personId() {
        return personId;
    }

    String screeningId() {
        return screeningId;
    }

    String regionCode() {
        return regionCode;
    }

    String counsellorId() {
        return counsellorId;
    }

    String kindSealed() {
        return kindSealed;
    }

    LocalDateTime raisedAt() {
        return raisedAt;
    }

    String acknowledgedBy() {
        return acknowledgedBy;
    }

    LocalDateTime acknowledgedAt() {
        return acknowledgedAt;
    }

    String noteSealed() {
        return noteSealed;
    }

    void acknowledge(String by, LocalDateTime at, String noteSealed) {
        this.acknowledgedBy = by;
        this.acknowledgedAt = at;
        this.noteSealed = noteSealed;
    }
}
