package org.civicgrid.core.rest.internal;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;

import org.civicgrid.core.api.rest.ApiApplication;
import org.civicgrid.core.api.security.RequestOrigin;
import org.osgi.service.component.annotations.Component;

/**
 * Makes the client's address the {@link RequestOrigin} of every API request, so each audit entry written while
 * it is served says where it came from. A proxy's {@code X-Forwarded-For} is kept beside the address as what the
 * proxy claims, never in its place: the address is the one the platform itself saw.
 */
@Component(service = Filter.class, immediate = true, property = {
    "osgi.http.whiteboard.filter.name=civicgrid-request-origin",
    "osgi.http.whiteboard.filter.pattern=/*",
    "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.path=" + ApiApplication.BASE + ")"})
public class RequestOriginFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try (RequestOrigin.Scope scope = RequestOrigin.enter(originOf(request))) {
            chain.doFilter(request, response);
        }
    }

    static String originOf(ServletRequest request) {
        String address = request.getRemoteAddr();
        String forwarded = request instanceof HttpServletRequest
                ? ((HttpServletRequest) request).getHeader("X-Forwarded-For") : null;
        if (forwarded == null || forwarded.isBlank()) {
            return address;
        }
        return address + " (forwarded for " + forwarded.strip() + ")";
    }
}
