package org.civicgrid.core.cases.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.civicgrid.core.api.cases.CaseIntake;
import org.civicgrid.core.api.cases.CaseLevel;
import org.civicgrid.core.api.cases.CaseRecord;
import org.civicgrid.core.api.cases.CaseState;
import org.civicgrid.core.api.cases.Channel;

/** A row of {@code cg_case}. Times in UTC. The version guards against two steps taken at once. */
@Entity
@Table(name = "cg_case")
public class CaseEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;
    @Column(name = "title", nullable = false, length = 200)
    private String title;
    @Column(name = "description", nullable = false, length = 4000)
    private String description;
    @Column(name = "category", nullable = false, length = 64)
    private String category;
    @Column(name = "channel", nullable = false, length = 16)
    private String channel;
    @Column(name = "state", nullable = false, length = 24)
    private String state;
    @Column(name = "case_level", nullable = false, length = 16)
    private String level;
    @Column(name = "region_code", nullable = false, length = 12)
    private String regionCode;
    @Column(name = "grid_code", length = 15)
    private String gridCode;
    @Column(name = "longitude")
    private Double longitude;
    @Column(name = "latitude")
    private Double latitude;
    @Column(name = "address", length = 300)
    private String address;
    @Column(name = "reporter_id", nullable = false, length = 64)
    private String reporterId;
    @Column(name = "unit_id", length = 64)
    private String unitId;
    @Column(name = "deadline")
    private LocalDateTime deadline;
    @Column(name = "requested_hours")
    private Integer requestedHours;
    @Column(name = "rating")
    private Integer rating;
    @Column(name = "reported_at", nullable = false)
    private LocalDateTime reportedAt;
    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;
    @Column(name = "supervised_at")
    private LocalDateTime supervisedAt;
    @Column(name = "warned_at")
    private LocalDateTime warnedAt;
    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected CaseEntity() {
    }

    CaseEntity(String id, CaseIntake intake, CaseLevel level, String reporterId, LocalDateTime now,
               LocalDateTime deadline) {
        this(id, intake, level, null, reporterId, now, deadline);
    }

    CaseEntity(String id, CaseIntake intake, CaseLevel level, String gridCode, String reporterId, LocalDateTime now,
               LocalDateTime deadline) {
        this.gridCode = gridCode;
        this.id = id;
        this.title = intake.title().strip();
        this.description = intake.description().strip();
        this.category = intake.category().strip();
        this.channel = intake.channel().name();
        this.state = CaseState.REPORTED.name();
        this.level = level.name();
        this.regionCode = intake.regionCode().strip();
        this.longitude = intake.longitude();
        this.latitude = intake.latitude();
        this.address = intake.address() == null ? null : intake.address().strip();
        this.reporterId = reporterId;
        this.reportedAt = now;
        this.updatedAt = now;
        this.deadline = deadline;
    }

    String id() { return id; }
    String category() { return category; }
    String regionCode() { return regionCode; }
    String reporterId() { return reporterId; }
    String unitId() { return unitId; }
    CaseState state() { return CaseState.valueOf(state); }
    CaseLevel level() { return CaseLevel.valueOf(level); }
    Integer rating() { return rating; }
    Integer requestedHours() { return requestedHours; }
    LocalDateTime deadline() { return deadline; }

    void state(CaseState state) { this.state = state.name(); }
    void level(CaseLevel level) { this.level = level.name(); }
    void unitId(String unitId) { this.unitId = unitId; }
    void deadline(LocalDateTime deadline) {
        this.deadline = deadline;
        this.supervisedAt = null;
        this.warnedAt = null;
    }
    LocalDateTime supervisedAt() { return supervisedAt; }
    void supervisedAt(LocalDateTime at) { this.supervisedAt = at; }
    LocalDateTime warnedAt() { return warnedAt; }
    void warnedAt(LocalDateTime at) { this.warnedAt = at; }
    void requestedHours(Integer hours) { this.requestedHours = hours; }
    void rating(Integer rating) { this.rating = rating; }
    void updatedAt(LocalDateTime at) { this.updatedAt = at; }

    CaseRecord toRecord(LocalDateTime now, java.util.List<org.civicgrid.core.api.cases.CaseParty> parties) {
        CaseState current = CaseState.valueOf(state);
        boolean open = current != CaseState.CLOSED && current != CaseState.REJECTED && current != CaseState.VERIFIED;
        return new CaseRecord(id, title, description, category, Channel.valueOf(channel), current,
                CaseLevel.valueOf(level), regionCode, gridCode, longitude, latitude, address, reporterId, unitId,
                deadline == null ? null : deadline.atOffset(ZoneOffset.UTC),
                open && deadline != null && now.isAfter(deadline), rating,
                reportedAt.atOffset(ZoneOffset.UTC), updatedAt.atOffset(ZoneOffset.UTC), parties);
    }
}
