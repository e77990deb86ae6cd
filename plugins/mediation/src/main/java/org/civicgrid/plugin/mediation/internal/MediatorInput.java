package org.civicgrid.plugin.mediation.internal;

/**
 * Registering a mediator to an organisation.
 *
 * @param userId the login name of a platform user with role MEDIATOR
 */
public record MediatorInput(String userId) {
}
