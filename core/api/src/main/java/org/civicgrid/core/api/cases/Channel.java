package org.civicgrid.core.api.cases;

/**
 * How a case came in.
 *
 * @since 1.0
 */
public enum Channel {
    /** A grid worker on patrol. */
    GRID_WORKER,
    /** A resident on the hotline (e.g. 12345). */
    HOTLINE,
    /** A resident at a walk-in window. */
    WALK_IN,
    /** A resident through the app. */
    APP,
    /** A department. */
    DEPARTMENT,
    /** A plug-in other than a patrol. */
    PLUGIN,
    /** A patrol (群防群治): a hazard found by a patrol team, reported through its plug-in. */
    PATROL
}
