package org.civicgrid.plugin.mediation.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.Persistence;

import liquibase.Liquibase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * A fresh in-memory H2 database (MODE=LEGACY, as the platform runs it) migrated by the plug-in's own changelog,
 * and a {@link JpaTemplate} over its persistence unit with local transactions, so the tests run the real queries.
 */
final class StudioDatabase implements JpaTemplate, AutoCloseable {

    static {
        // Liquibase reports every change set at INFO through java.util.logging.
        java.util.logging.Logger.getLogger("liquibase").setLevel(java.util.logging.Level.WARNING);
    }

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1";
    private final Connection keepAlive;
    private final EntityManagerFactory factory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    @SuppressWarnings("deprecation")
    StudioDatabase() throws Exception {
        keepAlive = DriverManager.getConnection(url);
        try (Connection c = DriverManager.getConnection(url)) {
            new Liquibase("db/changelog/org.civicgrid.plugin.mediation.xml", new ClassLoaderResourceAccessor(),
                    new JdbcConnection(c)).update("");
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("javax.persistence.jtaDataSource", "");
        properties.put("javax.persistence.jdbc.driver", "org.h2.Driver");
        properties.put("javax.persistence.jdbc.url", url);
        properties.put("eclipselink.logging.level", "WARNING");
        factory = Persistence.createEntityManagerFactory("civicgrid-mediation", properties);
    }

    int count(String table) throws SQLException {
        try (var r = keepAlive.createStatement().executeQuery("select count(*) from " + table)) {
            r.next();
            return r.getInt(1);
        }
    }

    String single(String sql) throws SQLException {
        try (var r = keepAlive.createStatement().executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        EntityManager em = current.get();
        if (em != null) {
            return code.apply(em);
        }
        em = factory.createEntityManager();
        current.set(em);
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            R result = code.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            current.remove();
            em.close();
        }
    }

    @Override
    public <R> R txExpr(EmFunction<R> code) {
        return txExpr(TransactionType.Required, code);
    }

    @Override
    public void tx(TransactionType type, EmConsumer code) {
        txExpr(type, em -> {
            code.accept(em);
            return null;
        });
    }

    @Override
    public void tx(EmConsumer code) {
        tx(TransactionType.Required, code);
    }

    @Override
    public void close() throws Exception {
        factory.close();
        keepAlive.close();
    }
}
