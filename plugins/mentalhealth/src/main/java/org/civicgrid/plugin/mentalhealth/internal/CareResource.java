package org.civicgrid.plugin.mentalhealth.internal;

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

import org.civicgrid.core.api.rest.ApiApplication;
import org.civicgrid.core.api.rest.ApiSecurity;
import org.civicgrid.core.api.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/mentalhealth/…}: flags, people, screenings, referrals, follow-ups and the alert inbox. Everything
 * but flagging is for counsellors of the person's region; responses with identities or answers are no-store.
 */
@Component(service = CareResource.class, immediate = true)
@JaxrsResource
@JaxrsApplicationSelect(ApiApplication.SELECT)
@Path("mentalhealth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "mentalhealth", description = "Mental-health screening and follow-up (社会心理服务)")
public class CareResource {

    private final CareRegister register;

    @Activate
    public CareResource(@Reference CareRegister register) {
        this.register = register;
    }

    @POST
    @Path("flags")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Flag a person for screening (grid workers); the answer says only that it is on record")
    public Response flag(FlagIntake intake, @Context UriInfo uri, @Context SecurityContext security) {
        FlagReceipt receipt = register.flag(ApiSecurity.caller(security), intake);
        return Response.created(uri.getAbsolutePathBuilder().path(receipt.id()).build()).entity(receipt).build();
    }

    @GET
    @Path("flags/{id}")
    @Operation(summary = "A flag read back: only that it is on record")
    public FlagReceipt flagReceipt(@PathParam("id") String id, @Context SecurityContext security) {
        return register.flagReceipt(ApiSecurity.caller(security), id)
                .orElseThrow(() -> ProblemException.notFound("No flag " + id + " in your area."));
    }

    @GET
    @Path("flags")
    @Operation(summary = "Counsellors' worklist: people flagged in a region, names masked")
    public Response flagged(@QueryParam("region") String region, @QueryParam("limit") @DefaultValue("50") int limit,
                            @Context SecurityContext security) {
        return Private.ok(register.flagged(ApiSecurity.caller(security), region, limit));
    }

    @POST
    @Path("persons")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a person (counsellors)")
    public Response register(PersonIntake intake, @Context UriInfo uri, @Context SecurityContext security) {
        Person person = register.register(ApiSecurity.caller(security), intake);
        return Private.created(uri.getAbsolutePathBuilder().path(person.id()).build(), person);
    }

    @GET
    @Path("persons")
    @Operation(summary = "People of a region, identities masked; ?tier= and ?overdue=true narrow it")
    public Response people(@QueryParam("region") String region, @QueryParam("tier") String tier,
                           @QueryParam("overdue") @DefaultValue("false") boolean overdue,
                           @QueryParam("limit") @DefaultValue("50") int limit, @Context SecurityContext security) {
        return Private.ok(register.people(ApiSecurity.caller(security), region,
                tier == null || tier.isBlank() ? null : RiskTier.parse(tier), overdue, limit));
    }

    @GET
    @Path("persons/{id}")
    @Operation(summary = "One person; ?reveal=true shows the identity in full (audited)")
    public Response person(@PathParam("id") String id, @QueryParam("reveal") @DefaultValue("false") boolean reveal,
                           @Context SecurityContext security) {
        return Private.ok(register.person(ApiSecurity.caller(security), id, reveal)
                .orElseThrow(() -> ProblemException.notFound("No person " + id + " in your area.")));
    }

    @GET
    @Path("persons/{id}/screenings")
    @Operation(summary = "A person's screenings with answers and results")
    public Response screenings(@PathParam("id") String id, @Context SecurityContext security) {
        return Private.ok(register.screenings(ApiSecurity.caller(security), id));
    }

    @POST
    @Path("persons/{id}/referrals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refer a person to a counsellor, a hospital or crisis intervention")
    public Response refer(@PathParam("id") String id, ReferralIntake intake, @Context UriInfo uri,
                          @Context SecurityContext security) {
        Referral referral = register.refer(ApiSecurity.caller(security), id, intake);
        return Private.created(uri.getAbsolutePathBuilder().path(referral.id()).build(), referral);
    }

    @GET
    @Path("persons/{id}/referrals")
    @Operation(summary = "A person's referrals")
    public Response referrals(@PathParam("id") String id, @Context SecurityContext security) {
        return Private.ok(register.referrals(ApiSecurity.caller(security), id));
    }

    @POST
    @Path("persons/{id}/follow-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a follow-up contact; plans the next one by the tier")
    public Response followUp(@PathParam("id") String id, FollowUpIntake intake, @Context UriInfo uri,
                             @Context SecurityContext security) {
        FollowUp followUp = register.followUp(ApiSecurity.caller(security), id, intake);
        return Private.created(uri.getAbsolutePathBuilder().path(followUp.id()).build(), followUp);
    }

    @GET
    @Path("persons/{id}/follow-ups")
    @Operation(summary = "A person's follow-up contacts")
    public Response followUps(@PathParam("id") String id, @Context SecurityContext security) {
        return Private.ok(register.followUps(ApiSecurity.caller(security), id));
    }

    @POST
    @Path("screenings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a questionnaire's answers; the server scores it (a sent score is refused)")
    public Response screen(ScreeningIntake intake, @Context UriInfo uri, @Context SecurityContext security) {
        Screening screening = register.screen(ApiSecurity.caller(security), intake);
        return Private.created(uri.getAbsolutePathBuilder().path(screening.id()).build(), screening);
    }

    @GET
    @Path("screenings/{id}")
    @Operation(summary = "One screening with answers and result")
    public Response screening(@PathParam("id") String id, @Context SecurityContext security) {
        return Private.ok(register.screening(ApiSecurity.caller(security), id)
                .orElseThrow(() -> ProblemException.notFound("No screening " + id + " in your area.")));
    }

    @GET
    @Path("alerts")
    @Operation(summary = "The signed-in counsellor's alert inbox; ?open=true for unacknowledged ones")
    public Response alerts(@QueryParam("open") @DefaultValue("false") boolean open, @Context SecurityContext security) {
        return Private.ok(register.alerts(ApiSecurity.caller(security), open));
    }

    @POST
    @Path("alerts/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge an alert with what was done")
    public Response acknowledge(@PathParam("id") String id, Acknowledgement body, @Context SecurityContext security) {
        return Private.ok(register.acknowledge(ApiSecurity.caller(security), id, body == null ? null : body.note()));
    }

    /**
     * What was done about an alert.
     *
     * @param note e.g. {@code 已电话联系，已转介危机干预}
     */
    public record Acknowledgement(String note) {
    }
}
