package org.civicgrid.core.api.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's time. Deadlines, supervision, follow-up plans and every recorded timestamp read it, never the
 * system clock directly, so that a drill or a test can move time forward for the whole platform at once
 * ({@code etc/org.civicgrid.clock.cfg}); in production it is the system clock.
 *
 * @since 1.0
 */
@ProviderType
public interface PlatformClock {

    /**
     * @return the current instant
     * @since 1.0
     */
    Instant now();

    /**
     * @return the zone the platform's calendar days are counted in (e.g. Asia/Shanghai)
     * @since 1.0
     */
    ZoneId zone();

    /**
     * @return a {@link Clock} reading {@link #now()} in {@link #zone()}, for {@code java.time} APIs
     * @since 1.0
     */
    Clock clock();
}
