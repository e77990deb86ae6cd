package org.civicgrid.plugin.mediation.internal;

/** Where a dispute stands in the studio. */
public enum DisputeStatus {
    /** Taken in, no mediator yet. */
    RECEIVED
}
