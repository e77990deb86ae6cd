package org.civicgrid.core.persistence.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.civicgrid.core.api.health.HealthIndicator;
import org.civicgrid.core.api.health.HealthReport;
import org.civicgrid.core.api.time.PlatformClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system clock, moved by a configured offset. Moving it changes the time every deadline, supervision round
 * and follow-up plan sees at once, which is what a drill or an integration test needs; the health report shows
 * any offset so a production site notices one left behind.
 */
@Component(service = {PlatformClock.class, HealthIndicator.class}, configurationPid = ClockConfiguration.PID)
@Designate(ocd = ClockConfiguration.class)
public class ConfigurableClock implements PlatformClock, HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurableClock.class);

    private final Clock system;
    private volatile Clock clock;

    @Activate
    public ConfigurableClock(ClockConfiguration configuration) {
        this(Clock.systemUTC(), configuration);
    }

    ConfigurableClock(Clock system, ClockConfiguration configuration) {
        this.system = system;
        configure(configuration);
    }

    @Modified
    void configure(ClockConfiguration configuration) {
        ZoneId zone;
        try {
            zone = ZoneId.of(configuration.zone().strip());
        } catch (RuntimeException e) {
            LOG.error("etc/{}.cfg: zone {} is not a time zone; using Asia/Shanghai", ClockConfiguration.PID,
                    configuration.zone());
            zone = ZoneId.of("Asia/Shanghai");
        }
        Duration offset = Duration.ofMinutes(configuration.offsetMinutes());
        clock = Clock.offset(system.withZone(zone), offset);
        if (!offset.isZero()) {
            LOG.warn("Platform time is moved by {} from the system clock (etc/{}.cfg offsetMinutes); "
                    + "deadlines and supervision follow it", offset, ClockConfiguration.PID);
        }
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public ZoneId zone() {
        return clock.getZone();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public HealthReport check() {
        Duration offset = Duration.between(system.instant(), clock.instant());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("now", now().atZone(zone()).toOffsetDateTime().toString());
        details.put("zone", zone().getId());
        long minutes = Math.round(offset.toSeconds() / 60.0);
        details.put("offsetMinutes", minutes);
        if (minutes != 0) {
            details.put("warning", "platform time is moved from the system clock; set offsetMinutes = 0 in production");
        }
        return new HealthReport("clock", true, details);
    }
}
