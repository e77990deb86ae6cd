package org.civicgrid.core.directory.internal.shell;

import java.util.Set;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;

/**
 * The caller shell commands act for: a system administrator of the directory signed in to the shell acts as
 * themselves, within their region; an operator of the installation (an account of Karaf's own
 * {@code etc/users.properties}, which only the machine's administrators can write) administers all of it, and is
 * the one who creates the first security administrator.
 */
final class ShellCaller {

    private ShellCaller() {
    }

    static Caller of() {
        String user = System.getProperty("user.name", "shell");
        javax.security.auth.Subject subject = javax.security.auth.Subject.getSubject(java.security.AccessController.getContext());
        if (subject != null) {
            user = subject.getPrincipals(org.apache.karaf.jaas.boot.principal.UserPrincipal.class).stream()
                    .map(java.security.Principal::getName).findFirst().orElse(user);
        }
        return org.civicgrid.core.api.directory.CallerPrincipal.current()
                .orElse(new Caller("shell:" + user, Set.of(Role.CITY_ADMIN, Role.SECURITY_ADMIN), "", null));
    }
}
