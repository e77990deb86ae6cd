package org.civicgrid.core.cases.internal;

/** Supervision (督办) of deadlines, run by the scheduler and by {@code civicgrid:case-supervise}. */
public interface CaseSupervisor {

    /** What one round of supervision did. */
    record Round(int flagged, int escalated, int warned) {
    }

    /**
     * Warns of cases due soon and flags every open case past its deadline (each once per deadline), and
     * escalates those overdue longer than
     * configured. Each case is its own transaction; the steps are audited and published like any other.
     */
    Round supervise();
}
