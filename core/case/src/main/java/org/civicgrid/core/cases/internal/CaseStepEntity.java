package org.civicgrid.core.cases.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.civicgrid.core.api.cases.CaseAction;
import org.civicgrid.core.api.cases.CaseState;
import org.civicgrid.core.api.cases.CaseStep;

/** A row of {@code cg_case_step}: one entry of a case's audit trail, never changed once written. */
@Entity
@Table(name = "cg_case_step")
public class CaseStepEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;
    @Column(name = "case_id", nullable = false, length = 36)
    private String caseId;
    @Column(name = "seq", nullable = false)
    private int seq;
    @Column(name = "at", nullable = false)
    private LocalDateTime at;
    @Column(name = "actor_id", nullable = false, length = 64)
    private String actorId;
    @Column(name = "action", length = 24)
    private String action;
    @Column(name = "from_state", length = 24)
    private String fromState;
    @Column(name = "to_state", nullable = false, length = 24)
    private String toState;
    @Column(name = "note", length = 2000)
    private String note;
    @Column(name = "unit_id", length = 64)
    private String unitId;

    protected CaseStepEntity() {
    }

    CaseStepEntity(String id, String caseId, int seq, LocalDateTime at, String actorId, CaseAction action,
                   CaseState from, CaseState to, String note, String unitId) {
        this.id = id;
        this.caseId = caseId;
        this.seq = seq;
        this.at = at;
        this.actorId = actorId;
        this.action = action == null ? null : action.name();
        this.fromState = from == null ? null : from.name();
        this.toState = to.name();
        this.note = note;
        this.unitId = unitId;
    }

    CaseStep toStep() {
        return new CaseStep(at.atOffset(ZoneOffset.UTC), actorId, action == null ? null : CaseAction.valueOf(action),
                fromState == null ? null : CaseState.valueOf(fromState), CaseState.valueOf(toState), note, unitId);
    }
}
