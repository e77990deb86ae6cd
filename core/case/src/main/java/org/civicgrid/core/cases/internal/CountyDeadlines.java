package org.civicgrid.core.cases.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.civicgrid.core.api.cases.CaseCategory;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ProblemException;
import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.AuditTrail;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A county's (or township's) own deadlines and working calendar as administrators read and change them: the
 * factory configuration {@code org.civicgrid.cases.county} with its {@code region}, which {@link CountyCalendar}
 * applies. Saving edits the county's configuration where it is — a hand-written
 * {@code etc/org.civicgrid.cases.county-<name>.cfg} is written back in place — or makes
 * {@code etc/org.civicgrid.cases.county-<region>.cfg}. Settings are validated whole; refused settings change nothing.
 */
@Component(service = CountyDeadlines.class)
public class CountyDeadlines {

    private static final Logger LOG = LoggerFactory.getLogger(CountyDeadlines.class);
    private static final Pattern COUNTY_OR_TOWNSHIP = Pattern.compile("\\d{6}|\\d{9}");

    private final CaseConfigurations configurations;
    private final ConfigurationAdmin admin;
    private final RegionService regions;
    private final AuditTrail audit;
    private final Map<CaseCategory, String> categories = new ConcurrentHashMap<>();

    @Activate
    public CountyDeadlines(@Reference ConfigurationAdmin admin, @Reference RegionService regions,
                           @Reference AuditTrail audit) {
        this.admin = admin;
        this.configurations = new CaseConfigurations(admin);
        this.regions = regions;
        this.audit = audit;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCategory(CaseCategory category) {
        categories.put(category, category.code());
    }

    void removeCategory(CaseCategory category) {
        categories.remove(category);
    }

    /**
     * A region's deadlines as the API shows them.
     *
     * @param own whether the region has its own settings (else {@code settings} are those it inherits)
     * @param inheritedFrom where inherited settings come from: a county's region code, or {@code platform}
     *        ({@code etc/org.civicgrid.cases.cfg}); null when the region has its own
     * @param file the file in {@code etc/} its own settings are kept in, if any
     * @param settings the settings in force for the region's cases
     * @param defaults the platform-wide settings, which a region without its own follows
     */
    public record Deadlines(String regionCode, boolean own, String inheritedFrom, String file, String changedBy,
                            String changedAt, DeadlineSettings settings, DeadlineSettings defaults) {
    }

    /** The deadlines in force for a county or township of the caller's area (the caller's own when none is named). */
    public Deadlines read(Caller caller, String regionCode) {
        CaseConfigurations.requireAdministrator(caller, "Deadlines");
        String region = regionCode == null || regionCode.isBlank() ? caller.regionCode() : regionCode.strip();
        if (!caller.reaches(region)) {
            throw new ProblemException(403, "Forbidden", "Region " + region + " is outside your area.");
        }
        if (!COUNTY_OR_TOWNSHIP.matcher(region).matches()) {
            throw ProblemException.badRequest("Deadlines are set per county (6 digits) or township (9 digits), not for "
                    + region + ".");
        }
        return view(region);
    }

    /**
     * Saves a county's or township's own settings; what the request leaves out (null) keeps the value in force now.
     * Audited with each setting's value before and after.
     */
    public synchronized Deadlines save(Caller caller, String regionCode, DeadlineSettings request) {
        CaseConfigurations.requireAdministrator(caller, "Deadlines");
        String region = regionCode == null ? "" : regionCode.strip();
        // Anything outside the caller's area answers as if it did not exist: another county's code tells nothing.
        if (!COUNTY_OR_TOWNSHIP.matcher(region).matches() || !caller.reaches(region) || regions.find(region).isEmpty()) {
            throw ProblemException.notFound("No county or township " + regionCode + " in your area.");
        }
        if (request == null) {
            throw ProblemException.badRequest("Send the settings: officeHours, weekend, holidays, workedWeekendDays, "
                    + "registerMinutes, handleHours, categoryHandleHours, verifyHours, escalateAfterOverdueMinutes, "
                    + "warnBeforeMinutes.");
        }
        Deadlines before = view(region);
        DeadlineSettings settings = request.over(before.settings()).normalised();
        List<String> problems = settings.problems(Set.copyOf(categories.values()));
        if (!problems.isEmpty()) {
            LOG.warn("Deadlines of {} refused for {}: {}", region, caller.userId(), problems);
            throw ProblemException.badRequest(String.join(" ", problems));
        }
        List<Configuration> own = own(region);
        if (own.size() > 1) {
            throw new ProblemException(409, "Conflict", "Region " + region + " has " + own.size() + " calendar files ("
                    + own.stream().map(c -> String.valueOf(CaseConfigurations.fileOf(c.getProperties())))
                    .collect(Collectors.joining(", ")) + "); the platform's operators must keep one.");
        }
        Dictionary<String, Object> properties = settings.toConfiguration();
        properties.put("region", region);
        properties.put(CaseConfigurations.CHANGED_BY, caller.userId());
        properties.put(CaseConfigurations.CHANGED_AT, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        if (own.isEmpty()) {
            // The platform-wide time zone and attachment limit, which the county form does not show.
            Dictionary<String, Object> platform = platformProperties();
            for (String key : List.of("zone", "attachmentMaxKilobytes")) {
                Object value = platform == null ? null : platform.get(key);
                if (value != null) {
                    properties.put(key, value.toString());
                }
            }
            configurations.create(CasesConfiguration.COUNTY_PID, region, properties,
                    "The deadlines and working calendar of " + region + ", saved by " + caller.userId() + " through the API.");
        } else {
            Dictionary<String, Object> kept = own.get(0).getProperties();
            Hashtable<String, Object> merged = new Hashtable<>();
            for (String key : Collections.list(kept.keys())) {
                merged.put(key, kept.get(key));
            }
            for (String key : Collections.list(properties.keys())) {
                merged.put(key, properties.get(key));
            }
            CaseConfigurations.update(own.get(0), merged);
        }
        String changes = settings.changesFrom(before.settings());
        audit.record(AuditEntry.ok(caller.userId(), "case.deadlines.update", "case-deadlines", region, region,
                (before.own() ? "" : "own settings instead of " + before.inheritedFrom() + "'s; ") + changes));
        LOG.info("{} saved the deadlines of {}: {}", caller.userId(), region, changes);
        return view(region);
    }

    private Deadlines view(String region) {
        DeadlineSettings platform = DeadlineSettings.fromConfiguration(platformProperties()).over(DeadlineSettings.BUILT_IN);
        List<Configuration> own = own(region);
        if (!own.isEmpty()) {
            Dictionary<String, Object> p = own.get(0).getProperties();
            return new Deadlines(region, true, null, CaseConfigurations.fileOf(p), text(p, CaseConfigurations.CHANGED_BY),
                    text(p, CaseConfigurations.CHANGED_AT),
                    // What a county file leaves out takes the built-in defaults (CountyCalendar), not the platform's.
                    DeadlineSettings.fromConfiguration(p).over(DeadlineSettings.BUILT_IN), platform);
        }
        // A township without its own follows its county's, if the county has its own.
        for (int length = region.length() - 3; length >= 6; length -= 3) {
            List<Configuration> above = own(region.substring(0, length));
            if (!above.isEmpty()) {
                return new Deadlines(region, false, region.substring(0, length), null, null, null,
                        DeadlineSettings.fromConfiguration(above.get(0).getProperties()).over(DeadlineSettings.BUILT_IN),
                        platform);
            }
        }
        return new Deadlines(region, false, "platform", null, null, null, platform, platform);
    }

    private List<Configuration> own(String region) {
        return configurations.factory(CasesConfiguration.COUNTY_PID, "(region=" + CaseConfigurations.escaped(region) + ")");
    }

    private Dictionary<String, Object> platformProperties() {
        try {
            Configuration[] found = admin.listConfigurations("(" + org.osgi.framework.Constants.SERVICE_PID + "="
                    + CasesConfiguration.PID + ")");
            return found == null || found.length == 0 ? null : found[0].getProperties();
        } catch (java.io.IOException | org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException("Configuration Admin cannot list " + CasesConfiguration.PID, e);
        }
    }

    private static String text(Dictionary<String, Object> properties, String key) {
        Object value = properties == null ? null : properties.get(key);
        return value == null ? null : value.toString();
    }
}
