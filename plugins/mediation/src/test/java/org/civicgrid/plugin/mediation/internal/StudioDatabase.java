package org.civicgrid.plugin.mediation.internal;

import org.civicgrid.core.testing.JpaTestDatabase;

/** The bundle's changelog and persistence unit on a fresh in-memory H2, for tests that run the real queries. */
final class StudioDatabase extends JpaTestDatabase {

    StudioDatabase() throws Exception {
        super("db/changelog/org.civicgrid.plugin.mediation.xml", "civicgrid-mediation");
    }
}
