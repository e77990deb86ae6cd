package org.civicgrid.core.rest.internal;

import java.util.UUID;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.civicgrid.core.api.rest.ApiApplication;
import org.civicgrid.core.api.rest.ProblemException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bug: logged once with its stack trace under an incident id; the caller gets the id, never the trace.
 */
@Component(service = ExceptionMapper.class, immediate = true)
@JaxrsExtension
@JaxrsName(UnexpectedErrorMapper.NAME)
@JaxrsApplicationSelect(ApiApplication.SELECT)
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    static final String NAME = "civicgrid.unexpected-error";

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorMapper.class);

    @Override
    public Response toResponse(Throwable error) {
        if (error instanceof javax.ws.rs.WebApplicationException web) {
            // The JAX-RS runtime's own 4xx (e.g. while the application is being re-assembled): not a bug.
            return new WebApplicationErrorMapper().toResponse(web);
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                // Wrapped on its way out of a transaction: still the caller's error.
                return new ProblemMapper().toResponse(problem);
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected error, incident {}", incident, error);
        return Problems.response(500, "Internal error",
                "The platform could not complete the request. Give the administrator incident " + incident + ".",
                incident);
    }
}
