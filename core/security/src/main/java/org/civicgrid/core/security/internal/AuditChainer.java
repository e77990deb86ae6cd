package org.civicgrid.core.security.internal;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.time.PlatformClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves recorded entries from {@code cg_audit_pending} into the chain, on one thread of its own per node, so no
 * request waits for the chain's head row. Each batch is one transaction: the head row is locked first, then the
 * oldest pending entries are read (so a chainer of another node that held the lock before has already deleted the
 * ones it chained), chained in their order, and deleted. Woken when an entry is committed, and every
 * {@link #PERIOD} for entries of other nodes or of transactions it was not told about.
 */
final class AuditChainer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditChainer.class);

    static final int BATCH = 500;
    static final Duration PERIOD = Duration.ofMillis(150);
    /** An entry waiting longer than this is logged as a warning: its chainer is stuck or the database refuses it. */
    static final Duration STALE = Duration.ofSeconds(60);
    private static final Duration STALE_CHECK = Duration.ofSeconds(10);
    private static final Duration FAILURE_LOG = Duration.ofMinutes(1);
    private static final Duration DRAIN = Duration.ofSeconds(10);
    /** The longest pause between attempts while the database refuses them (each failure doubles the pause). */
    private static final Duration BACKOFF_MAX = Duration.ofSeconds(5);

    private final JpaTemplate jpa;
    private final PlatformClock clock;
    private final Semaphore signal = new Semaphore(0);
    private final Thread thread;
    private volatile boolean stopping;
    private long lastStaleCheck;
    private long lastFailureLog;
    private int failures;

    AuditChainer(JpaTemplate jpa, PlatformClock clock, String threadName) {
        this.jpa = jpa;
        this.clock = clock;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Asks for a batch now (an entry has just been committed). */
    void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /**
     * Chains at most {@link #BATCH} pending entries, oldest first, in one transaction under the head row's lock.
     *
     * @return how many were chained
     */
    int chainBatch() {
        boolean any = jpa.txExpr(TransactionType.Supports, em -> !em
                .createQuery("select p.id from PendingAuditEntity p", String.class)
                .setMaxResults(1).getResultList().isEmpty());
        if (!any) {
            return 0;
        }
        return jpa.txExpr(TransactionType.RequiresNew, em -> {
            AuditHead head = em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
            // Read only now: entries another chainer moved while this one waited for the lock are gone.
            List<PendingAuditEntity> batch = em.createQuery(
                            "select p from PendingAuditEntity p order by p.at, p.id", PendingAuditEntity.class)
                    .setMaxResults(BATCH).getResultList();
            if (batch.isEmpty()) {
                return 0;
            }
            long seq = head.seq();
            String hash = head.hash();
            for (PendingAuditEntity pending : batch) {
                AuditEntity row = new AuditEntity(++seq, pending.at(), pending.entry(), pending.origin(), hash);
                em.persist(row);
                hash = row.hash();
            }
            int deleted = em.createQuery("delete from PendingAuditEntity p where p.id in :ids")
                    .setParameter("ids", batch.stream().map(PendingAuditEntity::id).toList())
                    .executeUpdate();
            if (deleted != batch.size()) {
                // Someone removed pending rows without the head's lock: chain nothing rather than twice.
                throw new IllegalStateException("Only " + deleted + " of " + batch.size()
                        + " pending audit entries could be taken; the batch was not chained.");
            }
            head.advance(seq, hash);
            em.flush();
            return batch.size();
        });
    }

    /** How many entries wait to be chained, and when the oldest was recorded ({@code null} when none). */
    record Backlog(long entries, LocalDateTime oldest) {
    }

    Backlog backlog() {
        return jpa.txExpr(TransactionType.Supports, em -> {
            Object[] row = em.createQuery("select count(p), min(p.at) from PendingAuditEntity p", Object[].class)
                    .getSingleResult();
            return new Backlog(((Number) row[0]).longValue(), (LocalDateTime) row[1]);
        });
    }

    private void run() {
        while (!stopping) {
            chainWhatWaits();
            warnIfStale();
            try {
                if (failures > 0) {
                    // The database is unreachable or refusing: wake-ups do not help, and every attempt is logged.
                    Thread.sleep(Math.min(BACKOFF_MAX.toMillis(), PERIOD.toMillis() << Math.min(failures, 6)));
                } else {
                    signal.tryAcquire(PERIOD.toMillis(), TimeUnit.MILLISECONDS);
                }
                signal.drainPermits();
            } catch (InterruptedException e) {
                break;
            }
        }
        drain();
    }

    private void chainWhatWaits() {
        try {
            int chained;
            do {
                chained = chainBatch();
            } while (chained == BATCH && !stopping);
            if (failures > 0) {
                LOG.info("Audit entries are being chained again after {} failed attempts", failures);
                failures = 0;
            }
        } catch (RuntimeException e) {
            failures++;
            long now = System.nanoTime();
            if (failures == 1 || now - lastFailureLog > FAILURE_LOG.toNanos()) {
                lastFailureLog = now;
                // The entries stay pending and are chained at a later attempt; nothing is lost.
                LOG.warn("Could not chain pending audit entries ({} attempts failed so far; retrying every {} s at most)",
                        failures, BACKOFF_MAX.toSeconds(), e);
            }
        }
    }

    private void warnIfStale() {
        long now = System.nanoTime();
        if (now - lastStaleCheck < STALE_CHECK.toNanos()) {
            return;
        }
        lastStaleCheck = now;
        try {
            Backlog backlog = backlog();
            LocalDateTime limit = LocalDateTime.ofInstant(clock.now(), ZoneOffset.UTC).minus(STALE);
            if (backlog.oldest() != null && backlog.oldest().isBefore(limit)) {
                LOG.warn("{} audit entries wait to be chained; the oldest was recorded at {} UTC, more than {} s ago",
                        backlog.entries(), backlog.oldest(), STALE.toSeconds());
            }
        } catch (RuntimeException e) {
            LOG.debug("Could not count the pending audit entries", e);
        }
    }

    /** Chains what it can within a few seconds; what is left stays pending for the next start or another node. */
    private void drain() {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        try {
            while (System.nanoTime() < deadline && chainBatch() > 0) {
                // next batch
            }
        } catch (RuntimeException e) {
            LOG.warn("Pending audit entries were left unchained on stop; they are chained at the next start", e);
        }
    }

    /** Stops the thread after chaining what waits (a few seconds at most). */
    @Override
    public void close() {
        stopping = true;
        wake();
        try {
            thread.join(DRAIN.toMillis() + 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("The audit chainer did not stop in time; entries it did not chain stay pending");
            thread.interrupt();
        }
    }
}
