package org.civicgrid.plugin.patrol.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code pat_check_in}: a check-in at a checkpoint, with its distance and flags. */
@Entity
@Table(name = "pat_check_in")
public class CheckInEntity {

    @Id @Column(name = "id", length = 36) String id;
    @Column(name = "shift_id", nullable = false, length = 36) String shiftId;
    @Column(name = "checkpoint_id", nullable = false, length = 36) String checkpointId;
    @Column(name = "member_id", nullable = false, length = 36) String memberId;
    @Column(name = "recorded_by", nullable = false, length = 64) String recordedBy;
    @Column(name = "checked_at", nullable = false) LocalDateTime checkedAt;
    @Column(name = "longitude", nullable = false) double longitude;
    @Column(name = "latitude", nullable = false) double latitude;
    @Column(name = "distance_m", nullable = false) double distanceMetres;
    @Column(name = "away", nullable = false) boolean away;
    @Column(name = "off_shift", nullable = false) boolean offShift;

    CheckInEntity(String id, String shiftId, String checkpointId, String memberId, String recordedBy,
                  LocalDateTime checkedAt, double longitude, double latitude, CheckInJudge.Verdict verdict) {
        this.id = id;
        this.shiftId = shiftId;
        this.checkpointId = checkpointId;
        this.memberId = memberId;
        this.recordedBy = recordedBy;
        this.checkedAt = checkedAt;
        this.longitude = longitude;
        this.latitude = latitude;
        this.distanceMetres = verdict.distanceMetres();
        this.away = verdict.away();
        this.offShift = verdict.offShift();
    }

    boolean counts() {
        return !away && !offShift;
    }

    protected CheckInEntity() {
    }
}
