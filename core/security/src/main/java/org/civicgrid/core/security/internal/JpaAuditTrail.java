package org.civicgrid.core.security.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.TransactionSynchronizationRegistry;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.RequestOrigin;
import org.civicgrid.core.api.security.AuditTrail;
import org.civicgrid.core.api.time.PlatformClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The audit trail in {@code cg_audit}. An entry is recorded unchained in {@code cg_audit_pending} — inside the
 * caller's transaction when it describes a change made there, so the two commit or roll back together — and the
 * node's {@link AuditChainer} appends it to the chain shortly after, under the lock on the chain's head row, so
 * entries of concurrent requests and of several nodes form one chain and no request waits for that lock.
 */
@Component(service = {AuditTrail.class, JpaAuditTrail.class})
public class JpaAuditTrail implements AuditTrail {

    static final String SCHEMA = "(" + SchemaReady.OWNER + "=org.civicgrid.core.security)";
    private static final int BATCH = 1000;
    private static final String OK = "ok";

    private final JpaTemplate jpa;
    private final PlatformClock clock;
    private final AuditChainer chainer;

    /** The transaction manager's registry, to wake the chainer when a caller's transaction commits. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TransactionSynchronizationRegistry transactions;

    @Activate
    public JpaAuditTrail(@Reference(target = SCHEMA) SchemaReady schema,
                         @Reference(target = "(osgi.unit.name=civicgrid-security)") JpaTemplate jpa,
                         @Reference PlatformClock clock) {
        this(jpa, clock);
        chainer.start();
    }

    /** Without a running chainer: {@link #chainer()} chains when asked (tests). */
    JpaAuditTrail(JpaTemplate jpa, PlatformClock clock) {
        this.jpa = jpa;
        this.clock = clock;
        this.chainer = new AuditChainer(jpa, clock, "civicgrid-audit-chainer");
    }

    @Deactivate
    void stop() {
        chainer.close();
    }

    AuditChainer chainer() {
        return chainer;
    }

