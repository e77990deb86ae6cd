package org.civicgrid.core.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.civicgrid.core.api.cases.CaseLevel;
import org.civicgrid.core.api.directory.Unit;
import org.civicgrid.core.api.directory.UnitKind;
import org.junit.jupiter.api.Test;

/** Where a case goes when the dispatcher names no unit: rules, the category's own handler, the command centre. */
class CaseRoutingTest {

    private static final String VILLAGE = "140521100200";
    private static final String OTHER_VILLAGE = "140521101201";

    private static final Unit COUNTY_CENTRE = new Unit("qs-centre", "沁水县综治中心", UnitKind.COMMAND_CENTRE, "140521");
    private static final Unit TOWNSHIP_CENTRE = new Unit("lg-centre", "龙港镇综治中心", UnitKind.COMMAND_CENTRE, "140521100");
    private static final Unit NEIGHBOUR_CENTRE = new Unit("zz-centre", "某镇综治中心", UnitKind.COMMAND_CENTRE, "140521101");
    private static final Unit VILLAGE_MEDIATORS = new Unit("v-med", "村调委会", UnitKind.MEDIATION_COMMITTEE, VILLAGE);
    private static final Unit TOWNSHIP_MEDIATORS = new Unit("lg-med", "镇调委会", UnitKind.MEDIATION_COMMITTEE, "140521100");
    private static final Unit POLICE = new Unit("lg-police", "龙港派出所", UnitKind.POLICE_STATION, "140521100");
    private static final Unit OTHER_COUNTY_CENTRE = new Unit("yc-centre", "阳城县综治中心", UnitKind.COMMAND_CENTRE, "140522");

    private static final List<Unit> UNITS = List.of(COUNTY_CENTRE, TOWNSHIP_CENTRE, NEIGHBOUR_CENTRE, VILLAGE_MEDIATORS,
            TOWNSHIP_MEDIATORS, POLICE, OTHER_COUNTY_CENTRE);

    private static RoutingRule rule(String category, String region, String unit) {
        return new RoutingRule(category, region, unit);
    }

    private static Optional<CaseRouting.Route> route(String category, String region, CaseLevel level,
                                                     List<RoutingRule> rules, UnitKind kind) {
        return CaseRouting.choose(category, region, level, rules, Optional.ofNullable(kind), () -> UNITS);
    }

    @Test
    void theMostSpecificRegionWinsAndAnExactCategoryBeatsTheWildcard() {
        List<RoutingRule> rules = List.of(
                rule("*", "140521", "qs-centre"),
                rule("street-light", "140521", "qs-city-management"),
                rule("*", "140521100", "lg-centre"),
                rule("street-light", "140522", "yc-city-management"));

        assertThat(route("street-light", VILLAGE, CaseLevel.VILLAGE, rules, null))
                .map(CaseRouting.Route::unitId).contains("lg-centre");
        assertThat(route("street-light", OTHER_VILLAGE, CaseLevel.VILLAGE, rules, null))
                .map(CaseRouting.Route::unitId).contains("qs-city-management");
        assertThat(route("noise", OTHER_VILLAGE, CaseLevel.VILLAGE, rules, null))
                .map(CaseRouting.Route::unitId).contains("qs-centre");
        assertThat(route("street-light", "140522100200", CaseLevel.VILLAGE, rules, null))
                .map(CaseRouting.Route::unitId).contains("yc-city-management");
    }

    @Test
    void aRuleCoversItsSubtreeOnlyNotACodeThatMerelyStartsAlike() {
        RoutingRule county = rule("*", "140521", "qs-centre");

        assertThat(county.fit("noise", VILLAGE)).isPositive();
        assertThat(county.fit("noise", "140521")).isPositive();
        assertThat(county.fit("noise", "140522100200")).isNegative();
        assertThat(county.fit("noise", "1405")).isNegative();
        assertThat(rule("manhole", "140521", "x").fit("noise", VILLAGE)).isNegative();
    }

    @Test
    void aRuleIsReadBeforeAnyUnitIsLookedUp() {
        AtomicInteger lookups = new AtomicInteger();
        Supplier<List<Unit>> units = () -> {
            lookups.incrementAndGet();
            return UNITS;
        };

        Optional<CaseRouting.Route> routed = CaseRouting.choose("noise", VILLAGE, CaseLevel.VILLAGE,
                List.of(rule("*", "140521", "qs-centre")), Optional.empty(), units);

        assertThat(routed).map(CaseRouting.Route::reason).get().asString().contains("rule");
        assertThat(lookups).hasValue(0);
    }

    @Test
    void withoutARuleTheCategorysOwnKindOfUnitNearestThePlaceTakesIt() {
        assertThat(route("mediation-dispute", VILLAGE, CaseLevel.VILLAGE, List.of(), UnitKind.MEDIATION_COMMITTEE))
                .map(CaseRouting.Route::unitId).contains("v-med");
        // Another village of the same township has no committee of its own: the township's takes it.
        assertThat(route("mediation-dispute", "140521100201", CaseLevel.VILLAGE, List.of(), UnitKind.MEDIATION_COMMITTEE))
                .map(CaseRouting.Route::unitId).contains("lg-med");
        // A county's rule still wins over the category's wish.
        assertThat(route("mediation-dispute", VILLAGE, CaseLevel.VILLAGE, List.of(rule("*", "140521", "qs-centre")),
                UnitKind.MEDIATION_COMMITTEE)).map(CaseRouting.Route::unitId).contains("qs-centre");
    }

    @Test
    void withoutARuleTheNearestCommandCentreIsTheFallbackOwner() {
        Optional<CaseRouting.Route> village = route("noise", VILLAGE, CaseLevel.VILLAGE, List.of(), null);
        assertThat(village).map(CaseRouting.Route::unitId).contains("lg-centre");
        assertThat(village.get().reason()).contains("fallback").contains("龙港镇综治中心");

        // No committee anywhere near the neighbouring township: its command centre, not the first township's.
        assertThat(route("mediation-dispute", OTHER_VILLAGE, CaseLevel.VILLAGE, List.of(), UnitKind.MEDIATION_COMMITTEE))
                .map(CaseRouting.Route::unitId).contains("zz-centre");
    }

    @Test
    void anEscalatedCaseGoesToAUnitOfItsLevelNotBackDown() {
        assertThat(route("noise", VILLAGE, CaseLevel.TOWNSHIP, List.of(), null))
                .map(CaseRouting.Route::unitId).contains("lg-centre");
        assertThat(route("noise", VILLAGE, CaseLevel.COUNTY, List.of(), null))
                .map(CaseRouting.Route::unitId).contains("qs-centre");
        assertThat(route("mediation-dispute", VILLAGE, CaseLevel.COUNTY, List.of(), UnitKind.MEDIATION_COMMITTEE))
                .map(CaseRouting.Route::unitId).as("no county committee: the county's command centre").contains("qs-centre");
        assertThat(route("noise", VILLAGE, CaseLevel.CITY, List.of(), null)).isEmpty();
    }

    @Test
    void withNoRuleAndNoCommandCentreThereIsNoRoute() {
        Optional<CaseRouting.Route> none = CaseRouting.choose("noise", VILLAGE, CaseLevel.VILLAGE, List.of(),
                Optional.empty(), () -> List.of(POLICE, OTHER_COUNTY_CENTRE));

        assertThat(none).isEmpty();
    }
}
