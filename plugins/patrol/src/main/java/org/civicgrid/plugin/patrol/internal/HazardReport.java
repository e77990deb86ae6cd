package org.civicgrid.plugin.patrol.internal;

/** A hazard found on patrol: what and where (WGS 84); {@code memberId} (a user id) only when staff report on a member's behalf. */
public record HazardReport(String title, String description, Double longitude, Double latitude, String address, String memberId) {
}
