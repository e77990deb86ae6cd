package org.civicgrid.core.directory.internal;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.directory.User;

/** A row of {@code cg_user} with its roles. */
@Entity
@Table(name = "cg_user")
public class UserEntity {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Column(name = "region_code", nullable = false, length = 12)
    private String regionCode;

    @Column(name = "unit_id", length = 64)
    private String unitId;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "password_changed_at", nullable = false)
    private LocalDateTime passwordChangedAt;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private LocalDateTime lockedUntil;

    /** A temporary password given by an administrator, until its user sets their own. */
    @Column(name = "password_temporary", nullable = false)
    private boolean passwordTemporary;

    /** The second factor's key, sealed in the context {@value JpaDirectory#TOTP_CONTEXT}. */
    @Column(name = "totp_key", length = 200)
    private String totpKey;

    /** The time step (30 s since the epoch) of the last code that was accepted. */
    @Column(name = "totp_last_step")
    private Long totpLastStep;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "cg_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", length = 32)
    private Set<String> roles = new HashSet<>();

    protected UserEntity() {
    }

    UserEntity(String id, String name, String passwordHash, Set<Role> roles, String regionCode, String unitId,
               LocalDateTime createdAt) {
        this.id = id;
        this.name = name;
        this.passwordHash = passwordHash;
        this.roles = roles.stream().map(Role::name).collect(Collectors.toCollection(HashSet::new));
        this.regionCode = regionCode;
        this.unitId = unitId;
        this.enabled = true;
        this.createdAt = createdAt;
        this.passwordChangedAt = createdAt;
    }

    String passwordHash() {
        return passwordHash;
    }

    LocalDateTime passwordChangedAt() {
        return passwordChangedAt;
    }

    /** A new password chosen by its user: its age starts again. */
    void passwordChanged(String hash, LocalDateTime at) {
        passwordHash = hash;
        passwordChangedAt = at;
        passwordTemporary = false;
    }

    /** A temporary password made for the user by an administrator: the lock is lifted, the user must change it. */
    void passwordReset(String hash, LocalDateTime at) {
        passwordHash = hash;
        passwordChangedAt = at;
        passwordTemporary = true;
        loggedIn();
    }

    boolean passwordTemporary() {
        return passwordTemporary;
    }

    /** The same password hashed again at the current cost: its age goes on. */
    void rehashed(String hash) {
        passwordHash = hash;
    }

    int failedLogins() {
        return failedLogins;
    }

    LocalDateTime lockedUntil() {
        return lockedUntil;
    }

    /** Counts a wrong password; locks the account once the count reaches the limit. */
    boolean failedLogin(int limit, LocalDateTime lockUntil) {
        failedLogins++;
        if (failedLogins >= limit) {
            failedLogins = 0;
            lockedUntil = lockUntil;
            return true;
        }
        return false;
    }

    void loggedIn() {
        failedLogins = 0;
        lockedUntil = null;
    }

    String totpKey() {
        return totpKey;
    }

    /** A new key for the second factor: codes of the old one, used or not, no longer count. */
    void totpKey(String sealedKey) {
        totpKey = sealedKey;
        totpLastStep = null;
    }

    Long totpLastStep() {
        return totpLastStep;
    }

    void totpUsed(long step) {
        totpLastStep = step;
    }

    void enabled(boolean enabled) {
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    private Set<Role> roleSet() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        roles.forEach(r -> set.add(Role.valueOf(r)));
        return set;
    }

    User toUser() {
        return new User(id, name, roleSet(), regionCode, unitId, enabled);
    }

    Caller toCaller() {
        return new Caller(id, roleSet(), regionCode, unitId);
    }
}
