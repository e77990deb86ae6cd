package org.civicgrid.core.security.internal;

import java.time.OffsetDateTime;

import org.civicgrid.core.api.security.AuditEntry;

/** An entry as recorded: its place in the chain, its time and its hash. */
public record AuditRecord(long seq, OffsetDateTime at, AuditEntry entry, String hash) {
}
