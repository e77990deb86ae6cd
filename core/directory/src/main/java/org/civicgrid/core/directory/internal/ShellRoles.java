package org.civicgrid.core.directory.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;

/**
 * The Karaf roles a directory user gets in the shell, for its command lists ({@code etc/org.apache.karaf.command.acl.*})
 * and its SSH door ({@code sshRole = ssh}). Only system administrators use the shell: a city administrator runs the
 * installation (installing and removing plug-ins, configuration: Karaf's {@code admin}); a county administrator
 * looks and runs the platform's own commands, which act within their county ({@code viewer}). Other roles get
 * none, so SSH does not let them in.
 */
final class ShellRoles {

    private ShellRoles() {
    }

    static Set<String> of(Caller caller) {
        Set<String> roles = new LinkedHashSet<>();
        if (caller.has(Role.CITY_ADMIN)) {
            roles.addAll(Set.of("ssh", "viewer", "manager", "admin"));
        } else if (caller.has(Role.COUNTY_ADMIN)) {
            roles.addAll(Set.of("ssh", "viewer"));
        }
        return roles;
    }
}
