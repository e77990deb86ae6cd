package org.civicgrid.core.security.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.civicgrid.core.api.security.AuditEntry;

/**
 * A row of {@code cg_audit_pending}: an entry recorded with the change it describes and not yet chained. The
 * chainer moves it into {@code cg_audit} and deletes it in one transaction. Time in UTC.
 */
@Entity
@Table(name = "cg_audit_pending")
public class PendingAuditEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;
    @Column(name = "at", nullable = false)
    private LocalDateTime at;
    @Column(name = "actor", nullable = false, length = 64)
    private String actor;
    @Column(name = "action", nullable = false, length = 64)
    private String action;
    @Column(name = "object_type", nullable = false, length = 64)
    private String objectType;
    @Column(name = "object_id", length = 64)
    private String objectId;
    @Column(name = "region_code", length = 15)
    private String regionCode;
    @Column(name = "outcome", nullable = false, length = 16)
    private String outcome;
    @Column(name = "detail", length = 1000)
    private String detail;
    @Column(name = "origin", length = 128)
    private String origin;

    protected PendingAuditEntity() {
    }

    PendingAuditEntity(String id, LocalDateTime at, AuditEntry entry, String origin) {
        this.id = id;
        this.at = at;
        this.actor = entry.actor();
        this.action = entry.action();
        this.objectType = entry.objectType();
        this.objectId = entry.objectId();
        this.regionCode = entry.regionCode();
        this.outcome = entry.outcome();
        this.detail = entry.detail();
        this.origin = origin;
    }

    String id() { return id; }
    LocalDateTime at() { return at; }
    String origin() { return origin; }

    AuditEntry entry() {
        return new AuditEntry(actor, action, objectType, objectId, regionCode, outcome, detail);
    }
}
