package org.civicgrid.core.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ApiApplication;
import org.civicgrid.core.api.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/regions}: the administrative tree. */
@Component(service = RegionResource.class, immediate = true)
@JaxrsResource
@JaxrsApplicationSelect(ApiApplication.SELECT)
@Path("regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "regions", description = "The administrative tree (national division codes)")
public class RegionResource {

    private final RegionService regions;

    @Activate
    public RegionResource(@Reference RegionService regions) {
        this.regions = regions;
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One region by its division code")
    public Region region(@PathParam("code") String code) {
        requireCode(code);
        return regions.find(code).orElseThrow(() -> unknown(code));
    }

    @GET
    @Path("{code}/children")
    @Operation(summary = "The direct children of a region, ordered by code")
    public List<Region> children(@PathParam("code") String code) {
        requireCode(code);
        if (regions.find(code).isEmpty()) {
            throw unknown(code);
        }
        return regions.children(code);
    }

    private static void requireCode(String code) {
        try {
            RegionLevel.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    private static ProblemException unknown(String code) {
        return new ProblemException(404, "Unknown region",
                "No region with code " + code + " is loaded on this platform.");
    }
}
