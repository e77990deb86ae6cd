package org.civicgrid.plugin.patrol.internal;

import org.civicgrid.core.testing.JpaTestDatabase;

/** The bundle's changelog and persistence unit on a fresh in-memory H2, for tests that run the real queries. */
final class PatrolDatabase extends JpaTestDatabase {

    PatrolDatabase() throws Exception {
        super("db/changelog/org.civicgrid.plugin.patrol.xml", "civicgrid-patrol");
    }
}
