package org.civicgrid.core.rest.internal;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import org.civicgrid.core.api.rest.ApiApplication;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAX-RS's own errors (no such path, method not allowed, unreadable body) as problem responses, with the
 * JSON parser's finding in words instead of a stack trace.
 */
@Component(service = ExceptionMapper.class, immediate = true)
@JaxrsExtension
@JaxrsName("civicgrid.webapplication-error")
@JaxrsApplicationSelect(ApiApplication.SELECT)
public class WebApplicationErrorMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationErrorMapper.class);

    @Override
    public Response toResponse(WebApplicationException error) {
        Response.StatusType status = error.getResponse().getStatusInfo();
        String detail = describe(error);
        LOG.warn("{} {}: {}", status.getStatusCode(), status.getReasonPhrase(), detail);
        return Problems.response(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JsonMappingException mapping) {
                return "The request body does not fit: " + mapping.getOriginalMessage()
                        + " (at " + mapping.getPathReference() + ")";
            }
            if (t instanceof JsonProcessingException parsing) {
                return "The request body is not valid JSON: " + parsing.getOriginalMessage()
                        + (parsing.getLocation() == null ? ""
                                : " (line " + parsing.getLocation().getLineNr()
                                        + ", column " + parsing.getLocation().getColumnNr() + ")");
            }
        }
        int code = error instanceof WebApplicationException wae ? wae.getResponse().getStatus() : 500;
        return switch (code) {
            case 404 -> "There is no such resource. The API is described at " + ApiApplication.BASE + "/openapi.json";
            case 405 -> "This resource does not accept that method.";
            case 406 -> "This resource cannot answer in the media type asked for; ask for application/json.";
            case 415 -> "Send the request body as application/json.";
            default -> error.getMessage();
        };
    }
}
