package org.civicgrid.core.api.security;

/**
 * One audit entry.
 *
 * @param actor the user id (or {@code platform} for the platform's own steps)
 * @param action what was done, e.g. {@code screening.read}, {@code dispute.create}, {@code login}
 * @param objectType the kind of object, e.g. {@code screening}
 * @param objectId its id, or {@code null}
 * @param regionCode the region the object belongs to (audit administrators see their subtree), or {@code null}
 * @param outcome {@code ok}, {@code refused} or {@code failed}
 * @param detail what else an auditor needs (never the sensitive value itself), or {@code null}
 * @since 1.0
 */
public record AuditEntry(String actor, String action, String objectType, String objectId, String regionCode,
                         String outcome, String detail) {

    /**
     * @return a successful action
     * @since 1.0
     */
    public static AuditEntry ok(String actor, String action, String objectType, String objectId, String regionCode,
                                String detail) {
        return new AuditEntry(actor, action, objectType, objectId, regionCode, "ok", detail);
    }
}
