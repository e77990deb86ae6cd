package org.civicgrid.plugin.patrol.internal;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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

/** {@code /api/patrol/…}: teams, routes, shifts, check-ins, hazards and figures of the patrol. */
@Component(service = PatrolResource.class, immediate = true)
@JaxrsResource
@JaxrsApplicationSelect(ApiApplication.SELECT)
@Path("patrol")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "patrol", description = "Veteran-cadre and volunteer patrol (老干部巡防 / 群防群治)")
public class PatrolResource {

    private final PatrolRegistry registry;
    private final ShiftLog shifts;
    private final HazardDesk hazards;
    private final PatrolStatistics statistics;

    @Activate
    public PatrolResource(@Reference PatrolRegistry registry, @Reference ShiftLog shifts,
                          @Reference HazardDesk hazards, @Reference PatrolStatistics statistics) {
        this.registry = registry;
        this.shifts = shifts;
        this.hazards = hazards;
        this.statistics = statistics;
    }

    @POST
    @Path("teams")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a patrol team for a county, township or village/community")
    public Response createTeam(TeamDraft draft, @Context UriInfo uri, @Context SecurityContext security) {
        Team team = registry.createTeam(ApiSecurity.caller(security), draft);
        return created(uri, team.id(), team);
    }

    @GET
    @Path("teams")
    @Operation(summary = "The teams of a region and everything under it (your region if none is named)")
    public List<Team> teams(@QueryParam("region") String region, @Context SecurityContext security) {
        return registry.teams(ApiSecurity.caller(security), region);
    }

    @GET
    @Path("teams/{id}")
    @Operation(summary = "A team with its members and routes")
    public Team team(@PathParam("id") String id, @Context SecurityContext security) {
        return registry.team(ApiSecurity.caller(security), id);
    }

    @POST
    @Path("teams/{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a platform user as a member (veteran cadre or safety volunteer)")
    public Response addMember(@PathParam("id") String teamId, MemberDraft draft, @Context UriInfo uri,
                              @Context SecurityContext security) {
        Member member = registry.addMember(ApiSecurity.caller(security), teamId, draft);
        return created(uri, member.id(), member);
    }

    @POST
    @Path("teams/{id}/routes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a route over a village/community with its checkpoints in order")
    public Response addRoute(@PathParam("id") String teamId, RouteDraft draft, @Context SecurityContext security,
                             @Context UriInfo uri) {
        Route route = registry.addRoute(ApiSecurity.caller(security), teamId, draft);
        return Response.created(uri.getBaseUriBuilder().path("patrol/routes").path(route.id()).build()).entity(route).build();
    }

    @GET
    @Path("teams/{id}/shifts")
    @Operation(summary = "The shifts of a team starting in [from, to) (ISO 8601 instants), newest first")
    public List<Shift> teamShifts(@PathParam("id") String teamId, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @Context SecurityContext security) {
        return shifts.shifts(ApiSecurity.caller(security), teamId, instant("from", from), instant("to", to));
    }

    @GET
    @Path("routes/{id}")
    @Operation(summary = "A route with its checkpoints")
    public Route route(@PathParam("id") String id, @Context SecurityContext security) {
        return registry.route(ApiSecurity.caller(security), id);
    }

    @POST
    @Path("shifts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Plan a shift of a team on one of its routes, with its roster")
    public Response plan(ShiftDraft draft, @Context UriInfo uri, @Context SecurityContext security) {
        Shift shift = shifts.plan(ApiSecurity.caller(security), draft);
        return created(uri, shift.id(), shift);
    }

    @GET
    @Path("shifts/{id}")
    @Operation(summary = "A shift: roster, coverage, missed checkpoints, check-ins with their flags, hazards")
    public Shift shift(@PathParam("id") String id, @Context SecurityContext security) {
        return shifts.shift(ApiSecurity.caller(security), id);
    }

    @POST
    @Path("shifts/{id}/check-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check in at a checkpoint (flagged when away from it or outside the shift)")
    public Response checkIn(@PathParam("id") String shiftId, CheckInRequest request, @Context SecurityContext security) {
        CheckIn checkIn = shifts.checkIn(ApiSecurity.caller(security), shiftId, request);
        return Response.status(Response.Status.CREATED).entity(checkIn).build();
    }

    @POST
    @Path("shifts/{id}/close")
    @Operation(summary = "Close a shift now and report its missed checkpoints")
    public Shift close(@PathParam("id") String shiftId, @Context SecurityContext security) {
        return shifts.close(ApiSecurity.caller(security), shiftId);
    }

    @POST
    @Path("shifts/{id}/hazards")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a hazard found on the shift; it becomes a case of category patrol-hazard")
    public Response report(@PathParam("id") String shiftId, HazardReport report, @Context UriInfo uri,
                           @Context SecurityContext security) {
        Hazard hazard = hazards.report(ApiSecurity.caller(security), shiftId, report);
        return Response.created(uri.getBaseUriBuilder().path("patrol/hazards").path(hazard.id()).build()).entity(hazard).build();
    }

    @GET
    @Path("hazards/{id}")
    @Operation(summary = "A hazard and what became of its case")
    public Hazard hazard(@PathParam("id") String id, @Context SecurityContext security) {
        return hazards.hazard(ApiSecurity.caller(security), id);
    }

    @GET
    @Path("hazards")
    @Operation(summary = "The hazards of a region, newest first")
    public List<Hazard> hazards(@QueryParam("region") String region, @Context SecurityContext security) {
        return hazards.hazards(ApiSecurity.caller(security), region);
    }

    @GET
    @Path("figures")
    @Operation(summary = "Coverage, flagged check-ins, hazards reported and resolved, hours per member")
    public PatrolFigures figures(@QueryParam("region") String region, @QueryParam("from") String from,
                                 @QueryParam("to") String to, @Context SecurityContext security) {
        return statistics.figures(ApiSecurity.caller(security), region, day("from", from), day("to", to));
    }

    @GET
    @Path("hours.csv")
    @Produces("text/csv")
    @Operation(summary = "Volunteer service hours as CSV (UTF-8)")
    public Response hours(@QueryParam("region") String region, @QueryParam("from") String from,
                          @QueryParam("to") String to, @Context SecurityContext security) {
        String csv = statistics.serviceHoursCsv(ApiSecurity.caller(security), region, day("from", from), day("to", to));
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"patrol-hours.csv\"")
                .header("Cache-Control", "no-store").build();
    }

    private static Response created(UriInfo uri, String id, Object entity) {
        URI location = uri.getAbsolutePathBuilder().path(id).build();
        return Response.created(location).entity(entity).build();
    }

    private static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " is a day, yyyy-mm-dd, not " + value + ".");
        }
    }

    private static OffsetDateTime instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " is an ISO 8601 time with an offset, e.g. 2024-05-01T00:00:00+08:00, not " + value + ".");
        }
    }
}
