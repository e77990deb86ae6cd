package org.civicgrid.core.cases.internal;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/routing-rules}, {@code /api/case-deadlines} and {@code /api/case-attachments}: the case loop's settings a
 * county changes through the API, beside the bundle that applies them (as the grid bundle serves {@code /api/grids}).
 */
final class CaseAdministrationResources {

    private CaseAdministrationResources() {
    }

    /** {@code /api/routing-rules}. */
    @Component(service = RoutingRuleResource.class, immediate = true)
    @JaxrsResource
    @JaxrsApplicationSelect(ApiApplication.SELECT)
    @Path("routing-rules")
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "routing", description = "Routing rules: which unit takes a category's cases in a region")
    public static class RoutingRuleResource {

        private final RoutingRules rules;

        @Activate
        public RoutingRuleResource(@Reference RoutingRules rules) {
            this.rules = rules;
        }

        @GET
        @Operation(summary = "The routing rules of a region's subtree, from files in etc/ and made here (administrators)")
        public List<RoutingRules.Rule> list(@Context SecurityContext security, @QueryParam("region") String region) {
            return rules.list(ApiSecurity.caller(security), region);
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Operation(summary = "Add a routing rule of your area: {category (or *), regionCode, unitId}; applies at once")
        public Response add(@Context SecurityContext security, @Context UriInfo uri, RoutingRules.NewRule rule) {
            RoutingRules.Rule added = rules.add(ApiSecurity.caller(security), rule);
            return Response.created(uri.getAbsolutePathBuilder().path(added.id()).build()).entity(added).build();
        }

        @DELETE
        @Path("{id}")
        @Operation(summary = "Delete a routing rule made here (a file's rule is changed in its file)")
        public Response delete(@Context SecurityContext security, @PathParam("id") String id) {
            rules.delete(ApiSecurity.caller(security), id);
            return Response.noContent().build();
        }
    }

    /** {@code /api/case-deadlines}. */
    @Component(service = CaseDeadlineResource.class, immediate = true)
    @JaxrsResource
    @JaxrsApplicationSelect(ApiApplication.SELECT)
    @Path("case-deadlines")
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "routing", description = "Routing rules and deadlines of the case loop")
    public static class CaseDeadlineResource {

        private final CountyDeadlines deadlines;

        @Activate
        public CaseDeadlineResource(@Reference CountyDeadlines deadlines) {
            this.deadlines = deadlines;
        }

        @GET
        @Operation(summary = "The deadlines, office hours, holidays and escalation in force for a county or township, "
                + "with the platform-wide defaults (administrators)")
        public CountyDeadlines.Deadlines read(@Context SecurityContext security, @QueryParam("region") String region) {
            return deadlines.read(ApiSecurity.caller(security), region);
        }

        @PUT
        @Path("{region}")
        @Consumes(MediaType.APPLICATION_JSON)
        @Operation(summary = "Save a county's or township's own deadlines; validated whole, applies to the next case")
        public CountyDeadlines.Deadlines save(@Context SecurityContext security, @PathParam("region") String region,
                                              DeadlineSettings settings) {
            return deadlines.save(ApiSecurity.caller(security), region, settings);
        }
    }

    /** {@code /api/case-attachments/limits}. */
    @Component(service = AttachmentLimitsResource.class, immediate = true)
    @JaxrsResource
    @JaxrsApplicationSelect(ApiApplication.SELECT)
    @Path("case-attachments")
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "cases", description = "The reporting-to-closing loop of events and disputes")
    public static class AttachmentLimitsResource {

        private final ConfigurationAdmin admin;

        @Activate
        public AttachmentLimitsResource(@Reference ConfigurationAdmin admin) {
            this.admin = admin;
        }

        /** What a case's attachment may be, to say before an upload. */
        public record Limits(int maxBytes, List<String> mediaTypes, List<String> extensions) {
        }

        @GET
        @Path("limits")
        @Operation(summary = "The largest attachment the platform takes and the types it recognises")
        public Limits limits(@Context SecurityContext security) throws Exception {
            ApiSecurity.caller(security);
            Configuration[] found = admin.listConfigurations("(" + org.osgi.framework.Constants.SERVICE_PID + "="
                    + CasesConfiguration.PID + ")");
            Object configured = found == null || found.length == 0 || found[0].getProperties() == null ? null
                    : found[0].getProperties().get("attachmentMaxKilobytes");
            int kilobytes = 10240;
            try {
                kilobytes = configured == null ? kilobytes : Integer.parseInt(configured.toString().strip());
            } catch (NumberFormatException e) {
                // A broken file: the platform keeps its previous limit too; the built-in one is said here.
            }
            return new Limits(Math.max(1, kilobytes) * 1024, AttachmentTypes.MEDIA_TYPES, AttachmentTypes.EXTENSIONS);
        }
    }
}
