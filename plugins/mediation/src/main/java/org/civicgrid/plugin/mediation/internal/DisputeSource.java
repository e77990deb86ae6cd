package org.civicgrid.plugin.mediation.internal;

/** How a dispute reached the studio. */
public enum DisputeSource {
    /** 一站式窗口: a party or a grid worker at the one-stop window. */
    WINDOW,
    /** A core case of the studio's category, dispatched to it. */
    CASE,
    /** 诉前调解: a court sent a lawsuit to mediation first, with a deadline. */
    COURT
}
