package org.civicgrid.core.cases.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.civicgrid.core.api.cases.CaseCategory;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.DirectoryService;
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
 * Routing rules as administrators manage them: the factory configurations {@code org.civicgrid.routing} that
 * {@link RoutingRule} reads, listed whether a file in {@code etc/} holds them or the API made them. A county
 * administrator manages the rules of its county's subtree, a city administrator the city's. Rules the API made are
 * kept in {@code etc/org.civicgrid.routing-console-<id>.cfg} and may be deleted through it; a rule from a file an
 * operator wrote stays the operator's (changed or removed in that file), so the file and the platform never disagree.
 */
@Component(service = RoutingRules.class)
public class RoutingRules {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingRules.class);
    private static final Pattern CODE = Pattern.compile("\\d{4}|\\d{6}|\\d{9}|\\d{12}");
    /** The name of a rule made through the API starts with this (and so does its file after the factory PID). */
    static final String CONSOLE = "console-";

    private final CaseConfigurations configurations;
    private final DirectoryService directory;
    private final RegionService regions;
    private final AuditTrail audit;
    private final Map<CaseCategory, String> categories = new ConcurrentHashMap<>();

    @Activate
    public RoutingRules(@Reference ConfigurationAdmin admin, @Reference DirectoryService directory,
                        @Reference RegionService regions, @Reference AuditTrail audit) {
        this.configurations = new CaseConfigurations(admin);
        this.directory = directory;
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
     * A routing rule as the API shows it.
     *
     * @param id the configuration's PID
     * @param source {@code console} for a rule made through the API, {@code file} for one an operator's file holds
     * @param file the file in {@code etc/} it is kept in, if any
     * @param deletable whether it may be deleted through the API
     */
    public record Rule(String id, String category, String regionCode, String unitId, String source, String file,
                       String changedBy, String changedAt, boolean deletable) {
    }

    /** A new rule: cases of the category ({@code *} for any) in the region's subtree go to the unit. */
    public record NewRule(String category, String regionCode, String unitId) {
    }

    /** The rules of a region's subtree (the caller's region when none is named), most general first. */
    public List<Rule> list(Caller caller, String regionCode) {
        CaseConfigurations.requireAdministrator(caller, "Routing rules");
        String region = regionCode == null || regionCode.isBlank() ? caller.regionCode() : regionCode.strip();
        if (!caller.reaches(region)) {
            throw new ProblemException(403, "Forbidden", "Region " + region + " is outside your area.");
        }
        return configurations.factory(RoutingRule.PID, null).stream().map(RoutingRules::rule)
                .filter(r -> r.regionCode() != null && r.regionCode().startsWith(region))
                .sorted(Comparator.comparing(Rule::regionCode).thenComparing(Rule::category).thenComparing(Rule::id))
                .toList();
    }

    /** Adds a rule of the caller's area; it applies to the next dispatch, and is audited. */
    public synchronized Rule add(Caller caller, NewRule request) {
        CaseConfigurations.requireAdministrator(caller, "Routing rules");
        if (request == null) {
            throw ProblemException.badRequest("Send the rule: {\"category\": …, \"regionCode\": …, \"unitId\": …}.");
        }
        String category = request.category() == null ? "" : request.category().strip();
        String region = request.regionCode() == null ? "" : request.regionCode().strip();
        String unit = request.unitId() == null ? "" : request.unitId().strip();
        if (category.isEmpty() || region.isEmpty() || unit.isEmpty()) {
            throw ProblemException.badRequest("A rule names a category (or * for any), a regionCode and a unitId.");
        }
        if (!CODE.matcher(region).matches() || regions.find(region).isEmpty()) {
            throw ProblemException.badRequest("regionCode " + region + " is not a division code of the platform.");
        }
        if (!caller.reaches(region)) {
            throw new ProblemException(403, "Forbidden", "Region " + region + " is outside your area.");
        }
        if (!"*".equals(category) && !categories.containsValue(category)) {
            throw ProblemException.badRequest("There is no category " + category + "; the categories are "
                    + categories.values().stream().sorted().toList() + ", or * for any.");
        }
        if (directory.unit(caller, unit).isEmpty()) {
            throw ProblemException.badRequest("Unit " + unit + " does not exist within your area.");
        }
        Optional<Rule> same = configurations.factory(RoutingRule.PID, null).stream().map(RoutingRules::rule)
                .filter(r -> category.equals(r.category()) && region.equals(r.regionCode())).findFirst();
        if (same.isPresent()) {
            throw new ProblemException(409, "Conflict", "A rule for " + category + " in " + region + " already sends "
                    + "cases to " + same.get().unitId() + " (" + same.get().id() + "); delete it first.");
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("category", category);
        properties.put("region", region);
        properties.put("unit", unit);
        properties.put(CaseConfigurations.CHANGED_BY, caller.userId());
        properties.put(CaseConfigurations.CHANGED_AT, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        String name = CONSOLE + UUID.randomUUID().toString().substring(0, 8);
        Configuration made = configurations.create(RoutingRule.PID, name, properties,
                "A routing rule added by " + caller.userId() + " through the API; delete it there (or this file).");
        Rule rule = rule(made.getPid(), properties);
        audit.record(AuditEntry.ok(caller.userId(), "routing.rule.add", "routing-rule", rule.id(), region,
                "added: " + describe(rule)));
        LOG.info("{} added the routing rule {}: {}", caller.userId(), rule.id(), describe(rule));
        return rule;
    }

    /** Deletes a rule the API made, of the caller's area; audited with what it was. */
    public synchronized void delete(Caller caller, String id) {
        CaseConfigurations.requireAdministrator(caller, "Routing rules");
        Configuration found = id == null ? null : configurations.factory(RoutingRule.PID,
                "(" + org.osgi.framework.Constants.SERVICE_PID + "=" + CaseConfigurations.escaped(id) + ")").stream()
                .findFirst().orElse(null);
        Rule rule = found == null ? null : rule(found.getPid(), found.getProperties());
        if (rule == null || rule.regionCode() == null || !caller.reaches(rule.regionCode())) {
            throw ProblemException.notFound("No routing rule " + id + " in your area.");
        }
        if (!rule.deletable()) {
            throw new ProblemException(409, "Conflict", "The rule " + id + " is kept in the file etc/" + rule.file()
                    + ", which the platform's operators manage: change or remove it there.");
        }
        CaseConfigurations.deleteWithFile(found);
        audit.record(AuditEntry.ok(caller.userId(), "routing.rule.delete", "routing-rule", rule.id(),
                rule.regionCode(), "deleted: " + describe(rule)));
        LOG.info("{} deleted the routing rule {}: {}", caller.userId(), rule.id(), describe(rule));
    }

    static String describe(Rule rule) {
        return rule.category() + " in " + rule.regionCode() + " → " + rule.unitId();
    }

    static Rule rule(Configuration configuration) {
        return rule(configuration.getPid(), configuration.getProperties());
    }

    /** A rule from its configuration's properties; a rule is the API's when it was named so and records who made it. */
    static Rule rule(String pid, Dictionary<String, Object> properties) {
        String category = text(properties, "category");
        String file = CaseConfigurations.fileOf(properties);
        boolean console = text(properties, CaseConfigurations.CHANGED_BY) != null
                && pid.contains(RoutingRule.PID + "~" + CONSOLE);
        return new Rule(pid, category == null ? "*" : category, text(properties, "region"), text(properties, "unit"),
                console ? "console" : "file", file, text(properties, CaseConfigurations.CHANGED_BY),
                text(properties, CaseConfigurations.CHANGED_AT), console);
    }

    private static String text(Dictionary<String, Object> properties, String key) {
        Object value = properties == null ? null : properties.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
