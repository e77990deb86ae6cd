package org.civicgrid.plugin.patrol.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code pat_missed}: a checkpoint of a shift nobody checked in at, reported when the shift closed. */
@Entity
@Table(name = "pat_missed")
public class MissedEntity {

    @Id @Column(name = "id", length = 36) String id;
    @Column(name = "shift_id", nullable = false, length = 36) String shiftId;
    @Column(name = "checkpoint_id", nullable = false, length = 36) String checkpointId;
    @Column(name = "reported_at", nullable = false) LocalDateTime reportedAt;

    MissedEntity(String id, String shiftId, String checkpointId, LocalDateTime reportedAt) {
        this.id = id;
        this.shiftId = shiftId;
        this.checkpointId = checkpointId;
        this.reportedAt = reportedAt;
    }

    protected MissedEntity() {
    }
}
