package org.civicgrid.plugin.patrol.internal;

/** Service hours of a member: the shifts they patrolled (at least one check-in that counts) and their length in hours. */
public record MemberHours(String userId, String name, MemberKind kind, String teamName, int shifts, double hours) {
}
