package org.civicgrid.plugin.patrol.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code pat_route}: a route of a team in one village/community. */
@Entity
@Table(name = "pat_route")
public class RouteEntity {

    @Id @Column(name = "id", length = 36) String id;
    @Column(name = "team_id", nullable = false, length = 36) String teamId;
    @Column(name = "region_code", nullable = false, length = 12) String regionCode;
    @Column(name = "name", nullable = false, length = 100) String name;
    @Column(name = "created_at", nullable = false) LocalDateTime createdAt;

    RouteEntity(String id, String teamId, String regionCode, String name, LocalDateTime createdAt) {
        this.id = id;
        this.teamId = teamId;
        this.regionCode = regionCode;
        this.name = name;
        this.createdAt = createdAt;
    }

    protected RouteEntity() {
    }
}
