package org.civicgrid.core.rest.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

import org.civicgrid.core.api.rest.ApiApplication;
import org.osgi.service.component.annotations.Component;

/**
 * Asks the whiteboard's OpenAPI integration to describe the application at {@code /api/openapi.json}. The
 * document is read from the resources registered at the moment it is asked for, plug-ins included, so it
 * cannot drift from the code.
 */
@Component(service = OpenAPI.class, immediate = true,
        property = {"osgi.jaxrs.application.select=" + ApiApplication.SELECT, "pretty.print=true"})
public class ApiDocument extends OpenAPI {

    public ApiDocument() {
        info(new Info()
                .title("civicgrid API")
                .description("Grid management, the case loop and county plug-ins of the civicgrid platform. "
                        + "Errors are application/problem+json (RFC 7807).")
                .version("1")
                .license(new License().name("Apache-2.0")));
    }
}
