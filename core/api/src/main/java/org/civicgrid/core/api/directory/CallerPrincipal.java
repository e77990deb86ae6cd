package org.civicgrid.core.api.directory;

import java.security.Principal;
import java.util.Objects;

/**
 * The principal the platform's authentication puts on a request: the authenticated {@link Caller}.
 *
 * @param caller the caller
 * @since 1.0
 */
public record CallerPrincipal(Caller caller) implements Principal {

    /** @since 1.0 */
    public CallerPrincipal {
        Objects.requireNonNull(caller, "caller");
    }

    @Override
    public String getName() {
        return caller.userId();
    }

    /**
     * The caller signed in to the code running now, as the platform's JAAS realms put it on the subject: in a Karaf
     * shell session of a directory user (a system administrator), that user. A shell command acts for this caller,
     * within their region, when there is one; an operator of the installation (an account of Karaf's own files)
     * has none.
     *
     * @return the caller on the current JAAS subject, if any
     * @since 1.2
     */
    @SuppressWarnings("removal")
    public static java.util.Optional<Caller> current() {
        javax.security.auth.Subject subject = javax.security.auth.Subject.getSubject(java.security.AccessController.getContext());
        return subject == null ? java.util.Optional.empty()
                : subject.getPrincipals(CallerPrincipal.class).stream().findFirst().map(CallerPrincipal::caller);
    }
}
