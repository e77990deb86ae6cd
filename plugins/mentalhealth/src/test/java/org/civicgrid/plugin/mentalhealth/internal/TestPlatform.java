package org.civicgrid.plugin.mentalhealth.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.AuditTrail;
import org.civicgrid.core.api.security.SensitiveData;
import org.civicgrid.core.api.time.PlatformClock;

/** Stand-ins for the core's services: regions of 泽州县 and 沁水县, a movable clock, sealing, an audit list. */
final class TestPlatform {

    static final String ZEZHOU = "140525";
    static final String NANCUN = "140525100";
    static final String VILLAGE = "140525100200";
    static final String QINSHUI = "140521";
    static final String QINSHUI_VILLAGE = "140521100200";

    private TestPlatform() {
    }

    static RegionService regions() {
        Map<String, Region> known = Map.of(
                "1405", new Region("1405", "晋城市", RegionLevel.CITY, "14"),
                ZEZHOU, new Region(ZEZHOU, "泽州县", RegionLevel.COUNTY, "1405"),
                NANCUN, new Region(NANCUN, "南村镇", RegionLevel.TOWNSHIP, ZEZHOU),
                "140525101", new Region("140525101", "下村镇", RegionLevel.TOWNSHIP, ZEZHOU),
                VILLAGE, new Region(VILLAGE, "南村村委会", RegionLevel.VILLAGE, NANCUN),
                QINSHUI, new Region(QINSHUI, "沁水县", RegionLevel.COUNTY, "1405"),
                QINSHUI_VILLAGE, new Region(QINSHUI_VILLAGE, "南瑶村委会", RegionLevel.VILLAGE, "140521100"));
        return new RegionService() {
            @Override
            public Optional<Region> find(String code) {
                return Optional.ofNullable(known.get(code));
            }

            @Override
            public List<Region> children(String code) {
                return known.values().stream().filter(r -> code.equals(r.parentCode()))
                        .sorted(java.util.Comparator.comparing(Region::code)).toList();
            }

            @Override
            public long count() {
                return known.size();
            }
        };
    }

    /** A clock the test moves forward. */
    static final class MovableClock implements PlatformClock {
        private Instant now = Instant.parse("2025-04-01T02:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public ZoneId zone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock clock() {
            return Clock.fixed(now, zone());
        }
    }

    /** Reversible but not readable: the context is bound in, and the stored text never contains the value. */
    static final class FakeSealing implements SensitiveData {
        @Override
        public String seal(String context, String plaintext) {
            if (plaintext == null) {
                return null;
            }
            byte[] bytes = (context + "|" + plaintext).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] ^= 0x5A;
            }
            return "v1:" + Base64.getEncoder().encodeToString(bytes);
        }

        @Override
        public String open(String context, String sealed) {
            if (sealed == null) {
                return null;
            }
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] ^= 0x5A;
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (!text.startsWith(context + "|")) {
                throw new IllegalStateException("sealed for another context");
            }
            return text.substring(context.length() + 1);
        }

        @Override
        public String fingerprint(String context, String value) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(("key|" + context + "|" + value).getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Keeps every entry; can be made to fail, as an unavailable audit log would. */
    static final class RecordingAudit implements AuditTrail {
        final List<AuditEntry> entries = new ArrayList<>();
        boolean failing;

        @Override
        public void record(AuditEntry entry) {
            if (failing) {
                throw new IllegalStateException("audit log unavailable");
            }
            entries.add(entry);
        }

        List<String> actions() {
            return entries.stream().map(e -> e.actor() + ":" + e.action() + ":" + e.outcome()).toList();
        }
    }

    /** A valid resident ID number (GB 11643 check digit) with the given first 17 digits. */
    static String residentId(String first17) {
        return first17 + ResidentId.checkCharacter(first17);
    }
}
