package org.civicgrid.core.security.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * The single row of {@code cg_audit_head}: the last entry's number and hash. Appending locks it, so entries from
 * every node of one database join one chain in one order.
 */
@Entity
@Table(name = "cg_audit_head")
public class AuditHead {

    static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id;
    @Column(name = "seq", nullable = false)
    private long seq;
    @Column(name = "hash", nullable = false, length = 64)
    private String hash;

    protected AuditHead() {
    }

    long seq() { return seq; }
    String hash() { return hash; }

    void advance(long seq, String hash) {
        this.seq = seq;
        this.hash = hash;
    }
}
