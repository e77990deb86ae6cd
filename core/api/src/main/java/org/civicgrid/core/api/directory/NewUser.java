package org.civicgrid.core.api.directory;

import java.util.Set;

/**
 * A user to create.
 *
 * @param id the login name: 3–64 characters of letters, digits, '.', '_' or '-'
 * @param name the display name
 * @param password the initial password, meeting the directory's password policy (by default at least 10
 *        characters mixing 3 of lower-case, upper-case, digits and others, without the user id)
 * @param roles the roles to grant
 * @param regionCode the region the user belongs to
 * @param unitId the unit, or {@code null}
 * @since 1.0
 */
public record NewUser(String id, String name, String password, Set<Role> roles, String regionCode, String unitId) {
}
