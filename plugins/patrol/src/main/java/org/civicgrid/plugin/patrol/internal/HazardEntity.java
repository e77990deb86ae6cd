package org.civicgrid.plugin.patrol.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code pat_hazard}: a hazard found on patrol and the core case it became, with the case state last heard of. */
@Entity
@Table(name = "pat_hazard")
public class HazardEntity {

    @Id @Column(name = "id", length = 36) String id;
    @Column(name = "shift_id", nullable = false, length = 36) String shiftId;
    @Column(name = "member_id", nullable = false, length = 36) String memberId;
    @Column(name = "region_code", nullable = false, length = 12) String regionCode;
    @Column(name = "reported_by", nullable = false, length = 64) String reportedBy;
    @Column(name = "reported_at", nullable = false) LocalDateTime reportedAt;
    @Column(name = "title", nullable = false, length = 200) String title;
    @Column(name = "longitude", nullable = false) double longitude;
    @Column(name = "latitude", nullable = false) double latitude;
    @Column(name = "case_id", nullable = false, length = 36) String caseId;
    @Column(name = "grid_code", length = 20) String gridCode;
    @Column(name = "case_state", nullable = false, length = 24) String caseState;
    @Column(name = "case_updated_at", nullable = false) LocalDateTime caseUpdatedAt;

    HazardEntity(String id, String shiftId, String memberId, String regionCode, String reportedBy,
                 LocalDateTime reportedAt, String title, double longitude, double latitude, String caseId,
                 String gridCode, String caseState) {
        this.id = id;
        this.shiftId = shiftId;
        this.memberId = memberId;
        this.regionCode = regionCode;
        this.reportedBy = reportedBy;
        this.reportedAt = reportedAt;
        this.title = title;
        this.longitude = longitude;
        this.latitude = latitude;
        this.caseId = caseId;
        this.gridCode = gridCode;
        this.caseState = caseState;
        this.caseUpdatedAt = reportedAt;
    }

    protected HazardEntity() {
    }
}
