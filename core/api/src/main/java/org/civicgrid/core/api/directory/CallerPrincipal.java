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
}
