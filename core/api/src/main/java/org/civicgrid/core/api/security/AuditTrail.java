package org.civicgrid.core.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's append-only, hash-chained audit log: who did what to which object, from where, with what
 * outcome. The core records logins, case steps and its own writes; a plug-in records its writes and every read
 * of sensitive data through this service. An entry that cannot be recorded throws: the caller must then not
 * hand out the data it was about to disclose.
 *
 * @since 1.0
 */
@ProviderType
public interface AuditTrail {

    /**
     * Records an entry. It joins the chain within a fraction of a second; an entry whose outcome is {@code ok}
     * recorded inside a transaction commits or rolls back with it, any other outcome is kept whatever the
     * caller's transaction does.
     *
     * @param entry what happened
     * @since 1.0
     */
    void record(AuditEntry entry);
}
