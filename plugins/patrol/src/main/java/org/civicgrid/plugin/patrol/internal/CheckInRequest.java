package org.civicgrid.plugin.patrol.internal;

/** A check-in as the app sends it: the checkpoint and where the member stands; {@code memberId} (a user id) only when staff record it on a member's behalf. The time is the platform's, never the client's. */
public record CheckInRequest(String checkpointId, Double longitude, Double latitude, String memberId) {
}
