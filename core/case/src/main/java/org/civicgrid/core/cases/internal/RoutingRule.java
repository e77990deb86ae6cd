package org.civicgrid.core.cases.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One routing rule, from a factory configuration {@code etc/org.civicgrid.routing-<name>.cfg}: cases of a
 * category (or {@code *}) in a region's subtree go to a unit. The most specific region wins; a rule with
 * category {@code *} for a county is its fallback owner (兜底), usually the county command centre.
 */
@Component(service = RoutingRule.class, configurationPid = RoutingRule.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RoutingRule.Config.class, factory = true)
public class RoutingRule {

    static final String PID = "org.civicgrid.routing";

    @ObjectClassDefinition(name = "civicgrid routing rule", description = "category × region → responsible unit")
    public @interface Config {
        @AttributeDefinition(name = "Category", description = "Case category code, or * for any")
        String category() default "*";

        @AttributeDefinition(name = "Region", description = "Division code; the rule covers its subtree")
        String region();

        @AttributeDefinition(name = "Unit", description = "Id of the responsible unit")
        String unit();
    }

    private final String category;
    private final String region;
    private final String unit;

    @Activate
    public RoutingRule(Config config) {
        this(config.category().trim(), config.region().trim(), config.unit().trim());
    }

    RoutingRule(String category, String region, String unit) {
        this.category = category;
        this.region = region;
        this.unit = unit;
    }

    /** How well the rule fits a case: -1 if not at all, higher is more specific. */
    int fit(String caseCategory, String caseRegion) {
        if (!caseRegion.startsWith(region)) {
            return -1;
        }
        boolean exact = category.equals(caseCategory);
        if (!exact && !"*".equals(category)) {
            return -1;
        }
        return region.length() * 2 + (exact ? 1 : 0);
    }

    String unit() {
        return unit;
    }

    @Override
    public String toString() {
        return category + " in " + region + " → " + unit;
    }
}
