package org.civicgrid.plugin.patrol.internal;

import java.time.OffsetDateTime;

/** A recorded check-in: flagged {@code away} when farther from the checkpoint than the configured radius, {@code offShift} when outside the shift's time. Flagged check-ins do not count as visits. */
public record CheckIn(String id, String shiftId, String checkpointId, String checkpointName, String userId, String recordedBy, OffsetDateTime at, double longitude, double latitude, double distanceMetres, boolean away, boolean offShift) {
}
