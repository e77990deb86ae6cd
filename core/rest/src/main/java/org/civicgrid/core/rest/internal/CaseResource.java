package org.civicgrid.core.rest.internal;

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

import org.civicgrid.core.api.cases.CaseAttachment;
import org.civicgrid.core.api.cases.CaseCategory;
import org.civicgrid.core.api.cases.CaseFigures;
import org.civicgrid.core.api.cases.CaseIntake;
import org.civicgrid.core.api.cases.CaseQuery;
import org.civicgrid.core.api.cases.CaseParty;
import org.civicgrid.core.api.cases.CaseRecord;
import org.civicgrid.core.api.cases.CaseService;
import org.civicgrid.core.api.cases.CaseState;
import org.civicgrid.core.api.cases.CaseStep;
import org.civicgrid.core.api.cases.TransitionRequest;
import org.civicgrid.core.api.rest.ApiApplication;
import org.civicgrid.core.api.rest.ApiSecurity;
import org.civicgrid.core.api.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/cases}: report, list, read, take a step, read the audit trail. */
@Component(service = CaseResource.class, immediate = true)
@JaxrsResource
@JaxrsApplicationSelect(ApiApplication.SELECT)
@Path("cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cases", description = "The reporting-to-closing loop of events and disputes")
public class CaseResource {

    private final CaseService cases;
    private final List<CaseCategory> categories = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Activate
    public CaseResource(@Reference CaseService cases) {
        this.cases = cases;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCategory(CaseCategory category) {
        categories.add(category);
    }

    void removeCategory(CaseCategory category) {
        categories.remove(category);
    }

    /** A category as the API shows it. */
    public record Category(String code, String name, int handleHours) {
    }

    @GET
    @Path("categories")
    @Operation(summary = "The categories cases can be reported under (the core's and the installed plug-ins')")
    public List<Category> categories(@Context SecurityContext security) {
        ApiSecurity.caller(security);
        return categories.stream().map(c -> new Category(c.code(), c.name(), c.handleHours()))
                .sorted(java.util.Comparator.comparing(Category::code)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a case")
    public Response report(@Context SecurityContext security, @Context UriInfo uri, CaseIntake intake) {
        CaseRecord created = cases.report(ApiSecurity.caller(security), intake);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @GET
    @Operation(summary = "Cases in the caller's area: by region, state, category, unit, overdue, text, time; "
            + "mine=true for the caller's to-do list; sort=updated|reported|deadline (- for newest first); paged")
    public List<CaseRecord> search(@Context SecurityContext security,
                                   @QueryParam("region") String region,
                                   @QueryParam("state") String state,
                                   @QueryParam("category") String category,
                                   @QueryParam("unit") String unit,
                                   @QueryParam("overdue") @DefaultValue("false") boolean overdue,
                                   @QueryParam("q") String text,
                                   @QueryParam("offset") @DefaultValue("0") int offset,
                                   @QueryParam("limit") @DefaultValue("50") int limit,
                                   @QueryParam("from") String from,
                                   @QueryParam("to") String to,
                                   @QueryParam("mine") @DefaultValue("false") boolean mine,
                                   @QueryParam("sort") String sort) {
        CaseState parsed = null;
        if (state != null && !state.isBlank()) {
            try {
                parsed = CaseState.valueOf(state.trim());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("state is one of " + List.of(CaseState.values()) + ", not " + state);
            }
        }
        return cases.search(ApiSecurity.caller(security),
                new CaseQuery(region, parsed, category, unit, overdue, text, offset, limit, time("from", from),
                        time("to", to), mine, sort));
    }

    /** An ISO-8601 time with offset (2026-11-22T08:00:00+08:00), or a date (2026-11-22: its start in Beijing time). */
    static java.time.OffsetDateTime time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return v.length() == 10 ? java.time.LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.ofHours(8)).toOffsetDateTime()
                    : java.time.OffsetDateTime.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest(name + " is a date (2026-11-22) or a time with its offset "
                    + "(2026-11-22T08:00:00+08:00), not " + value);
        }
    }

    @GET
    @Path("figures")
    @Operation(summary = "Figures of a region's cases: by state, category and level, solved per level, overdue, rating")
    public CaseFigures figures(@Context SecurityContext security, @QueryParam("region") String region) {
        return cases.figures(ApiSecurity.caller(security), region);
    }

    @GET
    @Path("figures/regions")
    @Operation(summary = "Case counts (all, open, overdue, closed) of each region directly below a region")
    public List<org.civicgrid.core.api.cases.RegionCaseCount> figuresByRegion(@Context SecurityContext security,
                                                                             @QueryParam("region") String region) {
        return cases.figuresByRegion(ApiSecurity.caller(security), region);
    }

    @GET
    @Path("figures/units")
    @Operation(summary = "Per handling unit of a region's cases: received, open, closed, overdue, on-time rate, rating")
    public List<org.civicgrid.core.api.cases.UnitCaseFigures> figuresByUnit(@Context SecurityContext security,
                                                                           @QueryParam("region") String region) {
        return cases.figuresByUnit(ApiSecurity.caller(security), region);
    }

    @GET
    @Path("figures/workers")
    @Operation(summary = "Per grid worker of a region's grids: reported, in their grids, verified, closed, overdue, "
            + "on-time rate, rating")
    public List<org.civicgrid.core.api.cases.GridWorkerFigures> figuresByGridWorker(@Context SecurityContext security,
                                                                                   @QueryParam("region") String region) {
        return cases.figuresByGridWorker(ApiSecurity.caller(security), region);
    }

    @GET
    @Path("figures/trend")
    @Operation(summary = "Cases reported and closed per day (per week over 92 days) from one date to another "
            + "(default the last 30 days, at most 366), with the share closed on time")
    public org.civicgrid.core.api.cases.CaseTrend trend(@Context SecurityContext security,
                                                        @QueryParam("region") String region,
                                                        @QueryParam("from") String from,
                                                        @QueryParam("to") String to) {
        return cases.trend(ApiSecurity.caller(security), region, date("from", from), date("to", to));
    }

    /** A calendar date (2026-11-22), or {@code null} if none is given. */
    static java.time.LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest(name + " is a date such as 2026-11-22, not " + value);
        }
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One case")
    public CaseRecord one(@Context SecurityContext security, @PathParam("id") String id) {
        return cases.find(ApiSecurity.caller(security), id)
                .orElseThrow(() -> ProblemException.notFound("No case " + id + " in your area."));
    }

