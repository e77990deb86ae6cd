package org.civicgrid.core.directory.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code cg_session}: a sign-in session, keyed by the hash of its token (times in UTC). */
@Entity
@Table(name = "cg_session")
public class SessionEntity {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "user_id", nullable = false, length = 64)
    private String userId;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "last_used_at", nullable = false)
    private LocalDateTime lastUsedAt;

    @Column(name = "expires_at", nullable = false)
    private LocalDateTime expiresAt;

    @Column(name = "ended_at")
    private LocalDateTime endedAt;

    @Column(name = "origin", length = 128)
    private String origin;

    @Column(name = "second_factor", nullable = false)
    private boolean secondFactor;

    protected SessionEntity() {
        // For JPA.
    }

    SessionEntity(String id, String userId, LocalDateTime now, LocalDateTime expiresAt, String origin,
                  boolean secondFactor) {
        this.id = id;
        this.secondFactor = secondFactor;
        this.userId = userId;
        this.createdAt = now;
        this.lastUsedAt = now;
        this.expiresAt = expiresAt;
        this.origin = origin;
    }

    String id() { return id; }
    String userId() { return userId; }
    LocalDateTime lastUsedAt() { return lastUsedAt; }
    LocalDateTime expiresAt() { return expiresAt; }
    LocalDateTime endedAt() { return endedAt; }
    /** Whether it was opened with a second factor as well as the password. */
    boolean secondFactor() { return secondFactor; }

    void used(LocalDateTime now) {
        this.lastUsedAt = now;
    }

    void end(LocalDateTime now) {
        if (endedAt == null) {
            endedAt = now;
        }
    }
}
