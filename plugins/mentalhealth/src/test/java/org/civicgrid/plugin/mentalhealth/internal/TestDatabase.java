package org.civicgrid.plugin.mentalhealth.internal;

import org.civicgrid.core.testing.JpaTestDatabase;

/** The bundle's changelog and persistence unit on a fresh in-memory H2, for tests that run the real queries. */
final class TestDatabase extends JpaTestDatabase {

    TestDatabase() throws Exception {
        super("db/changelog/org.civicgrid.plugin.mentalhealth.xml", "civicgrid-mentalhealth");
    }
}
