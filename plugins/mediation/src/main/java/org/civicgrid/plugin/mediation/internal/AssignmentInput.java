package org.civicgrid.plugin.mediation.internal;

/**
 * Assigning a dispute.
 *
 * @param mediatorId the mediator's user id, or {@code null} to choose one by the dispute's type and place
 */
public record AssignmentInput(String mediatorId) {
}
