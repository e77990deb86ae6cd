package org.civicgrid.plugin.mentalhealth.internal;

import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Response;

/** Responses carrying identities or answers: never stored by a browser or proxy. */
final class Private {

    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private Private() {
    }

    static Response ok(Object entity) {
        return Response.ok(entity).cacheControl(NO_STORE).build();
    }

    static Response created(java.net.URI location, Object entity) {
        return Response.created(location).entity(entity).cacheControl(NO_STORE).build();
    }
}
