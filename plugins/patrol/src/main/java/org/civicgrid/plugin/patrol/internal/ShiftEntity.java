package org.civicgrid.plugin.patrol.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code pat_shift}: one shift of a team on a route; closed by a person or by supervision. */
@Entity
@Table(name = "pat_shift")
public class ShiftEntity {

    @Id @Column(name = "id", length = 36) String id;
    @Column(name = "team_id", nullable = false, length = 36) String teamId;
    @Column(name = "route_id", nullable = false, length = 36) String routeId;
    @Column(name = "region_code", nullable = false, length = 12) String regionCode;
    @Column(name = "starts_at", nullable = false) LocalDateTime startsAt;
    @Column(name = "ends_at", nullable = false) LocalDateTime endsAt;
    @Column(name = "closed_at") LocalDateTime closedAt;
    @Column(name = "closed_by", length = 64) String closedBy;
    @Column(name = "created_by", nullable = false, length = 64) String createdBy;

    ShiftEntity(String id, String teamId, String routeId, String regionCode, LocalDateTime startsAt,
                LocalDateTime endsAt, String createdBy) {
        this.id = id;
        this.teamId = teamId;
        this.routeId = routeId;
        this.regionCode = regionCode;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.createdBy = createdBy;
    }

    /** When the shift stopped: its planned end, or its closing if that came first. */
    LocalDateTime effectiveEnd() {
        return closedAt != null && closedAt.isBefore(endsAt) ? closedAt : endsAt;
    }

    protected ShiftEntity() {
    }
}
