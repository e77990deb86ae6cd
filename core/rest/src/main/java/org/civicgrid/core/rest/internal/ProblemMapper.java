package org.civicgrid.core.rest.internal;

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

/** A caller's error thrown by a service or resource becomes a problem response with its own status. */
@Component(service = ExceptionMapper.class, immediate = true)
@JaxrsExtension
@JaxrsName(ProblemMapper.NAME)
@JaxrsApplicationSelect(ApiApplication.SELECT)
public class ProblemMapper implements ExceptionMapper<ProblemException> {

    static final String NAME = "civicgrid.problem";

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Override
    public Response toResponse(ProblemException problem) {
        LOG.warn("{} {}: {}", problem.status(), problem.title(), problem.detail());
        return Problems.response(problem.status(), problem.title(), problem.detail());
    }
}
