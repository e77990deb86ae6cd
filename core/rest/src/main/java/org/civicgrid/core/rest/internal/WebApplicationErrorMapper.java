package org.civicgrid.core.rest.internal;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

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
@JaxrsName(WebApplicationErrorMapper.NAME)
@JaxrsApplicationSelect(ApiApplication.SELECT)
public class WebApplicationErrorMapper implements ExceptionMapper<WebApplicationException> {

    static final String NAME = "civicgrid.webapplication-error";

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
                return "The request body does not fit: " + fieldProblem(mapping);
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

    /** Names the field and what it accepts, in the client's terms rather than the server's class names. */
    static String fieldProblem(JsonMappingException mapping) {
        String field = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String where = field.isEmpty() ? "the body" : "field '" + field + "'";
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            List<String> known = unknown.getKnownPropertyIds() == null ? List.of()
                    : unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return "unknown field '" + unknown.getPropertyName() + "'; the fields are " + known + ".";
        }
        if (mapping instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                List<String> accepted = Arrays.stream(target.getEnumConstants()).map(String::valueOf).sorted().toList();
                return where + ": '" + invalid.getValue() + "' is not one of " + accepted + ".";
            }
            return where + ": '" + invalid.getValue() + "' is not a valid " + typeName(target) + ".";
        }
        if (mapping instanceof MismatchedInputException mismatched) {
            return where + " should be " + typeName(mismatched.getTargetType()) + ".";
        }
        return where + " could not be read.";
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date/time";
        }
        return "an object";
    }
}
