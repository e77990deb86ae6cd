package org.civicgrid.core.cases.internal;

import org.civicgrid.core.testing.JpaTestDatabase;

/** The bundle's changelog and persistence unit on a fresh in-memory H2, for tests that run the real queries. */
final class CasesDatabase extends JpaTestDatabase {

    CasesDatabase() throws Exception {
        super("db/changelog/org.civicgrid.core.cases.xml", "civicgrid-cases");
    }
}
