package org.civicgrid.core.security.internal;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.civicgrid.core.api.security.AuditTrail;
import org.civicgrid.core.api.security.AuditEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends audit entries about the platform itself on a thread of its own, one after the other in the order they
 * were handed in.
 *
 * <p>Bundle and configuration events arrive on threads the framework and Configuration Admin share with every other
 * listener (fileinstall writing configurations back to {@code etc/}, Karaf's own listeners). Recording is a write to
 * the database (no longer under the chain's lock, which only the chainer takes), and a slow or unreachable database
 * there would hold up everyone else's events. An entry that cannot be written is logged with what it would have said:
 * the change it describes has already happened and must not be undone or disturbed because the trail is unreachable.
 */
final class AuditQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditQueue.class);
    private static final long DRAIN_SECONDS = 10;

    private final AuditTrail trail;
    private final ExecutorService writer;

    AuditQueue(AuditTrail trail, String threadName) {
        this.trail = trail;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Hands an entry to the writer thread and returns at once. */
    void record(AuditEntry entry) {
        try {
            writer.execute(() -> append(entry));
        } catch (RejectedExecutionException stopped) {
            LOG.warn("Not recorded in the audit trail (its writer has stopped): {}", describe(entry));
        }
    }

    private void append(AuditEntry entry) {
        try {
            trail.record(entry);
        } catch (RuntimeException e) {
            LOG.error("Could not record in the audit trail: {}", describe(entry), e);
        }
    }

    /** Writes what was handed in before (waiting a few seconds for the trail at most), then stops the writer. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                List<Runnable> left = writer.shutdownNow();
                LOG.error("{} audit entries were not recorded: the audit trail did not take them within {} s",
                        left.size(), DRAIN_SECONDS);
            }
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(AuditEntry e) {
        return e.actor() + " " + e.action() + " " + e.objectType() + (e.objectId() == null ? "" : ":" + e.objectId())
                + (e.detail() == null ? "" : " (" + e.detail() + ")");
    }
}
