package org.civicgrid.core.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

import org.junit.jupiter.api.Test;

/**
 * The changelog on PostgreSQL for a database user who may not create extensions: the platform still migrates, the
 * trigram index is left out until a superuser creates pg_trgm, and the next migration then adds it. Needs a
 * PostgreSQL server and a superuser that may create databases and roles, by default the local one
 * ({@code -Dcivicgrid.test.postgres=jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres} to name another).
 * Without one it says so and is skipped; in CI ({@code CI=true}) a missing server fails it.
 */
class PostgresChangelogTest {

    @org.junit.jupiter.api.BeforeAll
    static void postgresIsThere() {
        String url = System.getProperty("civicgrid.test.postgres",
                "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        System.setProperty("civicgrid.test.postgres", url);
        try (Connection ignored = DriverManager.getConnection(url)) {
            return;
        } catch (java.sql.SQLException e) {
            String message = "PostgreSQL is not reachable at " + url + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message + ": CI needs it", e);
            }
            System.err.println("*** SKIPPED PostgresChangelogTest: " + message + " ***");
            org.junit.jupiter.api.Assumptions.abort(message);
        }
    }

    private static final String CHANGELOG = "db/changelog/org.civicgrid.core.cases.xml";

    @Test
    void aUserWhoMayNotCreateExtensionsStillMigratesAndGetsTheTrigramIndexOnceTheExtensionIsThere() throws Exception {
        String admin = System.getProperty("civicgrid.test.postgres");
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String dbName = "cg_changelog_" + suffix;
        String role = "cg_changelog_" + suffix;
        try (Connection a = DriverManager.getConnection(admin); Statement s = a.createStatement()) {
            s.execute("create role " + role + " login");
            s.execute("create database " + dbName);
        }
        String dbUrl = admin.replaceFirst("/[^/?]*(\\?|$)", "/" + dbName + "$1");
        try {
            try (Connection a = DriverManager.getConnection(dbUrl); Statement s = a.createStatement()) {
                // May create tables in the schema, not extensions (no CREATE on the database); no pg_trgm yet.
                s.execute("grant usage, create on schema public to " + role);
                s.execute("drop extension if exists pg_trgm");
            }
            String userUrl = dbUrl.replaceFirst("user=[^&]*", "user=" + role);
            migrate(userUrl);
            assertThat(changeSets(dbUrl)).contains("cases-4", "cases-5").doesNotContain("cases-6", "cases-5-other");
            assertThat(indexes(dbUrl)).contains("ix_cg_case_region_groups", "ix_cg_case_open_region_deadline")
                    .doesNotContain("ix_cg_case_text_trgm", "ix_cg_case_region_deadline");

            try (Connection a = DriverManager.getConnection(dbUrl); Statement s = a.createStatement()) {
                s.execute("create extension pg_trgm");
            }
            migrate(userUrl);
            assertThat(changeSets(dbUrl)).contains("cases-6");
            assertThat(indexes(dbUrl)).contains("ix_cg_case_text_trgm");
        } finally {
            try (Connection a = DriverManager.getConnection(admin); Statement s = a.createStatement()) {
                s.execute("drop database if exists " + dbName + " with (force)");
                s.execute("drop role if exists " + role);
            }
        }
    }

    private static void migrate(String url) throws Exception {
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(DriverManager.getConnection(url)));
        try (Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(
                PostgresChangelogTest.class.getClassLoader()), database)) {
            liquibase.update(new Contexts(), new LabelExpression());
        }
    }

    private static List<String> changeSets(String url) throws Exception {
        return strings(url, "select id from databasechangelog");
    }

    private static List<String> indexes(String url) throws Exception {
        return strings(url, "select indexname from pg_indexes where tablename = 'cg_case'");
    }

    private static List<String> strings(String url, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
