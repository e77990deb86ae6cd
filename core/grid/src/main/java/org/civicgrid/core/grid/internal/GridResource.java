package org.civicgrid.core.grid.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.grid.Grid;
import org.civicgrid.core.api.grid.GridService;
import org.civicgrid.core.api.grid.ImportReport;
import org.civicgrid.core.api.rest.ApiApplication;
import org.civicgrid.core.api.rest.ApiSecurity;
import org.civicgrid.core.api.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/grids}: grids of the caller's region, the grid at a point or an address, import and export. */
@Component(service = GridResource.class, immediate = true)
@JaxrsResource
@JaxrsApplicationSelect(ApiApplication.SELECT)
@Path("grids")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "grids", description = "Grids (网格): outlines, lookup by point or address, import and export")
public class GridResource {

    static final String GEO_JSON = "application/geo+json";
    static final String CSV = "text/csv";
    /** Bounds what one upload may hold in memory. */
    static final int MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

    private final GridService grids;

    @Activate
    public GridResource(@Reference GridService grids) {
        this.grids = grids;
    }

    @GET
    @Operation(summary = "The grids under a region of yours, ordered by code")
    public List<Grid> within(@QueryParam("region") String region, @Context SecurityContext security) {
        Caller caller = ApiSecurity.caller(security);
        return grids.within(caller, requireRegion(region));
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One grid of your region by its 15-digit code")
    public Grid grid(@PathParam("code") String code, @Context SecurityContext security) {
        Caller caller = ApiSecurity.caller(security);
        return grids.find(caller, code).orElseThrow(() -> ProblemException.notFound("No grid with code " + code + "."));
    }

    /** Who works a grid. */
    public record Staff(List<String> workers, String leader) {
    }

    @PUT
    @Path("{code}/staff")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a grid's workers (网格员) and leader (网格长), replacing the previous ones")
    public Grid staff(@PathParam("code") String code, Staff staff, @Context SecurityContext security) {
        Caller caller = ApiSecurity.caller(security);
        if (staff == null) {
            throw ProblemException.badRequest("Send {\"workers\": [user ids], \"leader\": user id or null}.");
        }
        return grids.staff(caller, code, staff.workers(), staff.leader());
    }

    @GET
    @Path("locate")
    @Operation(summary = "The grid of your region at a point (lon, lat: WGS 84) or at an address (address)")
    public Grid locate(@QueryParam("lon") String lon, @QueryParam("lat") String lat,
                       @QueryParam("address") String address, @Context SecurityContext security) {
        Caller caller = ApiSecurity.caller(security);
        boolean byPoint = lon != null || lat != null;
        if (byPoint == (address != null)) {
            throw ProblemException.badRequest("Ask either ?lon=…&lat=… (WGS 84 degrees) or ?address=…, not both.");
        }
        if (byPoint) {
            double longitude = degrees("lon", lon);
            double latitude = degrees("lat", lat);
            return grids.locate(caller, longitude, latitude).orElseThrow(() -> ProblemException.notFound(
                    "No grid of your region contains the point (" + longitude + ", " + latitude + ")."));
        }
        return grids.locate(caller, address).orElseThrow(() -> ProblemException.notFound(
                "The standard address library has no grid of your region for \"" + address + "\"."));
    }

    @POST
    @Path("import")
    @Consumes({GEO_JSON, MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Import grids, all or nothing: a GeoJSON FeatureCollection (properties code, name, parent) "
            + "or CSV (code,name,parent,wkt); 200 when applied, 422 with the report when refused")
    public Response importGrids(InputStream body, @Context HttpHeaders headers, @Context SecurityContext security) {
        Caller caller = ApiSecurity.caller(security);
        MediaType type = headers.getMediaType();
        String content = read(body);
        ImportReport report = type != null && type.isCompatible(MediaType.valueOf(CSV))
                ? grids.importCsv(caller, content)
                : grids.importGeoJson(caller, content);
        return answer(report);
    }

    @GET
    @Path("export")
    @Produces(GEO_JSON)
    @Operation(summary = "The grids under a region of yours as a GeoJSON FeatureCollection")
    public Response export(@QueryParam("region") String region, @Context SecurityContext security) {
        Caller caller = ApiSecurity.caller(security);
        byte[] body = grids.exportGeoJson(caller, requireRegion(region)).getBytes(StandardCharsets.UTF_8);
        return Response.ok(body, GEO_JSON).build();
    }

    static Response answer(ImportReport report) {
        return Response.status(report.applied() ? 200 : 422).type(MediaType.APPLICATION_JSON).entity(report).build();
    }

    static String read(InputStream body) {
        if (body == null) {
            throw ProblemException.badRequest("Send the file as the request body.");
        }
        try {
            byte[] bytes = body.readNBytes(MAX_UPLOAD_BYTES + 1);
            if (bytes.length > MAX_UPLOAD_BYTES) {
                throw new ProblemException(413, "Payload too large",
                        "At most " + MAX_UPLOAD_BYTES / 1024 / 1024 + " MiB are imported at once; split the file.");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ProblemException.badRequest("The request body could not be read: " + e.getMessage());
        }
    }

    private static String requireRegion(String region) {
        if (region == null || !region.strip().matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}")) {
            throw ProblemException.badRequest("Name the region: ?region=<division code of 2, 4, 6, 9 or 12 digits>.");
        }
        return region.strip();
    }

    private static double degrees(String name, String value) {
        try {
            double degrees = Double.parseDouble(value);
            if (Double.isFinite(degrees)) {
                return degrees;
            }
        } catch (NullPointerException | NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest(name + " must be a number of degrees (WGS 84), not \"" + value + "\".");
    }
}
