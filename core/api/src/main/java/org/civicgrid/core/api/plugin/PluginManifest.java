package org.civicgrid.core.api.plugin;

/**
 * Manifest headers a plug-in bundle carries. The platform lists every bundle with
 * {@link #PLUGIN_HEADER} as an installed plug-in, with its version and state.
 *
 * @since 1.0
 */
public final class PluginManifest {

    /** The plug-in's short name, e.g. {@code Civicgrid-Plugin: mediation}. @since 1.0 */
    public static final String PLUGIN_HEADER = "Civicgrid-Plugin";

    private PluginManifest() {
    }
}
