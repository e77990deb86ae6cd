package org.civicgrid.core.security.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.civicgrid.core.api.security.AuditEntry;

/** A row of {@code cg_audit}; never updated. Time in UTC. */
@Entity
@Table(name = "cg_audit")
public class AuditEntity {

    @Id
    @Column(name = "seq")
    private long seq;
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
    @Column(name = "prev_hash", nullable = false, length = 64)
    private String prevHash;
    @Column(name = "hash", nullable = false, length = 64)
    private String hash;

    protected AuditEntity() {
    }

    AuditEntity(long seq, LocalDateTime at, AuditEntry entry, String origin, String prevHash) {
        this.seq = seq;
        this.at = at;
        this.actor = entry.actor();
        this.action = entry.action();
        this.objectType = entry.objectType();
        this.objectId = entry.objectId();
        this.regionCode = entry.regionCode();
        this.outcome = entry.outcome();
        this.detail = entry.detail();
        this.origin = origin;
        this.prevHash = prevHash;
        this.hash = AuditChain.hash(prevHash, seq, at, entry, origin);
    }

    long seq() { return seq; }
    LocalDateTime at() { return at; }
    String origin() { return origin; }
    String prevHash() { return prevHash; }
    String hash() { return hash; }

    AuditEntry entry() {
        return new AuditEntry(actor, action, objectType, objectId, regionCode, outcome, detail);
    }

    AuditRecord toRecord() {
        return new AuditRecord(seq, at.atOffset(ZoneOffset.UTC), entry(), origin, hash);
    }
}
