package org.civicgrid.plugin.mediation.internal;

/** Where an agreement stands with judicial confirmation (司法确认). */
public enum ConfirmationStatus {
    /** The window is open and no application is recorded. */
    NOT_APPLIED,
    /** The parties applied to a court within the window. */
    APPLIED,
    /** The court confirmed it: enforceable. */
    CONFIRMED,
    /** The court refused to confirm it. */
    REFUSED,
    /** The window closed without an application (the agreement stays binding as a contract). */
    LAPSED
}
