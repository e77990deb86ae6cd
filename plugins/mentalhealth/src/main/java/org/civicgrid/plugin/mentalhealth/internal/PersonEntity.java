package org.civicgrid.plugin.mentalhealth.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A row of {@code mh_person}: identity sealed, found by the fingerprint of the ID number. Times in UTC. */
@Entity
@Table(name = "mh_person")
public class PersonEntity {

    static final String NAME = "mh_person.name";
    static final String ID_NUMBER = "mh_person.id_number";
    static final String PHONE = "mh_person.phone";
    static final String FINGERPRINT = "mh_person.id_fingerprint";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "region_code", nullable = false, length = 12)
    private String regionCode;

    @Column(name = "id_fingerprint", nullable = false, length = 64)
    private String idFingerprint;

    @Column(name = "name_sealed", nullable = false, length = 400)
    private String nameSealed;

    @Column(name = "id_number_sealed", nullable = false, length = 400)
    private String idNumberSealed;

    @Column(name = "phone_sealed", length = 400)
    private String phoneSealed;

    @Column(name = "tier", length = 16)
    private String tier;

    @Column(name = "counsellor_id", length = 64)
    private String counsellorId;

    @Column(name = "follow_up_days")
    private Integer followUpDays;

    @Column(name = "next_follow_up_at")
    private LocalDateTime nextFollowUpAt;

    @Column(name = "overdue_flagged_at")
    private LocalDateTime overdueFlaggedAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected PersonEntity() {
    }

    PersonEntity(String id, String regionCode, String idFingerprint, String nameSealed, String idNumberSealed,
                 String phoneSealed, String createdBy, LocalDateTime createdAt) {
        this.id = id;
        this.regionCode = regionCode;
        this.idFingerprint = idFingerprint;
        this.nameSealed = nameSealed;
        this.idNumberSealed = idNumberSealed;
        this.phoneSealed = phoneSealed;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    String id() {
        return id;
    }

    String regionCode() {
        return regionCode;
    }

    String nameSealed() {
        return nameSealed;
    }

    String idNumberSealed() {
        return idNumberSealed;
    }

    String phoneSealed() {
        return phoneSealed;
    }

    void phoneSealed(String sealed) {
        this.phoneSealed = sealed;
    }

    RiskTier tier() {
        return tier == null ? null : RiskTier.valueOf(tier);
    }

    String counsellorId() {
        return counsellorId;
    }

    void counsellorId(String counsellorId) {
        this.counsellorId = counsellorId;
    }

    Integer followUpDays() {
        return followUpDays;
    }

    LocalDateTime nextFollowUpAt() {
        return nextFollowUpAt;
    }

    LocalDateTime overdueFlaggedAt() {
        return overdueFlaggedAt;
    }

    void overdueFlaggedAt(LocalDateTime at) {
        this.overdueFlaggedAt = at;
    }

    LocalDateTime createdAt() {
        return createdAt;
    }

    /** Sets the tier and plans the next follow-up from {@code from}; clears an overdue flag. */
    void plan(RiskTier tier, int days, LocalDateTime from) {
        this.tier = tier.name();
        this.followUpDays = days;
        this.nextFollowUpAt = from.plusDays(days);
        this.overdueFlaggedAt = null;
    }
}
