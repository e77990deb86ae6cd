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
     * Appends an entry, in its own transaction.
     *
     * @param entry what happened
     * @since 1.0
     */
    void record(AuditEntry entry);
}
