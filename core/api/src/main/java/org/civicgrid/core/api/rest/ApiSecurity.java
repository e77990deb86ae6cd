package org.civicgrid.core.api.rest;

import javax.ws.rs.core.SecurityContext;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.CallerPrincipal;

/**
 * The caller of a REST request, as the platform authenticated it (HTTP Basic against the directory's JAAS
 * realm). A resource asks for it with {@code @Context SecurityContext} and passes it to the services it calls.
 *
 * @since 1.0
 */
public final class ApiSecurity {

    private ApiSecurity() {
    }

    /**
     * @param security the request's security context
     * @return the authenticated caller
     * @throws ProblemException 401 if the request is not authenticated
     * @since 1.0
     */
    public static Caller caller(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof CallerPrincipal principal) {
            return principal.caller();
        }
        throw new ProblemException(401, "Unauthorized",
                "Sign in: send your user name and password with HTTP Basic authentication.");
    }
}
