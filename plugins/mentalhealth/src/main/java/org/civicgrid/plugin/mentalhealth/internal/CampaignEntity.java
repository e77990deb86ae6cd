package org.civicgrid.plugin.mentalhealth.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code mh_campaign}. Nothing in it is personal. */
@Entity
@Table(name = "mh_campaign")
public class CampaignEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "region_code", nullable = false, length = 12)
    private String regionCode;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "instruments", nullable = false, length = 100)
    private String instruments;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected CampaignEntity() {
    }

    CampaignEntity(String id, String regionCode, String name, List<String> instruments, LocalDate startsOn,
                   LocalDate endsOn, String createdBy, LocalDateTime createdAt) {
        this.id = id;
        this.regionCode = regionCode;
        this.name = name;
        this.instruments = String.join(",", instruments);
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    String id() {
        return id;
    }

    String regionCode() {
        return regionCode;
    }

    List<String> instruments() {
        return Arrays.asList(instruments.split(","));
    }

    LocalDate startsOn() {
        return startsOn;
    }

    LocalDate endsOn() {
        return endsOn;
    }

    Campaign toCampaign(String regionName) {
        return new Campaign(id, regionCode, regionName, name, instruments(), startsOn, endsOn, createdBy,
                createdAt.atOffset(java.time.ZoneOffset.UTC));
    }
}
