package org.civicgrid.core.persistence.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

import org.civicgrid.core.api.health.HealthIndicator;
import org.civicgrid.core.api.health.HealthReport;
import org.civicgrid.core.api.persistence.SchemaMigrationException;
import org.civicgrid.core.api.persistence.SchemaMigrator;
import org.civicgrid.core.api.persistence.SchemaVersion;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies bundles' Liquibase changelogs to the platform datasource and reports on the database. */
@Component(service = {SchemaMigrator.class, HealthIndicator.class}, immediate = true)
public class LiquibaseSchemaMigrator implements SchemaMigrator, HealthIndicator {

    /** The platform's datasource, as pax-jdbc-config publishes it. */
    public static final String DATASOURCE_TARGET = "(osgi.jndi.service.name=civicgrid)";

    private static final Logger LOG = LoggerFactory.getLogger(LiquibaseSchemaMigrator.class);

    private final DataSource dataSource;
    private final Map<String, SchemaVersion> versions = new ConcurrentHashMap<>();

    @Activate
    public LiquibaseSchemaMigrator(@Reference(target = DATASOURCE_TARGET) DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One migration at a time in this JVM: bundles start on several threads, and on a new database two of them
     * would race to create Liquibase's own tables. Between nodes, Liquibase's database lock orders them; if
     * another node created those tables at the same moment, the migration is tried once more.
     */
    @Override
    public synchronized SchemaVersion migrate(String owner, ClassLoader loader, String changelog) {
        try {
            SchemaVersion version;
            try {
                version = migrateOnce(owner, loader, changelog);
            } catch (SchemaMigrationException first) {
                LOG.warn("Migrating {} failed ({}); trying once more", owner, first.getMessage());
                version = migrateOnce(owner, loader, changelog);
            }
            failures.remove(owner);
            return version;
        } catch (SchemaMigrationException e) {
            failures.put(owner, e.getMessage());
            throw e;
        }
    }

    private final java.util.Map<String, String> failures = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public java.util.Map<String, String> failures() {
        return java.util.Map.copyOf(failures);
    }

    private SchemaVersion migrateOnce(String owner, ClassLoader loader, String changelog) {
        long started = System.nanoTime();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Liquibase looks up its own extensions through the context class loader.
        thread.setContextClassLoader(Liquibase.class.getClassLoader());
        try {
            int before = appliedChangeSets(changelog).size();
            // Liquibase closes the connection it is given when it is done.
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(dataSource.getConnection()));
            try (Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(loader), database)) {
                liquibase.update(new Contexts(), new LabelExpression());
            }
            List<String> applied = appliedChangeSets(changelog);
            SchemaVersion version = new SchemaVersion(owner, changelog,
                    applied.isEmpty() ? null : applied.get(applied.size() - 1),
                    applied.size(), applied.size() - before);
            versions.put(owner, version);
            LOG.info("Schema of {} at change set {} ({} applied now, {} in all) in {} ms", owner,
                    version.version(), version.appliedNow(), version.applied(),
                    (System.nanoTime() - started) / 1_000_000);
            return version;
        } catch (LiquibaseException | SQLException e) {
            throw new SchemaMigrationException("Migrating the schema of " + owner + " from " + changelog
                    + " failed: " + e.getMessage(), e);
        } catch (Exception | LinkageError e) {
            // LinkageError: a Liquibase feature whose optional library is not installed.
            throw new SchemaMigrationException("Migrating the schema of " + owner + " failed: " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public List<SchemaVersion> versions() {
        return versions.values().stream()
                .sorted((a, b) -> a.owner().compareTo(b.owner()))
                .toList();
    }

    @Override
    public HealthReport check() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean reachable;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            details.put("kind", meta.getDatabaseProductName());
            details.put("version", meta.getDatabaseProductVersion());
            details.put("url", withoutCredentials(meta.getURL()));
            reachable = connection.isValid(2);
        } catch (SQLException e) {
            LOG.warn("Database unreachable: {}", e.getMessage());
            details.put("error", e.getMessage());
            reachable = false;
        }
        details.put("reachable", reachable);
        List<Map<String, Object>> migrations = new ArrayList<>();
        for (SchemaVersion v : versions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("owner", v.owner());
            m.put("changelog", v.changelog());
            m.put("version", v.version());
            m.put("changeSets", v.applied());
            migrations.add(m);
        }
        details.put("migrations", migrations);
        if (!failures.isEmpty()) {
            details.put("failedMigrations", failures());
        }
        return new HealthReport("database", reachable, details);
    }

    private List<String> appliedChangeSets(String changelog) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            if (!changelogTableExists(connection)) {
                return ids;
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "select id from databasechangelog where filename = ? order by orderexecuted")) {
                select.setString(1, changelog);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
        }
        return ids;
    }

    private static boolean changelogTableExists(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : new String[] {"databasechangelog", "DATABASECHANGELOG"}) {
            try (ResultSet tables = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    static String withoutCredentials(String url) {
        if (url == null) {
            return null;
        }
        return url.replaceAll("(?i)(password|user)=[^;&]*", "$1=***");
    }
}
