package org.civicgrid.core.cases.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elects the one node that runs a scheduled round when several nodes share one PostgreSQL database: the node that
 * takes a PostgreSQL advisory lock runs the round and holds the lock, in a transaction of its own on one connection,
 * until the round ends; the others skip it. The lock is transaction-scoped, so it goes with the transaction however
 * that ends — rolled back after the round, by the pool when the connection returns, or by the server when the node
 * dies — and a pooled connection can never keep it. On any other database (the embedded H2 of a single node) every
 * round runs.
 *
 * <p>The rounds would be safe without it (each case is its own transaction with an optimistic version), but every
 * node would read the same overdue cases every minute and lose most of the races; one runner does the work once.
 */
final class RoundElection {

    /** A round's hold on the election; closing it lets the next round elect again. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    private static final Logger LOG = LoggerFactory.getLogger(RoundElection.class);

    private final DataSource dataSource;
    private final long key;

    /**
     * @param key the advisory lock's key: one per kind of round
     */
    RoundElection(DataSource dataSource, long key) {
        this.dataSource = dataSource;
        this.key = key;
    }

    /** @return a lease if this node runs the round, empty if another node is running it */
    Optional<Lease> lead() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return Optional.of(() -> { });
            }
            connection.setAutoCommit(false);
            boolean elected;
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, key);
                try (ResultSet r = lock.executeQuery()) {
                    elected = r.next() && r.getBoolean(1);
                }
            }
            if (!elected) {
                release(connection);
                return Optional.empty();
            }
            return Optional.of(() -> release(connection));
        } catch (SQLException | RuntimeException e) {
            release(connection);
            throw e;
        }
    }

    /** Ends the election's transaction, and the lock with it, and gives the connection back. */
    private void release(Connection connection) {
        try (connection) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.warn("Could not end the election's transaction for lock {} cleanly: {}", key, e.toString());
        }
    }
}
