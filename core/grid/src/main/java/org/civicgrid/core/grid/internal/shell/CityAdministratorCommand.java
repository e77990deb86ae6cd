package org.civicgrid.core.grid.internal.shell;

import java.io.IOException;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.grid.GridService;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A grid command run by a shell user. Shell users are Karaf administrators, so they act as the city administrator
 * of the city the platform serves ({@code city} of {@code etc/org.civicgrid.region.cfg}).
 */
abstract class CityAdministratorCommand implements Action {

    static final String REGION_PID = "org.civicgrid.region";
    static final String DEFAULT_CITY = "1405";

    @Reference
    GridService grids;

    @Reference
    ConfigurationAdmin configurations;

    @Reference
    Session session;

    Caller caller() {
        Object user = session == null ? null : session.get("USER");
        return org.civicgrid.core.api.directory.CallerPrincipal.current()
                .orElseGet(() -> new Caller("shell:" + (user == null ? "karaf" : user), Set.of(Role.CITY_ADMIN), city(), null));
    }

    private String city() {
        try {
            Configuration[] found = configurations.listConfigurations("(service.pid=" + REGION_PID + ")");
            if (found != null && found.length > 0 && found[0].getProperties() != null) {
                Object city = found[0].getProperties().get("city");
                if (city != null && !city.toString().isBlank()) {
                    return city.toString().strip();
                }
            }
        } catch (IOException | InvalidSyntaxException e) {
            // the default below
        }
        return DEFAULT_CITY;
    }
}
