package org.civicgrid.plugin.mediation.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code med_agreement}: one per dispute that reached agreement. */
@Entity
@Table(name = "med_agreement")
public class AgreementEntity {

    @Id
    @Column(name = "dispute_id", length = 36)
    private String disputeId;

    @Column(name = "facts", nullable = false, length = 4000)
    private String facts;

    @Column(name = "issues", nullable = false, length = 1000)
    private String issues;

    @Column(name = "terms", nullable = false, length = 4000)
    private String terms;

    @Column(name = "performance", nullable = false, length = 1000)
    private String performance;

    @Column(name = "performance_deadline")
    private LocalDate performanceDeadline;

    @Column(name = "effective_on", nullable = false)
    private LocalDate effectiveOn;

    @Column(name = "confirmation_deadline", nullable = false)
    private LocalDate confirmationDeadline;

    @Column(name = "confirmation_status", nullable = false, length = 16)
    private String confirmationStatus;

    @Column(name = "confirmation_court", length = 100)
    private String confirmationCourt;

    @Column(name = "confirmation_on")
    private LocalDate confirmationOn;

    @Column(name = "confirmation_note", length = 1000)
    private String confirmationNote;

    @Column(name = "warned_at")
    private LocalDateTime warnedAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected AgreementEntity() {
    }

    AgreementEntity(String disputeId, String facts, String issues, AgreementInput input, LocalDate effectiveOn,
                    String createdBy, LocalDateTime createdAt) {
        this.disputeId = disputeId;
        this.facts = facts;
        this.issues = issues;
        this.terms = input.terms();
        this.performance = input.performance();
        this.performanceDeadline = input.performanceDeadline();
        this.effectiveOn = effectiveOn;
        this.confirmationDeadline = ConfirmationWindow.from(effectiveOn).deadline();
        this.confirmationStatus = ConfirmationStatus.NOT_APPLIED.name();
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    String disputeId() {
        return disputeId;
    }

    ConfirmationWindow window() {
        return ConfirmationWindow.from(effectiveOn);
    }

    ConfirmationStatus confirmationStatus() {
        return ConfirmationStatus.valueOf(confirmationStatus);
    }

    void confirmation(ConfirmationStatus status, String court, LocalDate on, String note) {
        this.confirmationStatus = status.name();
        if (court != null) {
            this.confirmationCourt = court;
        }
        this.confirmationOn = on;
        this.confirmationNote = note;
    }

    LocalDateTime warnedAt() {
        return warnedAt;
    }

    void warnedAt(LocalDateTime at) {
        this.warnedAt = at;
    }

    Agreement toAgreement(LocalDate today) {
        ConfirmationWindow window = window();
        return new Agreement(disputeId, facts, issues, terms, performance, performanceDeadline, effectiveOn,
                window.deadline(), window.daysLeft(today), confirmationStatus(), confirmationCourt, confirmationOn,
                confirmationNote, warnedAt == null ? null : warnedAt.atOffset(ZoneOffset.UTC), createdBy);
    }
}
