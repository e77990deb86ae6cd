package org.civicgrid.plugin.patrol.internal;

import java.time.OffsetDateTime;

/** A hazard and the core case it became, with the case's state as last known. */
public record Hazard(String id, String shiftId, String userId, String reportedBy, OffsetDateTime reportedAt, String title, String regionCode, double longitude, double latitude, String caseId, String gridCode, String caseState, OffsetDateTime caseUpdatedAt) {
}
