package org.civicgrid.core.rest.internal;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.civicgrid.core.api.rest.ApiApplication;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A request body that is not JSON, or not the JSON the resource expects: 400 with what was wrong. */
@Component(service = ExceptionMapper.class, immediate = true)
@JaxrsExtension
@JaxrsName(JsonErrorMapper.NAME)
@JaxrsApplicationSelect(ApiApplication.SELECT)
public class JsonErrorMapper implements ExceptionMapper<JsonProcessingException> {

    static final String NAME = "civicgrid.json-error";

    private static final Logger LOG = LoggerFactory.getLogger(JsonErrorMapper.class);

    @Override
    public Response toResponse(JsonProcessingException error) {
        String detail = WebApplicationErrorMapper.describe(error);
        LOG.warn("400 Bad request: {}", detail);
        return Problems.response(400, "Bad request", detail);
    }
}
