package org.civicgrid.core.rest.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;

import org.civicgrid.core.api.rest.ApiApplication;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * {@code /api/openapi.json}: the OpenAPI document of every resource that has joined the application at the
 * moment it is asked for, core and plug-ins, read from their JAX-RS and OpenAPI annotations. Generated from
 * the code at runtime, so it cannot drift from it.
 */
@Component(service = OpenApiResource.class, immediate = true)
@JaxrsResource
@JaxrsApplicationSelect(ApiApplication.SELECT)
@Path("openapi.json")
public class OpenApiResource {

    private final ServiceTracker<Object, Class<?>> resources;
    private volatile String document;

    @Activate
    public OpenApiResource(BundleContext context) {
        resources = new ServiceTracker<>(context, resourcesOfTheApplication(context), new Customizer());
        resources.open(true);
    }

    @Deactivate
    void close() {
        resources.close();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public String openApi() throws JsonProcessingException {
        String current = document;
        if (current == null) {
            current = render(resourceClasses());
            document = current;
        }
        return current;
    }

    Set<Class<?>> resourceClasses() {
        Set<Class<?>> classes = new LinkedHashSet<>();
        resources.getTracked().values().stream()
                .sorted(Comparator.comparing(Class::getName))
                .forEach(classes::add);
        return classes;
    }

    static String render(Set<Class<?>> classes) throws JsonProcessingException {
        OpenAPI base = new OpenAPI()
                .info(new Info()
                        .title("civicgrid API")
                        .description("Regions, health and the county plug-ins of the civicgrid platform. "
                                + "Errors are application/problem+json (RFC 7807).")
                        .version("1")
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url(ApiApplication.BASE)));
        SwaggerConfiguration configuration = new SwaggerConfiguration().openAPI(base).readAllResources(true);
        OpenAPI api = new Reader(configuration).read(classes);
        return Json.pretty().writeValueAsString(api);
    }

    private static org.osgi.framework.Filter resourcesOfTheApplication(BundleContext context) {
        try {
            return context.createFilter("(" + JaxrsWhiteboardConstants.JAX_RS_RESOURCE + "=true)");
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tracks resource classes without instantiating them; any change makes the document be read again. */
    private final class Customizer implements ServiceTrackerCustomizer<Object, Class<?>> {

        @Override
        public Class<?> addingService(ServiceReference<Object> reference) {
            if (!ApiApplication.SELECT.equals(reference.getProperty(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_SELECT))) {
                return null;
            }
            String[] types = (String[]) reference.getProperty(Constants.OBJECTCLASS);
            for (String type : Arrays.asList(types)) {
                try {
                    Class<?> candidate = reference.getBundle().loadClass(type);
                    if (candidate.isAnnotationPresent(Path.class) && candidate != OpenApiResource.class) {
                        document = null;
                        return candidate;
                    }
                } catch (ClassNotFoundException | IllegalStateException e) {
                    // The bundle is going away or does not see the type: nothing to describe.
                }
            }
            return null;
        }

        @Override
        public void modifiedService(ServiceReference<Object> reference, Class<?> type) {
            document = null;
        }

        @Override
        public void removedService(ServiceReference<Object> reference, Class<?> type) {
            document = null;
        }
    }
}
