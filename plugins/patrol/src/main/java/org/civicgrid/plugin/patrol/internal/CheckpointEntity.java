package org.civicgrid.plugin.patrol.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code pat_checkpoint}: a checkpoint of a route, in order (WGS 84). */
@Entity
@Table(name = "pat_checkpoint")
public class CheckpointEntity {

    @Id @Column(name = "id", length = 36) String id;
    @Column(name = "route_id", nullable = false, length = 36) String routeId;
    @Column(name = "seq", nullable = false) int seq;
    @Column(name = "name", nullable = false, length = 100) String name;
    @Column(name = "longitude", nullable = false) double longitude;
    @Column(name = "latitude", nullable = false) double latitude;

    CheckpointEntity(String id, String routeId, int seq, String name, double longitude, double latitude) {
        this.id = id;
        this.routeId = routeId;
        this.seq = seq;
        this.name = name;
        this.longitude = longitude;
        this.latitude = latitude;
    }

    Checkpoint toCheckpoint() {
        return new Checkpoint(id, seq, name, longitude, latitude);
    }

    protected CheckpointEntity() {
    }
}
