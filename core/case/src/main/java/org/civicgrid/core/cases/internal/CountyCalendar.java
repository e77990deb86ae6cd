package org.civicgrid.core.cases.internal;

import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One county's calendar and deadlines, from {@code etc/org.civicgrid.cases.county-<name>.cfg}. A county's own
 * holidays, working hours and deadlines replace the platform-wide ones for the cases in its region; settings the
 * file leaves out take the built-in defaults.
 */
@Component(service = CountyCalendar.class, configurationPid = CasesConfiguration.COUNTY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = CasesConfiguration.class, factory = true)
public class CountyCalendar {

    private static final Logger LOG = LoggerFactory.getLogger(CountyCalendar.class);
    private static final Pattern REGION = Pattern.compile("\\d{6}(\\d{3})?");

    private final String region;
    private final JpaCaseService.Deadlines deadlines;
    private final String summary;

    @Activate
    public CountyCalendar(CasesConfiguration configuration) {
        String code = configuration.region() == null ? "" : configuration.region().strip();
        if (!REGION.matcher(code).matches()) {
            LOG.error("A {}-*.cfg file has region '{}': it must be a county (6 digits) or township (9 digits) code; "
                    + "the file is ignored", CasesConfiguration.COUNTY_PID, code);
            throw new IllegalArgumentException("region " + code + " is not a county or township code");
        }
        try {
            this.deadlines = JpaCaseService.Deadlines.of(configuration);
        } catch (RuntimeException e) {
            LOG.error("The calendar of region {} ({}-*.cfg) is not valid and is ignored: {}", code,
                    CasesConfiguration.COUNTY_PID, e.getMessage());
            throw e;
        }
        this.region = code;
        this.summary = "office hours " + configuration.officeHours() + ", register within " + configuration.registerMinutes()
                + " min, handle within " + configuration.handleHours() + " h, " + configuration.holidays().length
                + " holiday entries";
        LOG.info("Region {} has its own case calendar: office hours {}, handle within {} working hours", code,
                configuration.officeHours(), configuration.handleHours());
    }

    CountyCalendar(String region, JpaCaseService.Deadlines deadlines) {
        this.region = region;
        this.deadlines = deadlines;
        this.summary = "own calendar";
    }

    String region() {
        return region;
    }

    @Override
    public String toString() {
        return region + ": " + summary;
    }

    JpaCaseService.Deadlines deadlines() {
        return deadlines;
    }
}
