package org.civicgrid.plugin.mentalhealth.internal;

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

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.rest.ApiApplication;
import org.civicgrid.core.api.rest.ApiSecurity;
import org.civicgrid.core.api.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/mentalhealth/instruments|campaigns|figures}: nothing personal. */
@Component(service = PlanningResource.class, immediate = true)
@JaxrsResource
@JaxrsApplicationSelect(ApiApplication.SELECT)
@Path("mentalhealth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "mentalhealth", description = "Mental-health screening and follow-up (社会心理服务)")
public class PlanningResource {

    private final CampaignRegister campaigns;
    private final MentalHealthFigures figures;
    private final Scoring scoring;

    @Activate
    public PlanningResource(@Reference CampaignRegister campaigns, @Reference MentalHealthFigures figures,
                            @Reference Scoring scoring) {
        this.campaigns = campaigns;
        this.figures = figures;
        this.scoring = scoring;
    }

    /**
     * An instrument with the bands in force in a county.
     *
     * @param instrument the questionnaire
     * @param county the county whose bands are shown, or {@code null} for the standard ones
     * @param bands the bands in force
     */
    public record InstrumentBands(Instrument instrument, String county, List<Band> bands) {
    }

    @GET
    @Path("instruments")
    @Operation(summary = "The questionnaires with their items, answer scale and the bands in force (?county=)")
    public List<InstrumentBands> instruments(@QueryParam("county") String county, @Context SecurityContext security) {
        ApiSecurity.caller(security);
        String code = county == null || county.isBlank() ? null : county.trim();
        return Instrument.ALL.stream()
                .map(i -> new InstrumentBands(i, code, scoring.bands(i, code).bands())).toList();
    }

    @POST
    @Path("campaigns")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Plan a screening campaign of a county or township")
    public Response create(CampaignIntake intake, @Context UriInfo uri, @Context SecurityContext security) {
        Campaign campaign = campaigns.create(ApiSecurity.caller(security), intake);
        return Response.created(uri.getAbsolutePathBuilder().path(campaign.id()).build()).entity(campaign).build();
    }

    @GET
    @Path("campaigns")
    @Operation(summary = "The campaigns of a region")
    public List<Campaign> list(@QueryParam("region") String region, @Context SecurityContext security) {
        Caller caller = ApiSecurity.caller(security);
        return campaigns.list(caller, region == null || region.isBlank() ? caller.regionCode() : region.trim());
    }

    @GET
    @Path("campaigns/{id}")
    @Operation(summary = "One campaign")
    public Campaign campaign(@PathParam("id") String id, @Context SecurityContext security) {
        return campaigns.find(ApiSecurity.caller(security), id)
                .orElseThrow(() -> ProblemException.notFound("No campaign " + id + " in your area."));
    }

    @GET
    @Path("figures")
    @Operation(summary = "Anonymised counts by tier and region (small counts hidden); ?campaign= for one campaign")
    public Figures figures(@QueryParam("region") String region, @QueryParam("campaign") String campaign,
                           @Context SecurityContext security) {
        Caller caller = ApiSecurity.caller(security);
        return figures.figures(caller, region == null || region.isBlank() ? caller.regionCode() : region, campaign);
    }
}
