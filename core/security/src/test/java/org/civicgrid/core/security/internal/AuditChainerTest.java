package org.civicgrid.core.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.time.PlatformClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditChainerTest {

    private SecurityDatabase db;
    private final List<JpaAuditTrail> nodes = new ArrayList<>();

    /** A clock that moves one millisecond on every reading, so every entry has its own time. */
    private static final class SteppingClock implements PlatformClock {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2026-12-01T08:00:00Z").toEpochMilli());

        @Override
        public Instant now() {
            return Instant.ofEpochMilli(millis.incrementAndGet());
        }

        @Override
        public ZoneId zone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock clock() {
            return Clock.fixed(now(), ZoneOffset.UTC);
        }
    }

    private final SteppingClock clock = new SteppingClock();

    @BeforeEach
    void database() throws Exception {
        db = new SecurityDatabase();
    }

    @AfterEach
    void close() throws Exception {
        nodes.forEach(JpaAuditTrail::stop);
        db.close();
    }

    /** A node's trail; its chainer runs only when the test starts it or asks for a batch. */
    private JpaAuditTrail node() {
        JpaAuditTrail trail = new JpaAuditTrail(db, clock);
        nodes.add(trail);
        return trail;
    }

    private static AuditEntry entry(String detail) {
        return AuditEntry.ok("wang", "case.reported", "case", detail, "140521", detail);
    }

    private List<String> chainedDetails() throws Exception {
        List<String> details = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select detail from cg_audit order by seq")) {
            while (rs.next()) {
                details.add(rs.getString(1));
            }
        }
        return details;
    }

    private void awaitChained(long entries) {
        org.awaitility.Awaitility.await(entries + " entries chained, none pending").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> db.count("cg_audit") >= entries && db.count("cg_audit_pending") == 0);
    }

    @Test
    void anEntryWaitsUnchainedUntilTheChainerMovesItInBatchesInTheOrderRecorded() throws Exception {
        JpaAuditTrail trail = node();
        int total = AuditChainer.BATCH * 2 + 37;
        for (int i = 0; i < total; i++) {
            trail.record(entry("e" + i));
        }
        assertThat(db.count("cg_audit_pending")).isEqualTo(total);
        assertThat(db.count("cg_audit")).isZero();
        JpaAuditTrail.Verification before = trail.verify();
        assertThat(before.intact()).isTrue();
        assertThat(before.entries()).isZero();
        assertThat(before.pending()).isEqualTo(total);
        assertThat(before.oldestPending()).isEqualTo(java.time.LocalDateTime.of(2026, 12, 1, 8, 0, 0, 1_000_000));
        assertThat(trail.latest(null, null, 10)).isEmpty();

        assertThat(trail.chainer().chainBatch()).isEqualTo(AuditChainer.BATCH);
        assertThat(trail.chainer().chainBatch()).isEqualTo(AuditChainer.BATCH);
        assertThat(trail.chainer().chainBatch()).isEqualTo(37);
        assertThat(trail.chainer().chainBatch()).isZero();

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            expected.add("e" + i);
        }
        assertThat(chainedDetails()).containsExactlyElementsOf(expected);
        assertThat(db.count("cg_audit_pending")).isZero();
        JpaAuditTrail.Verification after = trail.verify();
        assertThat(after.intact()).isTrue();
        assertThat(after.entries()).isEqualTo(total);
        assertThat(after.pending()).isZero();
        assertThat(after.oldestPending()).isNull();
        assertThat(trail.latest("case", "e0", 1)).singleElement().satisfies(r -> assertThat(r.seq()).isEqualTo(1));
    }

    @Test
    void anEntryOfAChangeCommitsAndRollsBackWithItButARefusalIsKept() throws Exception {
        JpaAuditTrail trail = node();
        assertThatThrownBy(() -> db.tx(TransactionType.Required, em -> {
            trail.record(entry("done, then undone"));
            trail.record(new AuditEntry("wang", "case.parties.reveal", "case", "c-1", "140521", "refused", "no purpose"));
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");
        db.tx(TransactionType.Required, em -> trail.record(entry("done")));
        trail.chainer().chainBatch();
        assertThat(chainedDetails()).containsExactly("no purpose", "done");
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void twoNodesChainingOneDatabaseAtOnceChainEveryEntryExactlyOnce() throws Exception {
        JpaAuditTrail first = node();
        JpaAuditTrail second = node();
        first.chainer().start();
        second.chainer().start();
        int writers = 4;
        int each = 400;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            JpaAuditTrail trail = w % 2 == 0 ? first : second;
            int writer = w;
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    trail.record(entry("w" + writer + "-" + i));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        awaitChained((long) writers * each);

        List<String> chained = chainedDetails();
        assertThat(chained).hasSize(writers * each).doesNotHaveDuplicates();
        for (int w = 0; w < writers; w++) {
            // Each writer's entries keep their order in the chain.
            String prefix = "w" + w + "-";
            assertThat(chained.stream().filter(d -> d.startsWith(prefix)).toList())
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, each).mapToObj(i -> prefix + i).toList());
        }
        assertThat(db.count("cg_audit_pending")).isZero();
        JpaAuditTrail.Verification v = second.verify();
        assertThat(v.intact()).as(v.problem()).isTrue();
        assertThat(v.entries()).isEqualTo((long) writers * each);
    }

    @Test
    void entriesLeftPendingByANodeThatStoppedAreChainedByTheNextChainer() throws Exception {
        JpaAuditTrail crashed = node();
        crashed.record(entry("before"));
        crashed.chainer().chainBatch();
        for (int i = 0; i < 20; i++) {
            crashed.record(entry("left " + i));
        }
        // The node dies here: its chainer never ran again. A batch that failed midway left nothing behind either.
        assertThat(db.count("cg_audit_pending")).isEqualTo(20);

        JpaAuditTrail restarted = node();
        restarted.chainer().start();
        awaitChained(21);
        assertThat(chainedDetails()).hasSize(21).startsWith("before", "left 0", "left 1").endsWith("left 19");
        assertThat(restarted.verify().intact()).isTrue();
    }

    @Test
    void stoppingChainsWhatWaits() throws Exception {
        JpaAuditTrail trail = node();
        trail.chainer().start();
        for (int i = 0; i < 50; i++) {
            trail.record(entry("e" + i));
        }
        trail.stop();
        assertThat(db.count("cg_audit")).isEqualTo(50);
        assertThat(db.count("cg_audit_pending")).isZero();
    }

    @Test
    void verifyStillFindsAnEntryChangedAfterItWasChained() throws Exception {
        JpaAuditTrail trail = node();
        for (int i = 0; i < 5; i++) {
            trail.record(entry("e" + i));
        }
        trail.chainer().chainBatch();
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("update cg_audit set detail = 'e9' where seq = 3");
        }
        JpaAuditTrail.Verification v = trail.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(3);
    }
}
