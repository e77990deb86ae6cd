package org.civicgrid.core.rest.internal;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MultivaluedMap;

import org.civicgrid.core.api.rest.ApiApplication;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Every API response tells browsers and proxies not to keep it (responses carry personal data), not to guess
 * its type, not to frame it and not to run anything from it; a request body larger than any resource accepts is
 * refused before it is read.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class}, immediate = true)
@JaxrsExtension
@JaxrsName(SecurityHeaders.NAME)
@JaxrsApplicationSelect(ApiApplication.SELECT)
@Priority(Priorities.AUTHENTICATION - 100)
public class SecurityHeaders implements ContainerRequestFilter, ContainerResponseFilter {

    static final String NAME = "civicgrid.security-headers";
    /** The largest request body of the API: a grid import of 64 MiB. */
    static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long bytes;
            try {
                bytes = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                request.abortWith(Problems.response(400, "Bad request", "Content-Length is not a number."));
                return;
            }
            if (bytes > MAX_BODY_BYTES) {
                request.abortWith(Problems.response(413, "Payload too large",
                        "The request has " + bytes + " bytes; the API accepts at most " + MAX_BODY_BYTES + "."));
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Cache-Control", "no-store");
        headers.putSingle("Pragma", "no-cache");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }
}
