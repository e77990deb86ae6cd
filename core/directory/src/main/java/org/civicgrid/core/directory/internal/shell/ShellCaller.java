package org.civicgrid.core.directory.internal.shell;

import java.util.Set;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;

/**
 * The caller shell commands act for: the Karaf administrator signed in to the shell, who administers the whole
 * installation (the shell is only open to Karaf's admin group, on this machine).
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
        return new Caller("shell:" + user, Set.of(Role.CITY_ADMIN), "", null);
    }
}
