package org.civicgrid.console.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.rest.ApiApplication;
import org.civicgrid.core.api.rest.ApiSecurity;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.osgi.service.metatype.annotations.Designate;

/** {@code /api/console}: what the web console needs from the platform besides the API itself. */
@Component(service = ConsoleResource.class, immediate = true, configurationPid = ConsoleConfiguration.PID)
@Designate(ocd = ConsoleConfiguration.class)
@JaxrsResource
@JaxrsApplicationSelect(ApiApplication.SELECT)
@Path("console")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "console", description = "The web console: its settings and the panels plug-ins contribute")
public class ConsoleResource {

    /**
     * A panel as the console's menu shows it.
     *
     * @param endpoint the JSON a panel without a module shows (may be {@code null} for a panel with a module)
     * @param module where the browser loads the panel's page from ({@code /console/plugins/<plugin>/<path>}), or
     *     {@code null}: the console then shows the endpoint's JSON as a table
     * @param version changes whenever the plug-in's bundle is installed or updated, so the browser fetches an
     *     upgraded plug-in's module afresh
     */
    public record Panel(String plugin, String id, String title, Map<String, String> titles, String endpoint,
                        String module, String version, int order) {
    }

    /** The console's map settings. */
    public record Settings(String tileUrl, String tileAttribution) {
    }

    private final PanelTracker panels;
    private volatile Settings settings;

    @Activate
    public ConsoleResource(@Reference PanelTracker panels, ConsoleConfiguration configuration) {
        this.panels = panels;
        modified(configuration);
    }

    @Modified
    void modified(ConsoleConfiguration configuration) {
        settings = new Settings(configuration.tileUrl().strip(), configuration.tileAttribution().strip());
    }

    @GET
    @Path("panels")
    @Operation(summary = "The panels of the installed plug-ins that your roles may open")
    public List<Panel> panels(@Context SecurityContext security) {
        Caller caller = ApiSecurity.caller(security);
        Set<String> roles = caller.roles().stream().map(Enum::name).collect(Collectors.toSet());
        return panels.panels().stream().filter(p -> p.visibleTo(roles))
                .map(p -> new Panel(p.plugin(), p.id(), p.title(), p.titles(), p.endpoint(), p.moduleUrl(),
                        panels.bundle(p.plugin()).map(ConsoleResource::version).orElse(null), p.order()))
                .toList();
    }

    /** A bundle's version and when it was last installed or updated: a new one for every upgrade. */
    static String version(Bundle bundle) {
        return bundle.getVersion() + "-" + Long.toString(bundle.getLastModified(), 36);
    }

    @GET
    @Path("config")
    @Operation(summary = "The console's map settings (public: the sign-in page needs nothing else)")
    public Settings config() {
        return settings;
    }
}
