package org.civicgrid.plugin.patrol.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code pat_team}: a patrol team of a region. Times in UTC. */
@Entity
@Table(name = "pat_team")
public class TeamEntity {

    @Id @Column(name = "id", length = 36) String id;
    @Column(name = "region_code", nullable = false, length = 12) String regionCode;
    @Column(name = "name", nullable = false, length = 100) String name;
    @Column(name = "created_by", nullable = false, length = 64) String createdBy;
    @Column(name = "created_at", nullable = false) LocalDateTime createdAt;

    TeamEntity(String id, String regionCode, String name, String createdBy, LocalDateTime createdAt) {
        this.id = id;
        this.regionCode = regionCode;
        this.name = name;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    protected TeamEntity() {
    }
}
