package org.civicgrid.plugin.mediation.internal;

/**
 * An outcome without agreement.
 *
 * @param outcome FAILED or WITHDRAWN
 * @param note why
 */
public record OutcomeInput(DisputeStatus outcome, String note) {
}
