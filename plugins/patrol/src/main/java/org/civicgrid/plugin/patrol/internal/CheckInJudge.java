package org.civicgrid.plugin.patrol.internal;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Judges a check-in: away when farther from its checkpoint than the allowed radius, off shift when outside the
 * shift's time (its start to its planned end, or its closing if earlier, widened by the grace on both sides).
 * A flagged check-in is kept, shown with its flags, and does not count as a visit.
 */
record CheckInJudge(double radiusMetres, Duration grace) {

    /** What the judge found. */
    record Verdict(double distanceMetres, boolean away, boolean offShift) {
    }

    Verdict judge(double checkpointLon, double checkpointLat, double lon, double lat,
                  LocalDateTime at, LocalDateTime shiftStart, LocalDateTime shiftEnd) {
        double distance = GreatCircle.metres(checkpointLon, checkpointLat, lon, lat);
        boolean offShift = at.isBefore(shiftStart.minus(grace)) || at.isAfter(shiftEnd.plus(grace));
        return new Verdict(Math.round(distance * 10) / 10.0, distance > radiusMetres, offShift);
    }
}
