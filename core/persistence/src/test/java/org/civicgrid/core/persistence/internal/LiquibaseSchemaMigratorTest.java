package org.civicgrid.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.civicgrid.core.api.health.HealthReport;
import org.civicgrid.core.api.persistence.SchemaMigrationException;
import org.civicgrid.core.api.persistence.SchemaVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiquibaseSchemaMigratorTest {

    private JdbcDataSource dataSource;
    private LiquibaseSchemaMigrator migrator;

    @BeforeEach
    void freshDatabase() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1");
        migrator = new LiquibaseSchemaMigrator(dataSource);
    }

    @Test
    void appliesEachChangeSetOnceAndReportsTheVersion() throws Exception {
        SchemaVersion first = migrator.migrate("test", loader(), "db/changelog/test-owner.xml");
        assertThat(first.version()).isEqualTo("2-note-author");
        assertThat(first.appliedNow()).isEqualTo(2);

        SchemaVersion again = migrator.migrate("test", loader(), "db/changelog/test-owner.xml");
        assertThat(again.appliedNow()).isZero();
        assertThat(again.applied()).isEqualTo(2);

        try (Connection c = dataSource.getConnection();
             ResultSet r = c.createStatement().executeQuery("select id, body, author from test_note")) {
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void aFailingChangeSetNamesTheOwnerAndIsNotRecorded() {
        assertThatThrownBy(() -> migrator.migrate("broken-owner", loader(), "db/changelog/test-broken.xml"))
                .isInstanceOf(SchemaMigrationException.class)
                .hasMessageContaining("broken-owner");
        assertThat(migrator.versions()).isEmpty();
    }

    @Test
    void healthNamesTheDatabaseAndItsMigrations() {
        migrator.migrate("test", loader(), "db/changelog/test-owner.xml");
        HealthReport report = migrator.check();
        assertThat(report.up()).isTrue();
        assertThat(report.details()).containsEntry("kind", "H2").containsEntry("reachable", true);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> migrations = (List<Map<String, Object>>) report.details().get("migrations");
        assertThat(migrations).singleElement().satisfies(m -> assertThat(m).containsEntry("version", "2-note-author"));
    }

    @Test
    void bundlesStartingTogetherOnANewDatabaseAreAllMigrated() throws Exception {
        // On first start several bundles migrate at once; each must find its tables, none may lose the race.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<SchemaVersion>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String owner = "owner-" + i;
                runs.add(pool.submit(() -> migrator.migrate(owner, loader(), "db/changelog/test-owner.xml")));
            }
            for (java.util.concurrent.Future<SchemaVersion> run : runs) {
                assertThat(run.get().version()).isEqualTo("2-note-author");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void credentialsNeverLeaveTheUrl() {
        assertThat(LiquibaseSchemaMigrator.withoutCredentials("jdbc:postgresql://h/db?user=cg&password=secret"))
                .doesNotContain("secret").doesNotContain("=cg");
    }

    private ClassLoader loader() {
        return getClass().getClassLoader();
    }
}
