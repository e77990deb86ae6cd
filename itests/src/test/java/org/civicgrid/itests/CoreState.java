package org.civicgrid.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a refresh of the core would change: each bundle's id, state, name and version, and each core component's
 * activation (SCR gives a component a new id each time it is activated again). Two equal states mean nothing of the
 * core was restarted or refreshed in between.
 */
record CoreState(Map<String, String> bundles, Map<String, String> components) {

    /** The state now, leaving out the bundles whose name contains one of {@code pluginBundles}. */
    static CoreState of(Distribution platform, List<String> pluginBundles) {
        Map<String, String> bundles = new TreeMap<>();
        for (String line : platform.shell.run("bundle:list -t 0 --no-format").split("\\R")) {
            // id, state, start level, version, name: tab-separated without a terminal
            String[] columns = line.split("\t");
            if (columns.length >= 5 && columns[0].trim().matches("\\d+")
                    && pluginBundles.stream().noneMatch(line::contains)) {
                bundles.put(columns[0].trim(), columns[1].trim() + " " + columns[4].trim() + " " + columns[3].trim());
            }
        }
        assertThat(bundles).as("bundle:list output").hasSizeGreaterThan(50);
        Map<String, String> components = new TreeMap<>();
        platform.api.get("/health").json().path("components").forEach(c -> components.put(c.path("name").asText(),
                c.path("bundleId").asText() + " " + c.path("state").asText() + " " + c.path("componentIds")));
        return new CoreState(bundles, components);
    }
}
