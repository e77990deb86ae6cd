package org.civicgrid.core.rest.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.civicgrid.core.api.health.HealthIndicator;
import org.civicgrid.core.api.persistence.SchemaMigrator;
import org.civicgrid.core.api.health.HealthReport;
import org.civicgrid.core.api.plugin.PluginManifest;
import org.civicgrid.core.api.rest.ApiApplication;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/health}: every core component and its state, each health indicator (the database and its
 * migrations), and the installed plug-ins with their versions. 200 when all is up, 503 otherwise.
 */
@Component(service = HealthResource.class, immediate = true)
@JaxrsResource
@JaxrsApplicationSelect(ApiApplication.SELECT)
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "health", description = "Whether the platform can serve")
public class HealthResource {

    static final String CORE_PREFIX = "org.civicgrid.core.";

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final List<HealthIndicator> indicators = new CopyOnWriteArrayList<>();

    @Activate
    public HealthResource(BundleContext context, @Reference ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private volatile SchemaMigrator migrator;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addIndicator(HealthIndicator indicator) {
        indicators.add(indicator);
    }

    void removeIndicator(HealthIndicator indicator) {
        indicators.remove(indicator);
    }

    @GET
    @Operation(summary = "Core components, database and migrations, installed plug-ins")
    public Response health() {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean up = true;

        List<Map<String, Object>> components = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (!bundle.getSymbolicName().startsWith(CORE_PREFIX) || bundle.getHeaders().get("Service-Component") == null) {
                continue;
            }
            if (bundle.getState() != Bundle.ACTIVE) {
                up = false;
                components.add(component(bundle, bundle.getSymbolicName(), bundleState(bundle.getState())));
                continue;
            }
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                ComponentConfigurationDTO[] configurations = configurations(description);
                String state = stateOf(description, configurations);
                // A component that only exists per configuration (e.g. one routing rule per file) may have none.
                up &= "ACTIVE".equals(state) || "NOT_CONFIGURED".equals(state);
                Map<String, Object> component = component(bundle, description.name, state);
                // A new id means the component was deactivated and activated again (e.g. its bundle refreshed).
                component.put("componentIds", Arrays.stream(configurations).map(c -> c.id).toList());
                components.add(component);
            }
        }
        body.put("components", components);

        List<Map<String, Object>> checks = new ArrayList<>();
        for (HealthIndicator indicator : indicators) {
            HealthReport report = indicator.check();
            up &= report.up();
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("name", report.name());
            check.put("status", report.up() ? "UP" : "DOWN");
            check.putAll(report.details());
            checks.add(check);
        }
        body.put("checks", checks);
        body.put("plugins", plugins());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", up ? "UP" : "DOWN");
        answer.putAll(body);
        return Response.status(up ? 200 : 503).entity(answer).build();
    }

    private List<Map<String, Object>> plugins() {
        List<Map<String, Object>> plugins = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getHeaders().get(PluginManifest.PLUGIN_HEADER);
            if (name != null) {
                Map<String, Object> plugin = new LinkedHashMap<>();
                plugin.put("name", name);
                plugin.put("bundle", bundle.getSymbolicName());
                plugin.put("version", bundle.getVersion().toString());
                plugin.put("state", bundleState(bundle.getState()));
                List<String> problems = pluginProblems(bundle);
                plugin.put("status", problems.isEmpty() ? "UP" : "FAILED");
                if (!problems.isEmpty()) {
                    plugin.put("problems", problems);
                }
                plugins.add(plugin);
            }
        }
        return plugins;
    }

    /**
     * Why an installed plug-in does not serve: its schema migration failed, or its components cannot start. A
     * failed plug-in does not make the platform's status DOWN — the core and the other plug-ins keep serving.
     */
    private List<String> pluginProblems(Bundle bundle) {
        List<String> problems = new ArrayList<>();
        if (bundle.getState() != Bundle.ACTIVE) {
            return problems;
        }
        SchemaMigrator m = migrator;
        String failure = m == null ? null : m.failures().get(bundle.getSymbolicName());
        if (failure != null) {
            problems.add("schema migration failed: " + failure);
        }
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            String state = stateOf(description, configurations(description));
            if (!Set.of("ACTIVE", "SATISFIED", "NOT_CONFIGURED", "DISABLED").contains(state)) {
                problems.add("component " + description.name + " is " + state);
            }
        }
        return problems;
    }

    private String stateOf(ComponentDescriptionDTO description, ComponentConfigurationDTO[] configurations) {
        return !scr.isComponentEnabled(description) ? "DISABLED"
                : configurations.length == 0 && "require".equals(description.configurationPolicy)
                        ? "NOT_CONFIGURED" : componentState(configurations);
    }

    private ComponentConfigurationDTO[] configurations(ComponentDescriptionDTO description) {
        if (!scr.isComponentEnabled(description)) {
            return new ComponentConfigurationDTO[0];
        }
        return scr.getComponentConfigurationDTOs(description).toArray(ComponentConfigurationDTO[]::new);
    }

    private static String componentState(ComponentConfigurationDTO[] configurations) {
        String state = "UNSATISFIED";
        for (ComponentConfigurationDTO configuration : configurations) {
            state = switch (configuration.state) {
                case ComponentConfigurationDTO.ACTIVE -> "ACTIVE";
                case ComponentConfigurationDTO.SATISFIED -> "SATISFIED";
                case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION";
                case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNSATISFIED_CONFIGURATION";
                default -> "UNSATISFIED";
            };
            if (!"ACTIVE".equals(state)) {
                break;
            }
        }
        return state;
    }

    private static Map<String, Object> component(Bundle bundle, String name, String state) {
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("name", name);
        component.put("bundle", bundle.getSymbolicName());
        component.put("bundleId", bundle.getBundleId());
        component.put("state", state);
        return component;
    }

    static String bundleState(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