    /**
     * Records an entry, to be chained within a fraction of a second. An entry with the outcome {@code ok} describes
     * something the caller did: inside a transaction it joins it, and is never chained if that rolls back. Any other
     * outcome (refused, failed) describes something that did not happen, and is written in a transaction of its own
     * so that the caller's rollback cannot take it away.
     */
    @Override
    public void record(AuditEntry entry) {
        AuditEntry e = checked(entry);
        String origin = RequestOrigin.current();
        LocalDateTime at = LocalDateTime.ofInstant(clock.now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        PendingAuditEntity row = new PendingAuditEntity(UUID.randomUUID().toString(), at, e, origin);
        boolean withCaller = OK.equals(e.outcome());
        jpa.tx(withCaller ? TransactionType.Required : TransactionType.RequiresNew, em -> em.persist(row));
        TransactionSynchronizationRegistry registry = transactions;
        if (withCaller && registry != null && registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // The entry is flushed with the caller's changes.
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        chainer.wake();
                    }
                }
            });
        } else {
            chainer.wake();
        }
    }

    /** Fields cut to their columns' sizes; the required ones present. */
    static AuditEntry checked(AuditEntry e) {
        if (e == null || blank(e.actor()) || blank(e.action()) || blank(e.objectType()) || blank(e.outcome())) {
            throw new IllegalArgumentException("An audit entry needs an actor, an action, an object type and an outcome.");
        }
        return new AuditEntry(cut(e.actor(), 64), cut(e.action(), 64), cut(e.objectType(), 64), cut(e.objectId(), 64),
                cut(e.regionCode(), 15), cut(e.outcome(), 16), cut(e.detail(), 1000));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * Result of checking the chain.
     *
     * @param entries chained entries verified
     * @param brokenAt the first entry that does not fit, or {@code null} when the chain is intact
     * @param problem what is wrong with it
     * @param pending entries recorded and not yet chained
     * @param oldestPending when the oldest of those was recorded (UTC), or {@code null}
     */
    public record Verification(long entries, Long brokenAt, String problem, long pending, LocalDateTime oldestPending) {
        public boolean intact() {
            return brokenAt == null;
        }
    }

    /**
     * Recomputes every hash from the first entry; reports the first entry that does not fit, and how many entries
     * wait to be chained. The chainer may append while this reads: the head row is read after the entries, and
     * when it is ahead the entries appended meanwhile are read and checked too.
     */
    public Verification verify() {
        AuditChainer.Backlog backlog = chainer.backlog();
        String prev = AuditChain.GENESIS;
        long expected = 1;
        long count = 0;
        while (true) {
            int read = 0;
            while (true) {
                long from = expected;
                List<AuditEntity> rows = jpa.txExpr(TransactionType.Supports, em -> em
                        .createQuery("select a from AuditEntity a where a.seq >= :from order by a.seq", AuditEntity.class)
                        .setParameter("from", from).setMaxResults(BATCH).getResultList());
                for (AuditEntity row : rows) {
                    if (row.seq() != expected) {
                        return broken(count, expected, "entry " + expected + " is missing", backlog);
                    }
                    if (!row.prevHash().equals(prev)) {
                        return broken(count, row.seq(), "entry " + row.seq() + " does not follow the entry before it", backlog);
                    }
                    if (!AuditChain.hash(prev, row.seq(), row.at(), row.entry(), row.origin()).equals(row.hash())) {
                        return broken(count, row.seq(), "entry " + row.seq() + " was changed after it was written", backlog);
                    }
                    prev = row.hash();
                    expected++;
                    count++;
                }
                read += rows.size();
                if (rows.size() < BATCH) {
                    break;
                }
            }
            AuditHead head = jpa.txExpr(TransactionType.Supports, em -> em.find(AuditHead.class, AuditHead.ID));
            if (head.seq() > count && read > 0) {
                continue; // appended while the entries were read (entry and head commit together): read on
            }
            if (head.seq() != count || !head.hash().equals(prev)) {
                return broken(count, count + 1, "the chain ends at entry " + count + " but the head says "
                        + head.seq() + ": entries were removed from its end", backlog);
            }
            return new Verification(count, null, null, backlog.entries(), backlog.oldest());
        }
    }

    private static Verification broken(long count, long at, String problem, AuditChainer.Backlog backlog) {
        return new Verification(count, at, problem, backlog.entries(), backlog.oldest());
    }

    /**
     * Entries about a region's subtree, newest first, before an entry number (for paging).
     *
     * @param regionPrefix the region code prefix
     * @param withoutRegion whether entries that name no region (e.g. sign-in attempts by unknown names) are included
     * @param beforeSeq only entries numbered below this, or {@code null}
     * @param limit at most this many
     */
    public List<AuditRecord> inRegion(String regionPrefix, boolean withoutRegion, Long beforeSeq, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            String where = "(a.regionCode like :prefix" + (withoutRegion ? " or a.regionCode is null)" : ")")
                    + (beforeSeq == null ? "" : " and a.seq < :before");
            var q = em.createQuery("select a from AuditEntity a where " + where + " order by a.seq desc", AuditEntity.class)
                    .setParameter("prefix", regionPrefix + "%");
            if (beforeSeq != null) {
                q.setParameter("before", beforeSeq);
            }
            return q.setMaxResults(limit).getResultList().stream().map(AuditEntity::toRecord).toList();
        });
    }

    /** The newest entries first, optionally of one object. */
    public List<AuditRecord> latest(String objectType, String objectId, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            String where = objectType == null ? "" : " where a.objectType = :type"
                    + (objectId == null ? "" : " and a.objectId = :id");
            var q = em.createQuery("select a from AuditEntity a" + where + " order by a.seq desc", AuditEntity.class);
            if (objectType != null) {
                q.setParameter("type", objectType);
                if (objectId != null) {
                    q.setParameter("id", objectId);
                }
            }
            return q.setMaxResults(limit).getResultList().stream().map(AuditEntity::toRecord).toList();
        });
    }
}
