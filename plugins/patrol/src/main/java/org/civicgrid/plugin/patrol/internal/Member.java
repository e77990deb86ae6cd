package org.civicgrid.plugin.patrol.internal;

import java.time.OffsetDateTime;

/** A member of a team; {@code phone} is masked (e.g. 138****5678), or null. */
public record Member(String id, String teamId, String userId, String name, MemberKind kind, String phone, OffsetDateTime joinedAt) {
}
