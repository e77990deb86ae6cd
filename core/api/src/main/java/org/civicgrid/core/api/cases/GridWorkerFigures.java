package org.civicgrid.core.api.cases;

import java.util.List;

/**
 * The cases of a region's subtree as they concern one grid worker (网格员) or grid leader (网格长) of the region's grids,
 * for the grid staff's assessment (网格员考核).
 *
 * @param userId the worker
 * @param name the worker's name, or {@code null} if the caller's directory does not show it
 * @param grids the codes of the grids of the region the worker works (as a worker or as the leader)
 * @param reported cases the worker reported (上报): in the region's subtree, anywhere, whatever their state
 * @param inGrids cases located in the worker's grids (网格内事件), whoever reported them
 * @param verified cases the worker verified (核查): took the {@link CaseAction#VERIFY} step on, each case once
 * @param closed of the cases in the worker's grids, those closed
 * @param overdue of the cases in the worker's grids, those open and past their deadline now
 * @param closedOnTime of the closed cases in the worker's grids, those closed on time (see
 *        {@link UnitCaseFigures#closedOnTime()})
 * @param onTimeRate {@code closedOnTime / closed} (0 to 1), or {@code null} if none is closed
 * @param averageRating residents' mean rating 1–5 of the rated cases in the worker's grids, or {@code null}
 * @since 1.3
 */
public record GridWorkerFigures(String userId, String name, List<String> grids, long reported, long inGrids,
                                long verified, long closed, long overdue, long closedOnTime, Double onTimeRate,
                                Double averageRating) {

    /** @since 1.3 */
    public GridWorkerFigures {
        grids = grids == null ? List.of() : List.copyOf(grids);
    }
}
