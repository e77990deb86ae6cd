package org.civicgrid.core.security.internal;

import org.civicgrid.core.api.plugin.PluginManifest;
import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.AuditTrail;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Records in the audit trail each plug-in bundle ({@code Civicgrid-Plugin} header) being installed, started,
 * stopped, updated and uninstalled, with its symbolic name, version and where it came from.
 *
 * <p>The actor is {@code platform}: the event does not say who asked (a {@code feature:install} in the shell, a KAR
 * dropped into {@code deploy/}); the shell's own log and command ACLs tell that. An ordinary (asynchronous) listener
 * is enough and never slows an install down; entries are then written on {@link AuditQueue}'s thread.
 */
@Component(service = {}, immediate = true)
public class PluginAudit implements BundleListener {

    static final String ACTOR = "platform";
    static final String OBJECT_TYPE = "plugin";

    private final BundleContext context;
    private final AuditQueue queue;

    @Activate
    public PluginAudit(BundleContext context, @Reference AuditTrail trail) {
        this.context = context;
        this.queue = new AuditQueue(trail, "civicgrid-audit-plugins");
        context.addBundleListener(this);
    }

    @Deactivate
    void stop() {
        context.removeBundleListener(this);
        queue.close();
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        // The raw headers: still readable once the bundle is uninstalled.
        String plugin = bundle.getHeaders("").get(PluginManifest.PLUGIN_HEADER);
        if (plugin == null || plugin.isBlank()) {
            return;
        }
        String action = switch (event.getType()) {
            case BundleEvent.INSTALLED -> "plugin.install";
            case BundleEvent.STARTED -> "plugin.start";
            case BundleEvent.STOPPED -> platformStopping() ? null : "plugin.stop";
            case BundleEvent.UPDATED -> "plugin.update";
            case BundleEvent.UNINSTALLED -> "plugin.uninstall";
            default -> null;
        };
        if (action == null) {
            return;
        }
        String detail = bundle.getSymbolicName() + " " + bundle.getVersion() + ", bundle " + bundle.getBundleId();
        if (event.getType() == BundleEvent.INSTALLED || event.getType() == BundleEvent.UPDATED) {
            detail += ", from " + bundle.getLocation();
        }
        queue.record(AuditEntry.ok(ACTOR, action, OBJECT_TYPE, plugin.trim(), null, detail));
    }

    /** While the whole platform shuts down every plug-in stops; that is one event (in karaf.log), not one per plug-in. */
    private boolean platformStopping() {
        Bundle framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        return framework == null || framework.getState() == Bundle.STOPPING;
    }
}
