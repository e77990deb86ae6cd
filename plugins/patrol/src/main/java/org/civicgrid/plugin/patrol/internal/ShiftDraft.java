package org.civicgrid.plugin.patrol.internal;

import java.time.OffsetDateTime;
import java.util.List;

/** A shift to plan: the team, its route, when, and the user ids of the members on its roster. */
public record ShiftDraft(String teamId, String routeId, OffsetDateTime startsAt, OffsetDateTime endsAt, List<String> roster) {
}
