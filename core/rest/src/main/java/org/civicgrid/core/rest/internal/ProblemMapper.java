package org.civicgrid.core.rest.internal;

import javax.ws.rs.core.Context;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.AuditTrail;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

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

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditTrail audit;

    @Context
    private UriInfo uri;

    @Context
    private Request request;

    @Context
    private SecurityContext security;

    @Context
    private javax.ws.rs.core.HttpHeaders headers;

    @Override
    public Response toResponse(ProblemException problem) {
        LOG.warn("{} {}: {}", problem.status(), problem.title(), problem.detail());
        if (problem.status() == 403) {
            recordRefusal(problem);
        }
        return Problems.response(problem.status(), problem.title(), problem.detail());
    }

    /** An authorisation failure is audited: who, what they asked for, from where, and why it was refused. */
    private void recordRefusal(ProblemException problem) {
        AuditTrail trail = audit;
        if (trail == null) {
            return;
        }
        try {
            java.security.Principal principal = security == null ? null : security.getUserPrincipal();
            String actor = principal == null ? "anonymous" : principal.getName();
            String what = (request == null ? "" : request.getMethod() + " ")
                    + (uri == null ? "" : uri.getRequestUri().getPath());
            String from = headers == null ? null : headers.getHeaderString("X-Forwarded-For");
            trail.record(new AuditEntry(actor, "access.refused", "api", what, null, "refused",
                    problem.detail() + (from == null ? "" : " (forwarded for " + from + ")")));
        } catch (RuntimeException e) {
            LOG.error("Could not audit a refused request: {}", e.toString());
        }
    }
}
