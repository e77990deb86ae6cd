package org.civicgrid.plugin.mediation.internal;

/**
 * A mediator: a platform user with role MEDIATOR, registered to one organisation.
 *
 * @param userId the user's login name
 * @param name the user's display name
 * @param organisationId the organisation
 * @param regionCode the user's region
 */
public record Mediator(String userId, String name, String organisationId, String regionCode) {
}