    /** Why parties are to be seen in full. */
    public record RevealRequest(String purpose) {
    }

    @POST
    @Path("{id}/parties/reveal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The parties in full, with a stated purpose (audited; command centre, assigned unit, grid staff, mediators)")
    public List<CaseParty> reveal(@Context SecurityContext security, @PathParam("id") String id, RevealRequest request) {
        return cases.revealParties(ApiSecurity.caller(security), id, request == null ? null : request.purpose());
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "The case's audit trail: who took which step, when, from which state, with what note")
    public List<CaseStep> history(@Context SecurityContext security, @PathParam("id") String id) {
        return cases.history(ApiSecurity.caller(security), id);
    }

    @GET
    @Path("{id}/steps")
    @Operation(summary = "The steps of the loop you may take on the case now, with what each asks for")
    public List<org.civicgrid.core.api.cases.AvailableStep> steps(@Context SecurityContext security,
                                                                  @PathParam("id") String id) {
        return cases.availableSteps(ApiSecurity.caller(security), id);
    }

    /** Read no more than this from an upload; the configured limit (smaller) is checked by the service. */
    static final int UPLOAD_CAP = 64 * 1024 * 1024;

    @POST
    @Path("{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Attach a file (JPEG, PNG, PDF or MP4, recognised from its content) as the request body; ?name=")
    public Response attach(@Context SecurityContext security, @Context UriInfo uri, @PathParam("id") String id,
                           @QueryParam("name") String name, java.io.InputStream body) throws java.io.IOException {
        byte[] content = body.readNBytes(UPLOAD_CAP + 1);
        if (content.length > UPLOAD_CAP) {
            throw new ProblemException(413, "Payload too large", "The file is larger than the platform accepts.");
        }
        CaseAttachment attached = cases.attach(ApiSecurity.caller(security), id, name, content);
        return Response.created(uri.getAbsolutePathBuilder().path(attached.id()).build()).entity(attached).build();
    }

    @GET
    @Path("{id}/attachments")
    @Operation(summary = "The case's attachments (without content)")
    public List<CaseAttachment> attachments(@Context SecurityContext security, @PathParam("id") String id) {
        return cases.attachments(ApiSecurity.caller(security), id);
    }

    @GET
    @Path("{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "One attachment's content")
    public Response attachment(@Context SecurityContext security, @PathParam("id") String id,
                               @PathParam("attachmentId") String attachmentId) {
        var caller = ApiSecurity.caller(security);
        CaseAttachment info = cases.attachments(caller, id).stream().filter(a -> a.id().equals(attachmentId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No attachment " + attachmentId + " on case " + id + "."));
        byte[] content = cases.attachmentContent(caller, id, attachmentId)
                .orElseThrow(() -> ProblemException.notFound("No attachment " + attachmentId + " on case " + id + "."));
        String encoded = java.net.URLEncoder.encode(info.fileName(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(content, info.mediaType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take a step of the loop (register, dispatch, handle, verify, close, …)")
    public CaseRecord transition(@Context SecurityContext security, @PathParam("id") String id,
                                 TransitionRequest request) {
        return cases.transition(ApiSecurity.caller(security), id, request);
    }
}
