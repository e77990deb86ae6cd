package org.civicgrid.plugin.mediation.internal;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.rest.ApiApplication;
import org.civicgrid.core.api.rest.ApiSecurity;
import org.civicgrid.core.api.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/mediation/disputes}: the studio's one-stop window. */
@Component(service = DisputeResource.class, immediate = true)
@JaxrsResource
@JaxrsApplicationSelect(ApiApplication.SELECT)
@Path("mediation/disputes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "mediation", description = "People's mediation studio (人民调解)")
public class DisputeResource {

    private final DisputeRegistry registry;

    @Activate
    public DisputeResource(@Reference DisputeRegistry registry) {
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take a dispute in at the one-stop window")
    public Response receive(DisputeIntake intake, @Context UriInfo uri, @Context SecurityContext security) {
        Dispute dispute = registry.receive(ApiSecurity.caller(security), intake);
        URI location = uri.getAbsolutePathBuilder().path(dispute.id()).build();
        return Response.created(location).entity(dispute).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One dispute")
    public Dispute dispute(@PathParam("id") String id, @Context SecurityContext security) {
        return registry.find(ApiSecurity.caller(security), id)
                .orElseThrow(() -> ProblemException.notFound("No dispute with id " + id + " in your area."));
    }

    @GET
    @Operation(summary = "The newest disputes of a region and everything under it")
    public List<Dispute> list(@QueryParam("region") String region,
                              @QueryParam("limit") @DefaultValue("50") int limit,
                              @Context SecurityContext security) {
        Caller caller = ApiSecurity.caller(security);
        if (region == null || region.isBlank()) {
            throw ProblemException.badRequest("Name the region: ?region=<division code>.");
        }
        return registry.list(caller, region.trim(), limit);
    }
}
