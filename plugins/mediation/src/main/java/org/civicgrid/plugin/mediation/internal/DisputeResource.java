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

/** {@code /api/mediation/disputes}: the studio's one-stop window and each dispute's course. */
@Component(service = DisputeResource.class, immediate = true)
@JaxrsResource
@JaxrsApplicationSelect(ApiApplication.SELECT)
@Path("mediation/disputes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "mediation", description = "People's mediation studio (人民调解)")
public class DisputeResource {

    private final DisputeRegistry registry;
    private final StudioSettings settings;

    @Activate
    public DisputeResource(@Reference DisputeRegistry registry, @Reference StudioSettings settings) {
        this.registry = registry;
        this.settings = settings;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take a dispute in at the one-stop window (or as sent by a court: source COURT)")
    public Response receive(DisputeIntake intake, @Context UriInfo uri, @Context SecurityContext security) {
        Dispute dispute = registry.receive(ApiSecurity.caller(security), intake);
        URI location = uri.getAbsolutePathBuilder().path(dispute.id()).build();
        return Response.created(location).entity(dispute).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One dispute, its parties masked")
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

    @POST
    @Path("{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign a mediator (named, or chosen by the dispute's type and place)")
    public Dispute assign(@PathParam("id") String id, AssignmentInput input, @Context SecurityContext security) {
        return registry.assign(ApiSecurity.caller(security), id, input == null ? null : input.mediatorId());
    }

    @POST
    @Path("{id}/parties")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a party (identity sealed, shown masked)")
    public Dispute addParty(@PathParam("id") String id, PartyInput input, @Context SecurityContext security) {
        return registry.addParty(ApiSecurity.caller(security), id, input);
    }

    @POST
    @Path("{id}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a mediation session")
    public Response session(@PathParam("id") String id, SessionInput input, @Context SecurityContext security) {
        return Response.status(201).entity(registry.recordSession(ApiSecurity.caller(security), id, input)).build();
    }

    @GET
    @Path("{id}/sessions")
    @Operation(summary = "The dispute's sessions")
    public List<Session> sessions(@PathParam("id") String id, @Context SecurityContext security) {
        return registry.sessions(ApiSecurity.caller(security), id);
    }

    @POST
    @Path("{id}/agreement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the signed agreement: the dispute is AGREED and the 30-day confirmation window starts")
    public Response agree(@PathParam("id") String id, AgreementInput input, @Context SecurityContext security) {
        return Response.status(201).entity(registry.agree(ApiSecurity.caller(security), id, input)).build();
    }

    @GET
    @Path("{id}/agreement")
    @Operation(summary = "The dispute's agreement and its judicial confirmation")
    public Agreement agreement(@PathParam("id") String id, @Context SecurityContext security) {
        return registry.agreement(ApiSecurity.caller(security), id)
                .orElseThrow(() -> ProblemException.notFound("Dispute " + id + " has no agreement."));
    }

    @GET
    @Path("{id}/agreement.pdf")
    @Produces("application/pdf")
    @Operation(summary = "The agreement document (人民调解协议书) to print, sign and seal")
    public Response agreementDocument(@PathParam("id") String id, @Context SecurityContext security) {
        AgreementContent content = registry.agreementContent(ApiSecurity.caller(security), id);
        byte[] pdf = AgreementDocument.render(content, settings.fonts());
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"agreement-" + id + ".pdf\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("{id}/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a judicial-confirmation step: APPLIED (within 30 days), CONFIRMED or REFUSED")
    public Agreement confirmation(@PathParam("id") String id, ConfirmationInput input,
                                  @Context SecurityContext security) {
        return registry.confirmation(ApiSecurity.caller(security), id, input);
    }

    @POST
    @Path("{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record that mediation failed or that the parties withdrew")
    public Dispute outcome(@PathParam("id") String id, OutcomeInput input, @Context SecurityContext security) {
        return registry.outcome(ApiSecurity.caller(security), id, input);
    }

    @POST
    @Path("{id}/referral")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hand the dispute on to arbitration, a court or another body")
    public Response refer(@PathParam("id") String id, ReferralInput input, @Context SecurityContext security) {
        return Response.status(201).entity(registry.refer(ApiSecurity.caller(security), id, input)).build();
    }

    @GET
    @Path("{id}/referrals")
    @Operation(summary = "Who the dispute was handed on to")
    public List<Referral> referrals(@PathParam("id") String id, @Context SecurityContext security) {
        return registry.referrals(ApiSecurity.caller(security), id);
    }

    @POST
    @Path("{id}/consultations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a 三长会商 joint consultation (court, police station, judicial office + N)")
    public Response consult(@PathParam("id") String id, ConsultationInput input, @Context SecurityContext security) {
        return Response.status(201).entity(registry.consult(ApiSecurity.caller(security), id, input)).build();
    }

    @GET
    @Path("{id}/consultations")
    @Operation(summary = "The joint consultations on the dispute")
    public List<Consultation> consultations(@PathParam("id") String id, @Context SecurityContext security) {
        return registry.consultations(ApiSecurity.caller(security), id);
    }
}
