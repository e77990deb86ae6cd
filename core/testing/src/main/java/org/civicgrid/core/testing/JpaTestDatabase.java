package org.civicgrid.core.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.Persistence;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A fresh in-memory H2 database in the platform's mode ({@code MODE=LEGACY}) with a bundle's own changelog applied
 * as the platform's migrator applies it, and the bundle's persistence unit on it (EclipseLink, as in the platform),
 * as a {@link JpaTemplate} whose every call is one local transaction — a call made inside another joins it, as
 * under JTA, unless it asks for {@link TransactionType#RequiresNew}. Unit tests run the real queries against it.
 */
public class JpaTestDatabase implements JpaTemplate, AutoCloseable {

    static {
        // Liquibase reports every change set at INFO through java.util.logging.
        java.util.logging.Logger.getLogger("liquibase").setLevel(java.util.logging.Level.WARNING);
    }

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final String changelog;
    private final EntityManagerFactory emf;
    private final Connection keepAlive;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    /**
     * @param changelog the bundle's changelog on the test's class path, e.g. {@code db/changelog/org.civicgrid.core.cases.xml}
     * @param unit the bundle's persistence unit, e.g. {@code civicgrid-cases}
     */
    protected JpaTestDatabase(String changelog, String unit) throws Exception {
        this.changelog = changelog;
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        keepAlive = dataSource.getConnection();
        migrate();
        Map<String, Object> properties = new HashMap<>();
        properties.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("javax.persistence.jtaDataSource", null);
        properties.put("javax.persistence.nonJtaDataSource", dataSource);
        properties.put("eclipselink.logging.level", "WARNING");
        emf = Persistence.createEntityManagerFactory(unit, properties);
    }

    /** Applies the changelog as the platform's migrator does; twice is the same as once. */
    public void migrate() throws Exception {
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(dataSource.getConnection()));
        try (Liquibase liquibase = new Liquibase(changelog,
                new ClassLoaderResourceAccessor(getClass().getClassLoader()), database)) {
            liquibase.update(new Contexts(), new LabelExpression());
        }
    }

    /** @return a new connection to the database, for reading what was really stored */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** @return how many rows the table holds */
    public long count(String table) {
        return ((Number) value("select count(*) from " + table)).longValue();
    }

    /** @return the first column of the first row the query selects, or {@code null} if it selects none */
    public Object value(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return {@link #value} as text */
    public String single(String sql) {
        Object value = value(sql);
        return value == null ? null : value.toString();
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        EntityManager joined = current.get();
        if (joined != null && type != TransactionType.RequiresNew) {
            return code.apply(joined);
        }
        EntityManager em = emf.createEntityManager();
        current.set(em);
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            R result = code.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            if (joined == null) {
                current.remove();
            } else {
                current.set(joined);
            }
            em.close();
        }
    }

    @Override
    public void tx(TransactionType type, EmConsumer code) {
        txExpr(type, em -> {
            code.accept(em);
            return null;
        });
    }

    @Override
    public <R> R txExpr(EmFunction<R> code) {
        return txExpr(TransactionType.Required, code);
    }

    @Override
    public void tx(EmConsumer code) {
        tx(TransactionType.Required, code);
    }

    @Override
    public void close() throws Exception {
        emf.close();
        keepAlive.close();
    }
}
