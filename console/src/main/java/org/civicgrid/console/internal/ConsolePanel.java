package org.civicgrid.console.internal;

import java.util.Map;
import java.util.Set;

/**
 * A page a plug-in adds to the console's menu, as its bundle declares it in the
 * {@value PanelDeclarations#HEADER} manifest header.
 *
 * @param plugin the plug-in's name ({@code Civicgrid-Plugin}, else the bundle's symbolic name)
 * @param id the panel's name within the plug-in (lower-case letters, digits and dashes)
 * @param title its menu title in Simplified Chinese, the console's default language
 * @param titles its title by language tag ({@code zh-CN}, {@code en}, …)
 * @param endpoint the JSON the panel shows: a path under {@code /api/}, {@code {region}} standing for the user's region;
 *     {@code null} for a panel with a module that declares none
 * @param module the panel's page as a JavaScript module: its path below the bundle's {@code console/} folder
 *     (e.g. {@code disputes.js}); {@code null} for a panel that shows its endpoint's JSON as a table
 * @param roles the roles that see it; empty: every signed-in user
 * @param order where it goes in the menu (smaller first)
 */
public record ConsolePanel(String plugin, String id, String title, Map<String, String> titles, String endpoint,
                           String module, Set<String> roles, int order) {

    /** Where the browser loads a panel's module from, below the console's own address. */
    static final String MODULES = "/console/plugins/";

    public ConsolePanel {
        titles = Map.copyOf(titles);
        roles = Set.copyOf(roles);
    }

    /**
     * @return the address the browser loads the panel's module from ({@code /console/plugins/<plugin>/<path>}),
     *     {@code null} for a panel without a module
     */
    String moduleUrl() {
        if (module == null) {
            return null;
        }
        return MODULES + java.net.URLEncoder.encode(plugin, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")
                + "/" + module;
    }

    /** Whether a user holding these roles sees the panel. */
    boolean visibleTo(Set<String> userRoles) {
        return roles.isEmpty() || roles.stream().anyMatch(userRoles::contains);
    }
}
