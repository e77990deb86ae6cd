package org.civicgrid.plugin.mentalhealth.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code mh_flag}: someone asked for a person to be screened. */
@Entity
@Table(name = "mh_flag")
public class FlagEntity {

    static final String REASON = "mh_flag.reason";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "person_id", nullable = false, length = 36)
    private String personId;

    @Column(name = "region_code", nullable = false, length = 12)
    private String regionCode;

    @Column(name = "reason_sealed", length = 2400)
    private String reasonSealed;

    @Column(name = "flagged_by", nullable = false, length = 64)
    private String flaggedBy;

    @Column(name = "flagged_at", nullable = false)
    private LocalDateTime flaggedAt;

    protected FlagEntity() {
    }

    FlagEntity(String id, String personId, String regionCode, String reasonSealed, String flaggedBy,
               LocalDateTime flaggedAt) {
        this.id = id;
        this.personId = personId;
        this.regionCode = regionCode;
        this.reasonSealed = reasonSealed;
        this.flaggedBy = flaggedBy;
        this.flaggedAt = flaggedAt;
    }

    String id() {
        return id;
    }

    String personId() {
        return personId;
    }

    String regionCode() {
        return regionCode;
    }

    String reasonSealed() {
        return reasonSealed;
    }

    String flaggedBy() {
        return flaggedBy;
    }

    LocalDateTime flaggedAt() {
        return flaggedAt;
    }
}
