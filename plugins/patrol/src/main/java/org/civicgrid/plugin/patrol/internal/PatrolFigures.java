package org.civicgrid.plugin.patrol.internal;

import java.time.LocalDate;
import java.util.List;

/** Patrol figures of a region over a period (null ends: open): coverage over closed shifts, flagged check-ins, hazards reported and resolved (verified or closed cases), hours per member. */
public record PatrolFigures(String regionCode, LocalDate from, LocalDate to, int shifts, int closedShifts, int plannedCheckpoints, int visitedCheckpoints, double coverage, long flaggedCheckIns, long hazardsReported, long hazardsResolved, long hazardsRejected, List<MemberHours> members) {

    /** visited / planned to three decimals; 0 when nothing was planned. */
    static double ratio(long visited, long planned) {
        return planned == 0 ? 0 : Math.round(visited * 1000.0 / planned) / 1000.0;
    }
}
