package org.civicgrid.core.persistence.internal;

import java.util.Dictionary;
import java.util.Hashtable;

import org.civicgrid.core.api.persistence.SchemaMigrationException;
import org.civicgrid.core.api.persistence.SchemaMigrator;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.persistence.SchemaVersion;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates every bundle that names a changelog in its manifest as it starts, then publishes
 * {@link SchemaReady} on its behalf. Provides no service itself, so the time a migration takes never holds up
 * anyone asking for a service.
 */
@Component(immediate = true)
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"org.civicgrid.core.api.persistence.SchemaReady\"")
public class ChangelogExtender {

    private static final Logger LOG = LoggerFactory.getLogger(ChangelogExtender.class);

    private final BundleTracker<ServiceRegistration<SchemaReady>> tracker;

    @Activate
    public ChangelogExtender(BundleContext context, @Reference SchemaMigrator migrator) {
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new Migrations(migrator));
        tracker.open();
    }

    @Deactivate
    void close() {
        tracker.close();
    }

    private static final class Migrations implements BundleTrackerCustomizer<ServiceRegistration<SchemaReady>> {

        private final SchemaMigrator migrator;

        Migrations(SchemaMigrator migrator) {
            this.migrator = migrator;
        }

        @Override
        public ServiceRegistration<SchemaReady> addingBundle(Bundle bundle, BundleEvent event) {
            String changelog = bundle.getHeaders().get(SchemaReady.CHANGELOG_HEADER);
            BundleContext owner = bundle.getBundleContext();
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (changelog == null || owner == null || wiring == null) {
                return null;
            }
            String name = bundle.getSymbolicName();
            try {
                SchemaVersion version = migrator.migrate(name, wiring.getClassLoader(), changelog.trim());
                Dictionary<String, Object> properties = new Hashtable<>();
                properties.put(SchemaReady.OWNER, name);
                if (version.version() != null) {
                    properties.put(SchemaReady.VERSION, version.version());
                }
                return owner.registerService(SchemaReady.class, () -> version, properties);
            } catch (SchemaMigrationException e) {
                LOG.error("{} {} will not start its components: its tables could not be migrated. {}",
                        name, bundle.getVersion(), e.getMessage(), e);
                return null;
            } catch (IllegalStateException e) {
                LOG.warn("{} stopped while its schema was being migrated", name);
                return null;
            }
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<SchemaReady> registration) {
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<SchemaReady> registration) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // Unregistered with the bundle's context when it stopped.
            }
        }
    }
}
