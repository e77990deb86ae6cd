package org.civicgrid.core.api.directory;

import java.util.Objects;
import java.util.Set;

/**
 * The authenticated user a service call acts for. Services take it from the platform's authentication, never
 * from anything the client sends.
 *
 * @param userId the user's login name
 * @param roles the roles the user holds
 * @param regionCode the division code of the node the user belongs to; the user acts in its subtree only
 * @param unitId the organisational unit the user works in, or {@code null}
 * @since 1.0
 */
public record Caller(String userId, Set<Role> roles, String regionCode, String unitId) {

    /** @since 1.0 */
    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(regionCode, "regionCode");
        roles = Set.copyOf(roles);
    }

    /**
     * @param role a role
     * @return whether the caller holds it
     * @since 1.0
     */
    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * @param code a division code (or a grid code, which starts with its village's code)
     * @return whether it lies in the caller's region subtree
     * @since 1.0
     */
    public boolean reaches(String code) {
        return code != null && code.startsWith(regionCode);
    }
}
