package org.civicgrid.core.api.cases;

/**
 * The cases of a region's subtree that one handling unit (承办单位) has, for comparing departments on a dashboard.
 * A case counts for the unit it is dispatched to now: one returned and dispatched elsewhere counts for the unit that
 * has it now, and one reopened (no unit until it is dispatched again) for none.
 *
 * @param unitId the unit
 * @param unitName its name, or {@code null} if the caller's directory does not show it (a unit of a higher level)
 * @param received cases dispatched to it (承办): every case it has, whatever its state
 * @param open of those, still in the loop (neither verified, closed nor rejected)
 * @param closed of those, closed (结案)
 * @param overdue of the open ones, past their deadline now
 * @param closedOnTime of the closed ones, those closed on time (按期办结): supervision never found the case past a
 *        deadline of the loop (no {@link CaseAction#SUPERVISE} step, nor an escalation by supervision, in its trail)
 * @param onTimeRate {@code closedOnTime / closed} (0 to 1), or {@code null} if none is closed
 * @param averageRating residents' mean rating 1–5 of its rated cases, or {@code null} if none is rated
 * @since 1.3
 */
public record UnitCaseFigures(String unitId, String unitName, long received, long open, long closed, long overdue,
                              long closedOnTime, Double onTimeRate, Double averageRating) {
}
