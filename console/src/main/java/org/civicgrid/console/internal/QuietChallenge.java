package org.civicgrid.console.internal;

import java.util.List;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;

import org.civicgrid.core.api.rest.ApiApplication;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * A 401 to a script request ({@code X-Requested-With: XMLHttpRequest}, as the console sends) carries no
 * {@code WWW-Authenticate}: otherwise the browser opens its own password dialog over the console's sign-in page.
 * Other clients (curl, integrations) still get the challenge.
 */
@Component(service = ContainerResponseFilter.class, immediate = true)
@JaxrsExtension
@JaxrsName("civicgrid.console.quiet-challenge")
@JaxrsApplicationSelect(ApiApplication.SELECT)
@Priority(Priorities.AUTHENTICATION)
public class QuietChallenge implements ContainerResponseFilter {

    static final String REQUESTED_WITH = "X-Requested-With";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 401 && "XMLHttpRequest".equalsIgnoreCase(request.getHeaderString(REQUESTED_WITH))) {
            // Removed through the map itself: a header map's key set may be a copy.
            var headers = response.getHeaders();
            for (String name : List.copyOf(headers.keySet())) {
                if (HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(name)) {
                    headers.remove(name);
                }
            }
        }
    }
}
