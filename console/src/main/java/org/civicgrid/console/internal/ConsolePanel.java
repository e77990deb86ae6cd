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
 * @param endpoint the JSON the panel shows: a path under {@code /api/}, {@code {region}} standing for the user's region
 * @param roles the roles that see it; empty: every signed-in user
 * @param order where it goes in the menu (smaller first)
 */
public record ConsolePanel(String plugin, String id, String title, Map<String, String> titles, String endpoint,
                           Set<String> roles, int order) {

    public ConsolePanel {
        titles = Map.copyOf(titles);
        roles = Set.copyOf(roles);
    }

    /** Whether a user holding these roles sees the panel. */
    boolean visibleTo(Set<String> userRoles) {
        return roles.isEmpty() || roles.stream().anyMatch(userRoles::contains);
    }
}
