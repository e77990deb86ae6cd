package org.civicgrid.core.grid.internal.shell;

import java.io.IOException;
import java.util.Set;

import org.apache.karaf.shell.api.console.Session;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Who a shell command acts for: shell users are Karaf administrators, so they act as the city administrator of the
 * city the platform serves ({@code city} of {@code etc/org.civicgrid.region.cfg}).
 */
final class ShellCaller {

    static final String REGION_PID = "org.civicgrid.region";
    static final String DEFAULT_CITY = "1405";

    private ShellCaller() {
    }

    static Caller cityAdministrator(Session session, ConfigurationAdmin configurations) {
        Object user = session == null ? null : session.get("USER");
        String userId = "shell:" + (user == null ? "karaf" : user);
        return new Caller(userId, Set.of(Role.CITY_ADMIN), city(configurations), null);
    }

    static String city(ConfigurationAdmin configurations) {
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
