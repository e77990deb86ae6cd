package org.civicgrid.core.directory.internal;

import org.civicgrid.core.testing.JpaTestDatabase;

/** The bundle's changelog and persistence unit on a fresh in-memory H2, for tests that run the real queries. */
final class DirectoryDatabase extends JpaTestDatabase {

    DirectoryDatabase() throws Exception {
        super("db/changelog/org.civicgrid.core.directory.xml", "civicgrid-directory");
    }
}
