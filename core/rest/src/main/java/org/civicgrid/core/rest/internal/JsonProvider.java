package org.civicgrid.core.rest.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

import org.civicgrid.core.api.rest.ApiApplication;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/** JSON for every resource of the application: ISO dates, records, and unknown properties refused. */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class}, immediate = true)
@JaxrsExtension
@JaxrsName(JsonProvider.NAME)
@JaxrsMediaType({MediaType.APPLICATION_JSON, ApiApplication.PROBLEM_JSON})
@JaxrsApplicationSelect(ApiApplication.SELECT)
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonProvider extends JacksonJsonProvider {

    static final String NAME = "civicgrid.json";

    public JsonProvider() {
        super(mapper());
    }

    static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }
}
