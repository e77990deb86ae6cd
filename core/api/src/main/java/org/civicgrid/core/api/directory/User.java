package org.civicgrid.core.api.directory;

import java.util.Objects;
import java.util.Set;

/**
 * A user of the platform, as the directory shows it (never with a password or its hash).
 *
 * @param id the login name
 * @param name the display name
 * @param roles the roles held
 * @param regionCode the region the user belongs to
 * @param unitId the unit the user works in, or {@code null}
 * @param enabled whether the user may sign in
 * @since 1.0
 */
public record User(String id, String name, Set<Role> roles, String regionCode, String unitId, boolean enabled) {

    /** @since 1.0 */
    public User {
        Objects.requireNonNull(id, "id");
        roles = Set.copyOf(roles);
    }
}
