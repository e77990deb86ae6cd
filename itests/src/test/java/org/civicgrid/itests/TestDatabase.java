package org.civicgrid.itests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The database a test run uses: the embedded H2 default, or a fresh PostgreSQL database created for the run
 * and dropped after it. Chosen by the system property {@code civicgrid.it.database} (h2 | postgresql).
 */
abstract class TestDatabase implements AutoCloseable {

    static TestDatabase selected() {
        String kind = System.getProperty("civicgrid.it.database", "h2");
        return switch (kind) {
            case "h2" -> new Embedded();
            case "postgresql" -> Postgres.create();
            default -> throw new IllegalArgumentException("civicgrid.it.database is h2 or postgresql, not " + kind);
        };
    }

    /** The product name the platform reports for this database in its health. */
    abstract String kind();

    /**
     * Rewrites the datasource file of an unpacked distribution the way the README tells an operator to.
     */
    abstract String datasourceConfiguration(String shipped);

    /** Counts rows of a table, read directly from the database (not through the platform); -1 if not possible. */
    long count(String table) throws SQLException {
        return -1;
    }

    /** A direct connection to the platform's database, bypassing the platform; none for the embedded database. */
    java.util.Optional<Connection> connection() throws SQLException {
        return java.util.Optional.empty();
    }

    @Override
    public void close() {
    }

    /** The shipped default: H2 in a file under the distribution's data/ folder. */
    static final class Embedded extends TestDatabase {
        @Override
        String kind() {
            return "H2";
        }

        @Override
        String datasourceConfiguration(String shipped) {
            return shipped;
        }
    }

    /** A fresh database on the PostgreSQL server at 127.0.0.1:5432 (trust auth), dropped afterwards. */
    static final class Postgres extends TestDatabase {

        static final String HOST = System.getProperty("civicgrid.it.pg.host", "127.0.0.1");
        static final String PORT = System.getProperty("civicgrid.it.pg.port", "5432");
        static final String USER = System.getProperty("civicgrid.it.pg.user", "postgres");
        static final String PASSWORD = System.getProperty("civicgrid.it.pg.password", "");

        final String name;

        private Postgres(String name) {
            this.name = name;
        }

        static Postgres create() {
            String name = "civicgrid_it_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                    + "_" + ThreadLocalRandom.current().nextInt(1000, 10000);
            try (Connection admin = connect("postgres"); Statement s = admin.createStatement()) {
                s.execute("create database " + name);
            } catch (SQLException e) {
                String why = "PostgreSQL at " + HOST + ":" + PORT + " is not reachable as " + USER + ": " + e.getMessage();
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    Assertions.fail(why + ". CI=true: the PostgreSQL tests must run. Start it with "
                            + "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
                }
                System.err.println();
                System.err.println("*************************************************************************");
                System.err.println("* SKIPPING the PostgreSQL integration tests: " + why);
                System.err.println("* They are NOT passing; they did not run. (With CI=true this fails.)");
                System.err.println("*************************************************************************");
                System.err.println();
                Assumptions.abort(why);
            }
            return new Postgres(name);
        }

        private static Connection connect(String database) throws SQLException {
            return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database, USER, PASSWORD);
        }

        @Override
        String kind() {
            return "PostgreSQL";
        }

        @Override
        String datasourceConfiguration(String shipped) {
            StringBuilder out = new StringBuilder();
            for (String line : shipped.split("\n", -1)) {
                String trimmed = line.trim();
                if (trimmed.startsWith("osgi.jdbc.driver.class") || trimmed.startsWith("url")
                        || trimmed.startsWith("user") || trimmed.startsWith("password")) {
                    line = "#" + line;
                } else if (trimmed.startsWith("#osgi.jdbc.driver.class")) {
                    line = "osgi.jdbc.driver.class = org.postgresql.Driver";
                } else if (trimmed.startsWith("#url")) {
                    line = "url = jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
                } else if (trimmed.startsWith("#user")) {
                    line = "user = " + USER;
                } else if (trimmed.startsWith("#password")) {
                    line = "password = " + PASSWORD;
                }
                out.append(line).append('\n');
            }
            return out.toString();
        }

        @Override
        long count(String table) throws SQLException {
            try (Connection c = connect(name); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select count(*) from " + table)) {
                r.next();
                return r.getLong(1);
            }
        }

        @Override
        java.util.Optional<Connection> connection() throws SQLException {
            return java.util.Optional.of(connect(name));
        }

        @Override
        public void close() {
            try (Connection admin = connect("postgres"); Statement s = admin.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
            } catch (SQLException e) {
                System.err.println("Could not drop the test database " + name + ": " + e.getMessage());
            }
        }
    }
}
