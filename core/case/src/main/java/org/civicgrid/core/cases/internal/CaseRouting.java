package org.civicgrid.core.cases.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.civicgrid.core.api.cases.CaseLevel;
import org.civicgrid.core.api.directory.Unit;
import org.civicgrid.core.api.directory.UnitKind;

/**
 * Where a case goes when the dispatcher names no unit: the county's most specific routing rule; else the nearest
 * unit of the kind its category names (a plug-in's category may say "mediation committees handle these"); else the
 * nearest command centre — the fallback owner (兜底), so a case never stays unowned for want of a rule.
 *
 * <p>"Nearest" means serving the case's own place or a place above it, no lower than the case's level (an
 * escalated case goes to the county's unit, not back to the township's), and the deepest such unit wins.
 */
final class CaseRouting {

    /**
     * @param unitId the unit the case goes to
     * @param reason why, for the case's history; {@code null} when the dispatcher named the unit
     */
    record Route(String unitId, String reason) {
    }

    private CaseRouting() {
    }

    /**
     * @param units the units the dispatcher can see, read only when no rule fits
     * @return the route, or empty when no rule fits and no unit of either kind serves the place
     */
    static Optional<Route> choose(String category, String regionCode, CaseLevel level,
                                  Collection<RoutingRule> rules, Optional<UnitKind> categoryKind,
                                  Supplier<List<Unit>> units) {
        Optional<RoutingRule> rule = rules.stream()
                .filter(r -> r.fit(category, regionCode) >= 0)
                .max(Comparator.comparingInt(r -> r.fit(category, regionCode)));
        if (rule.isPresent()) {
            return Optional.of(new Route(rule.get().unit(), "routed by the rule " + rule.get()));
        }
        List<Unit> candidates = units.get();
        if (categoryKind.isPresent()) {
            Optional<Unit> handler = nearest(candidates, categoryKind.get(), regionCode, level);
            if (handler.isPresent()) {
                return Optional.of(new Route(handler.get().id(), "routed to the nearest "
                        + categoryKind.get() + " (" + handler.get().name() + "), which handles " + category));
            }
        }
        return nearest(candidates, UnitKind.COMMAND_CENTRE, regionCode, level)
                .map(centre -> new Route(centre.id(), "no routing rule fits " + category + " in " + regionCode
                        + ": the command centre " + centre.name() + " takes it (fallback owner)"));
    }

    static Optional<Unit> nearest(List<Unit> units, UnitKind kind, String regionCode, CaseLevel level) {
        int deepest = codeLength(level);
        return units.stream()
                .filter(u -> u.kind() == kind)
                .filter(u -> regionCode.startsWith(u.regionCode()) && u.regionCode().length() <= deepest)
                .max(Comparator.<Unit>comparingInt(u -> u.regionCode().length())
                        .thenComparing(Unit::id, Comparator.reverseOrder()));
    }

    /** The length of a division code at a level: city 4, county 6, township 9, village 12. */
    static int codeLength(CaseLevel level) {
        return switch (level) {
            case CITY -> 4;
            case COUNTY -> 6;
            case TOWNSHIP -> 9;
            case VILLAGE -> 12;
        };
    }
}
