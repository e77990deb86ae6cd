package org.civicgrid.plugin.mediation.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.AuditTrail;
import org.civicgrid.core.api.security.SensitiveData;
import org.civicgrid.core.api.time.PlatformClock;

/** Stand-ins for the core's clock, sealing and audit trail. */
final class Fakes {

    private Fakes() {
    }

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** A clock the test moves. */
    static final class MovableClock implements PlatformClock {
        volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void plusDays(long days) {
            now = now.plusSeconds(days * 86_400);
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public ZoneId zone() {
            return CHINA;
        }

        @Override
        public Clock clock() {
            return Clock.fixed(now, CHINA);
        }
    }

    /** Seals reversibly and visibly: the value never appears in the clear, the context must match to open. */
    static final class Sealing implements SensitiveData {
        @Override
        public String seal(String context, String plaintext) {
            return plaintext == null ? null : "sealed:" + context + ":" + Base64.getEncoder()
                    .encodeToString(plaintext.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String open(String context, String sealed) {
            if (sealed == null) {
                return null;
            }
            String prefix = "sealed:" + context + ":";
            if (!sealed.startsWith(prefix)) {
                throw new IllegalStateException("sealed for another context");
            }
            return new String(Base64.getDecoder().decode(sealed.substring(prefix.length())), StandardCharsets.UTF_8);
        }

        @Override
        public String fingerprint(String context, String value) {
            return value == null ? null : String.format("%064x", (context + value).hashCode() & 0xffffffffL);
        }
    }

    /** Keeps the entries. */
    static final class Audit implements AuditTrail {
        final List<AuditEntry> entries = new CopyOnWriteArrayList<>();

        @Override
        public void record(AuditEntry entry) {
            entries.add(entry);
        }

        List<String> actions() {
            return entries.stream().map(AuditEntry::action).toList();
        }
    }
}
