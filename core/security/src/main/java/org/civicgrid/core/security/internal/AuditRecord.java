package org.civicgrid.core.security.internal;

import java.time.OffsetDateTime;

import org.civicgrid.core.api.security.AuditEntry;

/** An entry as recorded: its place in the chain, its time, where its request came from (or null) and its hash. */
public record AuditRecord(long seq, OffsetDateTime at, AuditEntry entry, String origin, String hash) {
}
