package org.civicgrid.console.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.civicgrid.core.api.plugin.PluginManifest;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console panels of the plug-ins running now: a panel is offered while its bundle is active, so it appears
 * when the plug-in is installed and goes when it is stopped or removed.
 */
@Component(service = PanelTracker.class, immediate = true)
public class PanelTracker {

    private static final Logger LOG = LoggerFactory.getLogger(PanelTracker.class);

    /** A plug-in bundle's panels, and the bundle, which serves their modules. */
    private record Declared(Bundle bundle, String plugin, List<ConsolePanel> panels) {
    }

    private final Map<Long, Declared> byBundle = new ConcurrentHashMap<>();
    private final BundleTracker<Long> tracker;

    @Activate
    public PanelTracker(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, null) {
            @Override
            public Long addingBundle(Bundle bundle, BundleEvent event) {
                return declare(bundle) ? bundle.getBundleId() : null;
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Long id) {
                byBundle.remove(id);
                LOG.info("Console panels of {} withdrawn", bundle.getSymbolicName());
            }
        };
        tracker.open();
    }

    @Deactivate
    void close() {
        tracker.close();
        byBundle.clear();
    }

    /** Every declared panel, in menu order. */
    List<ConsolePanel> panels() {
        return byBundle.values().stream().flatMap(d -> d.panels().stream())
                .sorted(Comparator.comparingInt(ConsolePanel::order).thenComparing(ConsolePanel::plugin)
                        .thenComparing(ConsolePanel::id))
                .toList();
    }

    /**
     * @param plugin a plug-in's name
     * @return its bundle while it is active and declares console panels
     */
    Optional<Bundle> bundle(String plugin) {
        return byBundle.values().stream().filter(d -> d.plugin().equals(plugin)).map(Declared::bundle)
                .filter(b -> b.getState() == Bundle.ACTIVE).findFirst();
    }

    private boolean declare(Bundle bundle) {
        String header = bundle.getHeaders().get(PanelDeclarations.HEADER);
        if (header == null) {
            return false;
        }
        String plugin = bundle.getHeaders().get(PluginManifest.PLUGIN_HEADER);
        plugin = plugin == null || plugin.isBlank() ? bundle.getSymbolicName() : plugin.strip();
        try {
            List<ConsolePanel> panels = PanelDeclarations.parse(plugin, header);
            byBundle.put(bundle.getBundleId(), new Declared(bundle, plugin, panels));
            LOG.info("Console panels of {}: {}", bundle.getSymbolicName(), panels.stream().map(ConsolePanel::id).toList());
            return true;
        } catch (IllegalArgumentException e) {
            LOG.warn("{} declares no usable console panel: {} ({})", bundle.getSymbolicName(), e.getMessage(),
                    PanelDeclarations.HEADER);
            return false;
        }
    }
}
