package org.civicgrid.plugin.mediation.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A row of {@code med_dispute}. Times are stored in UTC. */
@Entity
@Table(name = "med_dispute")
public class DisputeEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "region_code", nullable = false, length = 12)
    private String regionCode;

    @Column(name = "dispute_type", nullable = false, length = 32)
    private String disputeType;

    @Column(name = "summary", nullable = false, length = 2000)
    private String summary;

    @Column(name = "amount_in_dispute", precision = 14, scale = 2)
    private BigDecimal amountInDispute;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "received_at", nullable = false)
    private LocalDateTime receivedAt;

    @Column(name = "source", nullable = false, length = 8)
    private String source;

    @Column(name = "case_id", length = 36)
    private String caseId;

    @Column(name = "court_name", length = 100)
    private String courtName;

    @Column(name = "court_deadline")
    private LocalDate courtDeadline;

    @Column(name = "issues", length = 1000)
    private String issues;

    @Column(name = "organisation_id", length = 36)
    private String organisationId;

    @Column(name = "mediator_id", length = 64)
    private String mediatorId;

    @Column(name = "closed_at")
    private LocalDateTime closedAt;

    @Column(name = "outcome_note", length = 2000)
    private String outcomeNote;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected DisputeEntity() {
    }

    DisputeEntity(String id, DisputeIntake intake, DisputeStatus status, LocalDateTime receivedAt) {
        this.id = id;
        this.regionCode = intake.regionCode();
        this.disputeType = intake.type().name();
        this.summary = intake.summary();
        this.amountInDispute = intake.amountInDispute();
        this.status = status.name();
        this.receivedAt = receivedAt;
        this.source = (intake.source() == null ? DisputeSource.WINDOW : intake.source()).name();
        this.courtName = intake.courtName();
        this.courtDeadline = intake.courtDeadline();
        this.issues = intake.issues();
    }

    String id() {
        return id;
    }

    String regionCode() {
        return regionCode;
    }

    DisputeType type() {
        return DisputeType.valueOf(disputeType);
    }

    String summary() {
        return summary;
    }

    String issues() {
        return issues;
    }

    BigDecimal amountInDispute() {
        return amountInDispute;
    }

    DisputeStatus status() {
        return DisputeStatus.valueOf(status);
    }

    void status(DisputeStatus status) {
        this.status = status.name();
    }

    DisputeSource source() {
        return DisputeSource.valueOf(source);
    }

    String caseId() {
        return caseId;
    }

    void caseId(String caseId) {
        this.caseId = caseId;
    }

    String courtName() {
        return courtName;
    }

    String organisationId() {
        return organisationId;
    }

    String mediatorId() {
        return mediatorId;
    }

    void assign(String organisationId, String mediatorId) {
        this.organisationId = organisationId;
        this.mediatorId = mediatorId;
    }

    LocalDateTime receivedAt() {
        return receivedAt;
    }

    void close(LocalDateTime at, String note) {
        this.closedAt = at;
        this.outcomeNote = note;
    }

    String outcomeNote() {
        return outcomeNote;
    }

    void note(String note) {
        this.outcomeNote = note;
    }

    Dispute toDispute(String regionName, List<Party> parties) {
        return new Dispute(id, regionCode, regionName, type(), summary, amountInDispute, status(),
                receivedAt.atOffset(ZoneOffset.UTC), source(), caseId, courtName, courtDeadline, issues,
                organisationId, mediatorId, closedAt == null ? null : closedAt.atOffset(ZoneOffset.UTC), outcomeNote,
                parties);
    }
}
