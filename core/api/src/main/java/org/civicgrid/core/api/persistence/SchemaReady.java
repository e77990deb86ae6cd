package org.civicgrid.core.api.persistence;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Published by the platform for a bundle once that bundle's migrations are applied. A bundle that owns tables
 * names its changelog in its manifest ({@value #CHANGELOG_HEADER}); the platform migrates it when the bundle
 * starts and then registers this service on the bundle's behalf, with {@value #OWNER} set to the bundle's
 * symbolic name. Components that touch the tables reference it, so they start only on an up-to-date schema:
 *
 * <pre>
 * &#64;Reference(target = "(" + SchemaReady.OWNER + "=org.example.plugin)") SchemaReady schema
 * </pre>
 *
 * If a migration fails the service is not registered, the bundle's components stay unsatisfied, and the
 * failure is logged with the change set that failed; the rest of the platform keeps serving.
 *
 * @since 1.0
 */
@ProviderType
public interface SchemaReady {

    /** Manifest header naming a bundle's Liquibase changelog, e.g. {@code db/changelog/org.example.plugin.xml}. @since 1.0 */
    String CHANGELOG_HEADER = "Civicgrid-Changelog";

    /** Service property: the symbolic name of the bundle whose schema is ready. @since 1.0 */
    String OWNER = "civicgrid.schema.owner";

    /** Service property: the id of the last change set applied. @since 1.0 */
    String VERSION = "civicgrid.schema.version";

    /**
     * @return where the owner's schema stands
     * @since 1.0
     */
    SchemaVersion version();
}
