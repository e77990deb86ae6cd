package org.civicgrid.plugin.mediation.internal;

import java.util.List;

import javax.ws.rs.Consumes;
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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.civicgrid.core.api.rest.ApiApplication;
import org.civicgrid.core.api.rest.ApiSecurity;
import org.civicgrid.core.api.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/mediation/…}: the mediation network, the studio's figures and the confirmation windows. */
@Component(service = StudioResource.class, immediate = true)
@JaxrsResource
@JaxrsApplicationSelect(ApiApplication.SELECT)
@Path("mediation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "mediation", description = "People's mediation studio (人民调解)")
public class StudioResource {

    private final MediationNetwork network;
    private final StudioFigures figures;
    private final ConfirmationWatch confirmations;

    @Activate
    public StudioResource(@Reference MediationNetwork network, @Reference StudioFigures figures,
                          @Reference ConfirmationWatch confirmations) {
        this.network = network;
        this.figures = figures;
        this.confirmations = confirmations;
    }

    @POST
    @Path("organisations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a mediation organisation (administrators)")
    public Response createOrganisation(Organisation input, @Context SecurityContext security) {
        return Response.status(201).entity(network.createOrganisation(ApiSecurity.caller(security), input)).build();
    }

    @GET
    @Path("organisations")
    @Operation(summary = "The mediation organisations serving a region or anything under it")
    public List<Organisation> organisations(@QueryParam("region") String region, @Context SecurityContext security) {
        return network.organisations(ApiSecurity.caller(security), region == null ? null : region.trim());
    }

    @GET
    @Path("organisations/{id}")
    @Operation(summary = "One mediation organisation")
    public Organisation organisation(@PathParam("id") String id, @Context SecurityContext security) {
        return network.organisation(ApiSecurity.caller(security), id)
                .orElseThrow(() -> ProblemException.notFound("No mediation organisation " + id + " in your area."));
    }

    @POST
    @Path("organisations/{id}/mediators")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a user with role MEDIATOR to the organisation (administrators)")
    public Response registerMediator(@PathParam("id") String id, MediatorInput input,
                                     @Context SecurityContext security) {
        return Response.status(201).entity(network.registerMediator(ApiSecurity.caller(security), id,
                input == null ? null : input.userId())).build();
    }

    @GET
    @Path("organisations/{id}/mediators")
    @Operation(summary = "The organisation's mediators")
    public List<Mediator> mediators(@PathParam("id") String id, @Context SecurityContext security) {
        return network.mediators(ApiSecurity.caller(security), id);
    }

    @GET
    @Path("figures")
    @Operation(summary = "Disputes by type, place and outcome; success, confirmation rate, average days")
    public StudioFigures.Figures figures(@QueryParam("region") String region, @Context SecurityContext security) {
        return figures.figures(ApiSecurity.caller(security), region);
    }

    @GET
    @Path("confirmations")
    @Operation(summary = "Agreements whose 30-day judicial-confirmation window is open, closest deadline first")
    public List<ConfirmationWatch.Due> confirmations(@QueryParam("region") String region,
                                                     @Context SecurityContext security) {
        return confirmations.due(ApiSecurity.caller(security), region == null ? null : region.trim());
    }
}
