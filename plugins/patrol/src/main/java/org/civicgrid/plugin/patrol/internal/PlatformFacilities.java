package org.civicgrid.plugin.patrol.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.civicgrid.core.api.rest.ProblemException;
import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.AuditTrail;
import org.civicgrid.core.api.security.SensitiveData;
import org.civicgrid.core.api.time.PlatformClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's clock, audit trail and data protection as the plug-in uses them. Data protection is taken
 * dynamically: without it the plug-in keeps working and only refuses to store phone numbers.
 */
@Component(service = PlatformFacilities.class)
public class PlatformFacilities {

    static final String PHONE_CONTEXT = "pat_member.phone_sealed";

    private static final Logger LOG = LoggerFactory.getLogger(PlatformFacilities.class);

    private final PlatformClock clock;
    private final AuditTrail audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SensitiveData sensitive;

    @Activate
    public PlatformFacilities(@Reference PlatformClock clock, @Reference AuditTrail audit) {
        this.clock = clock;
        this.audit = audit;
    }

    /** Now, from the platform's clock. */
    Instant now() {
        return clock.now();
    }

    /** The zone calendar days are counted in. */
    ZoneId zone() {
        return clock.zone();
    }

    /** Now as stored: UTC, to the millisecond. */
    LocalDateTime nowUtc() {
        return utc(now());
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    static OffsetDateTime offset(LocalDateTime utc) {
        return utc == null ? null : utc.atOffset(ZoneOffset.UTC);
    }

    /** Records a committed write in the platform's audit trail. */
    void audit(String actor, String action, String objectType, String objectId, String regionCode, String detail) {
        try {
            audit.record(AuditEntry.ok(actor, action, objectType, objectId, regionCode, detail));
        } catch (RuntimeException e) {
            // The write is committed; losing its audit entry is an incident to look into, not the caller's error.
            LOG.error("Could not record audit entry {} {} {} by {}", action, objectType, objectId, actor, e);
        }
    }

    /** Seals a phone number for {@code pat_member}; refuses when the platform cannot protect it. */
    String sealPhone(String phone) {
        if (phone == null) {
            return null;
        }
        SensitiveData data = sensitive;
        if (data == null) {
            throw new ProblemException(503, "Data protection unavailable", "Phone numbers are stored only encrypted, "
                    + "and the platform's data protection is not running: register the member without a phone number "
                    + "or try again later.");
        }
        return data.seal(PHONE_CONTEXT, phone);
    }

    /** A stored phone number, masked (138****5678); {@code ***} when it cannot be opened now. */
    String maskedPhone(String sealed) {
        if (sealed == null) {
            return null;
        }
        SensitiveData data = sensitive;
        if (data == null) {
            return "***";
        }
        try {
            return org.civicgrid.core.api.security.Masking.phone(data.open(PHONE_CONTEXT, sealed));
        } catch (IllegalStateException e) {
            LOG.warn("A sealed phone number of pat_member could not be opened: {}", e.getMessage());
            return "***";
        }
    }
}
