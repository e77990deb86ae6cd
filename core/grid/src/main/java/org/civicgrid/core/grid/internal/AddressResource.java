package org.civicgrid.core.grid.internal;

import java.io.InputStream;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.grid.GridService;
import org.civicgrid.core.api.rest.ApiApplication;
import org.civicgrid.core.api.rest.ApiSecurity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/addresses}: the standard address library (标准地址库). */
@Component(service = AddressResource.class, immediate = true)
@JaxrsResource
@JaxrsApplicationSelect(ApiApplication.SELECT)
@Path("addresses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "addresses", description = "The standard address library: which grid an address belongs to")
public class AddressResource {

    private final GridService grids;

    @Activate
    public AddressResource(@Reference GridService grids) {
        this.grids = grids;
    }

    @POST
    @Path("import")
    @Consumes(GridResource.CSV)
    @Operation(summary = "Import addresses (CSV address,grid), all or nothing; 200 when applied, 422 with the report "
            + "when refused")
    public Response importAddresses(InputStream body, @Context SecurityContext security) {
        Caller caller = ApiSecurity.caller(security);
        return GridResource.answer(grids.importAddresses(caller, GridResource.read(body)));
    }
}
