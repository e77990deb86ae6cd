package org.civicgrid.plugin.patrol.internal;

/** A platform user to register as a member of a team; the phone number is optional and stored only sealed. */
public record MemberDraft(String userId, MemberKind kind, String phone) {
}
