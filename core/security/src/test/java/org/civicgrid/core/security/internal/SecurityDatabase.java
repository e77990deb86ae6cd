package org.civicgrid.core.security.internal;

import org.civicgrid.core.testing.JpaTestDatabase;

/** The bundle's changelog and persistence unit on a fresh in-memory H2, for tests that run the real trail. */
final class SecurityDatabase extends JpaTestDatabase {

    SecurityDatabase() throws Exception {
        super("db/changelog/org.civicgrid.core.security.xml", "civicgrid-security");
    }
}
