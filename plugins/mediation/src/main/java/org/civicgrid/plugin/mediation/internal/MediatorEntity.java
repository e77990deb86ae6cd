package org.civicgrid.plugin.mediation.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code med_mediator}: a platform user registered to one organisation. */
@Entity
@Table(name = "med_mediator")
public class MediatorEntity {

    @Id
    @Column(name = "user_id", length = 64)
    private String userId;

    @Column(name = "organisation_id", nullable = false, length = 36)
    private String organisationId;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "region_code", nullable = false, length = 12)
    private String regionCode;

    @Column(name = "registered_at", nullable = false)
    private LocalDateTime registeredAt;

    protected MediatorEntity() {
    }

    MediatorEntity(String userId, String organisationId, String name, String regionCode, LocalDateTime registeredAt) {
        this.userId = userId;
        this.organisationId = organisationId;
        this.name = name;
        this.regionCode = regionCode;
        this.registeredAt = registeredAt;
    }

    String userId() {
        return userId;
    }

    String organisationId() {
        return organisationId;
    }

    void organisationId(String organisationId) {
        this.organisationId = organisationId;
    }

    String name() {
        return name;
    }

    Mediator toMediator() {
        return new Mediator(userId, name, organisationId, regionCode);
    }
}
