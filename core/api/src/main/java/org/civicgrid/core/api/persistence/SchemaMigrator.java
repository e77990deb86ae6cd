package org.civicgrid.core.api.persistence;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs a bundle's database migrations (Liquibase changelogs) against the platform's database.
 * A bundle that owns tables calls {@link #migrate} when it starts, before it touches them.
 * Migrations only ever move forward; nothing here drops a table when a bundle goes away.
 *
 * @since 1.0
 */
@ProviderType
public interface SchemaMigrator {

    /**
     * Brings the owner's tables up to date. Change sets already applied are skipped, so calling
     * this on every start is safe. Runs under the database's migration lock, so several bundles
     * (or several nodes) starting at once apply each change set exactly once.
     *
     * @param owner who owns the tables, by convention the bundle's symbolic name
     * @param loader the class loader that sees the changelog (the owner bundle's)
     * @param changelog the changelog's resource path, unique across the platform
     *        (e.g. {@code db/changelog/org.civicgrid.plugin.mediation.xml})
     * @return where the owner's schema stands now
     * @throws SchemaMigrationException if a change set fails; the failed change set is rolled back
     * @since 1.0
     */
    SchemaVersion migrate(String owner, ClassLoader loader, String changelog);

    /**
     * @return the state of every changelog migrated since the platform started, by owner
     * @since 1.0
     */
    List<SchemaVersion> versions();

    /**
     * @return the owners whose last migration failed, with why; an owner leaves it once it migrates
     * @since 1.0
     */
    java.util.Map<String, String> failures();
}
