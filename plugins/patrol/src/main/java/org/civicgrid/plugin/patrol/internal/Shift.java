package org.civicgrid.plugin.patrol.internal;

import java.time.OffsetDateTime;
import java.util.List;

/** A shift as supervisors see it: roster, coverage (checkpoints visited / planned), the checkpoints missed (once closed), check-ins with their flags, hazards. */
public record Shift(String id, String teamId, String teamName, String routeId, String routeName, String regionCode, OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime closedAt, String closedBy, List<String> roster, int planned, int visited, double coverage, List<Checkpoint> missed, List<CheckIn> checkIns, List<Hazard> hazards) {
}
