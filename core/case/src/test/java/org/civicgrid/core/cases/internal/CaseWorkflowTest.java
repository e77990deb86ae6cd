package org.civicgrid.core.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.civicgrid.core.api.cases.CaseAction;
import org.civicgrid.core.api.cases.CaseLevel;
import org.civicgrid.core.api.cases.CaseState;
import org.civicgrid.core.api.cases.TransitionRequest;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.rest.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every state × every step: allowed exactly where the loop allows it, by whom it allows it. */
class CaseWorkflowTest {

    private static final String VILLAGE = "140521100200";
    private static final Caller OPERATOR = new Caller("op", Set.of(Role.COMMAND_OPERATOR), "140521", null);
    private static final Caller HANDLER = new Caller("h", Set.of(Role.DEPARTMENT_HANDLER), "140521", "judicial-1");
    private static final Caller OTHER_UNIT = new Caller("h2", Set.of(Role.DEPARTMENT_HANDLER), "140521", "police-1");
    private static final Caller WORKER = new Caller("gw", Set.of(Role.GRID_WORKER), "140521100", null);
    private static final Caller REPORTER = new Caller("resident", Set.of(Role.RESIDENT), "140521100200", null);
    private static final Caller OTHER_COUNTY_OPERATOR = new Caller("op2", Set.of(Role.COMMAND_OPERATOR), "140522", null);

    /** Expected outcome of each step from the state that allows it. */
    private static final Map<CaseAction, CaseState> LEADS_TO = Map.ofEntries(
            Map.entry(CaseAction.REGISTER, CaseState.REGISTERED),
            Map.entry(CaseAction.REJECT, CaseState.REJECTED),
            Map.entry(CaseAction.DISPATCH, CaseState.DISPATCHED),
            Map.entry(CaseAction.ACCEPT, CaseState.IN_HANDLING),
            Map.entry(CaseAction.RETURN, CaseState.RETURNED),
            Map.entry(CaseAction.REDISPATCH, CaseState.DISPATCHED),
            Map.entry(CaseAction.REQUEST_EXTENSION, CaseState.EXTENSION_REQUESTED),
            Map.entry(CaseAction.GRANT_EXTENSION, CaseState.IN_HANDLING),
            Map.entry(CaseAction.DENY_EXTENSION, CaseState.IN_HANDLING),
            Map.entry(CaseAction.ESCALATE, CaseState.REGISTERED),
            Map.entry(CaseAction.HANDLE, CaseState.HANDLED),
            Map.entry(CaseAction.VERIFY, CaseState.VERIFIED),
            Map.entry(CaseAction.SEND_BACK, CaseState.IN_HANDLING),
            Map.entry(CaseAction.CLOSE, CaseState.CLOSED),
            Map.entry(CaseAction.REOPEN, CaseState.REGISTERED));

    /** The loop as the domain describes it, written out independently of the rule table. */
    private static final Map<CaseAction, Set<CaseState>> ALLOWED_FROM = Map.ofEntries(
            Map.entry(CaseAction.REGISTER, EnumSet.of(CaseState.REPORTED)),
            Map.entry(CaseAction.REJECT, EnumSet.of(CaseState.REPORTED)),
            Map.entry(CaseAction.DISPATCH, EnumSet.of(CaseState.REGISTERED)),
            Map.entry(CaseAction.ACCEPT, EnumSet.of(CaseState.DISPATCHED)),
            Map.entry(CaseAction.RETURN, EnumSet.of(CaseState.DISPATCHED, CaseState.IN_HANDLING)),
            Map.entry(CaseAction.REDISPATCH, EnumSet.of(CaseState.RETURNED)),
            Map.entry(CaseAction.REQUEST_EXTENSION, EnumSet.of(CaseState.IN_HANDLING)),
            Map.entry(CaseAction.GRANT_EXTENSION, EnumSet.of(CaseState.EXTENSION_REQUESTED)),
            Map.entry(CaseAction.DENY_EXTENSION, EnumSet.of(CaseState.EXTENSION_REQUESTED)),
            Map.entry(CaseAction.ESCALATE, EnumSet.of(CaseState.REGISTERED, CaseState.DISPATCHED, CaseState.IN_HANDLING,
                    CaseState.RETURNED)),
            Map.entry(CaseAction.HANDLE, EnumSet.of(CaseState.IN_HANDLING)),
            Map.entry(CaseAction.VERIFY, EnumSet.of(CaseState.HANDLED)),
            Map.entry(CaseAction.SEND_BACK, EnumSet.of(CaseState.HANDLED)),
            Map.entry(CaseAction.CLOSE, EnumSet.of(CaseState.VERIFIED)),
            Map.entry(CaseAction.REOPEN, EnumSet.of(CaseState.CLOSED, CaseState.REJECTED)),
            Map.entry(CaseAction.RATE, EnumSet.of(CaseState.VERIFIED, CaseState.CLOSED)),
            Map.entry(CaseAction.ATTACH, EnumSet.of(CaseState.REPORTED, CaseState.REGISTERED, CaseState.DISPATCHED,
                    CaseState.IN_HANDLING, CaseState.EXTENSION_REQUESTED, CaseState.RETURNED, CaseState.HANDLED,
                    CaseState.VERIFIED)),
            Map.entry(CaseAction.SUPERVISE, EnumSet.of(CaseState.REPORTED, CaseState.REGISTERED, CaseState.DISPATCHED,
                    CaseState.IN_HANDLING, CaseState.EXTENSION_REQUESTED, CaseState.RETURNED, CaseState.HANDLED)),
            Map.entry(CaseAction.WARN, EnumSet.of(CaseState.REPORTED, CaseState.REGISTERED, CaseState.DISPATCHED,
                    CaseState.IN_HANDLING, CaseState.EXTENSION_REQUESTED, CaseState.RETURNED, CaseState.HANDLED)));

    static Stream<Arguments> everyStateAndStep() {
        return Stream.of(CaseState.values())
                .flatMap(state -> Stream.of(CaseAction.values()).map(action -> Arguments.of(state, action)));
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("everyStateAndStep")
    void aStepIsAllowedExactlyFromItsStates(CaseState state, CaseAction action) {
        Caller actor = rightfulActor(action);
        CaseWorkflow.Facts facts = new CaseWorkflow.Facts(state, CaseLevel.TOWNSHIP, VILLAGE, "resident", "judicial-1", null);
        TransitionRequest request = completeRequest(action);
        if (byPlatformOnly(action) && ALLOWED_FROM.get(action).contains(state)) {
            assertThatThrownBy(() -> CaseWorkflow.check(OPERATOR, facts, request))
                    .hasMessageContaining("supervision only")
                    .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(403));
        } else if (ALLOWED_FROM.get(action).contains(state)) {
            CaseState next = CaseWorkflow.check(actor, facts, request);
            assertThat(next).isEqualTo(action == CaseAction.RATE || action == CaseAction.ATTACH ? state : LEADS_TO.get(action));
        } else {
            assertThatThrownBy(() -> CaseWorkflow.check(actor, facts, request))
                    .isInstanceOf(ProblemException.class)
                    .hasMessageContaining("not allowed while the case is " + state)
                    .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(409));
        }
    }

    @ParameterizedTest(name = "{0} by the wrong people")
    @MethodSource("steps")
    void onlyTheRightfulActorMayTakeAStep(CaseAction action) {
        CaseState from = ALLOWED_FROM.get(action).iterator().next();
        CaseWorkflow.Facts facts = new CaseWorkflow.Facts(from, CaseLevel.TOWNSHIP, VILLAGE, "resident", "judicial-1", null);
        Caller rightful = rightfulActor(action);
        for (Caller other : new Caller[] {OPERATOR, HANDLER, OTHER_UNIT, WORKER, REPORTER, OTHER_COUNTY_OPERATOR}) {
            boolean allowed = CaseWorkflow.mayAct(other, CaseWorkflow.RULES.get(action).actor(), facts);
            if (other == rightful && !byPlatformOnly(action)) {
                assertThat(allowed).as("%s by %s", action, other.userId()).isTrue();
            }
            boolean anyoneInTheArea = CaseWorkflow.RULES.get(action).actor() == CaseWorkflow.Actor.PARTICIPANT;
            if (other == OTHER_COUNTY_OPERATOR || (other == OTHER_UNIT && !anyoneInTheArea)) {
                assertThat(allowed).as("%s by %s", action, other.userId()).isFalse();
            }
            if (!allowed) {
                assertThatThrownBy(() -> CaseWorkflow.check(other, facts, completeRequest(action)))
                        .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(403));
            }
        }
    }

    private static boolean byPlatformOnly(CaseAction action) {
        return CaseWorkflow.RULES.get(action).actor() == CaseWorkflow.Actor.PLATFORM;
    }

    static Stream<CaseAction> steps() {
        return Stream.of(CaseAction.values());
    }

    @Test
    void stepsThatNeedAReasonRefuseWithoutOne() {
        for (CaseAction action : EnumSet.of(CaseAction.REJECT, CaseAction.RETURN, CaseAction.REQUEST_EXTENSION,
                CaseAction.DENY_EXTENSION, CaseAction.ESCALATE, CaseAction.HANDLE, CaseAction.VERIFY,
                CaseAction.SEND_BACK, CaseAction.REOPEN)) {
            CaseState from = ALLOWED_FROM.get(action).iterator().next();
            CaseWorkflow.Facts facts = new CaseWorkflow.Facts(from, CaseLevel.TOWNSHIP, VILLAGE, "resident", "judicial-1", null);
            TransitionRequest full = completeRequest(action);
            TransitionRequest bare = new TransitionRequest(action, " ", full.unitId(), full.extensionHours(), full.rating());
            assertThatThrownBy(() -> CaseWorkflow.check(rightfulActor(action), facts, bare))
                    .as(action.name()).hasMessageContaining("needs a note");
        }
    }

    @Test
    void extensionsRatingsAndEscalationHaveTheirLimits() {
        CaseWorkflow.Facts handling = new CaseWorkflow.Facts(CaseState.IN_HANDLING, CaseLevel.TOWNSHIP, VILLAGE, "resident", "judicial-1", null);
        assertThatThrownBy(() -> CaseWorkflow.check(HANDLER, handling,
                new TransitionRequest(CaseAction.REQUEST_EXTENSION, "need parts", null, 0, null))).hasMessageContaining("1 to 720");
        CaseWorkflow.Facts closed = new CaseWorkflow.Facts(CaseState.CLOSED, CaseLevel.TOWNSHIP, VILLAGE, "resident", "judicial-1", null);
        assertThatThrownBy(() -> CaseWorkflow.check(REPORTER, closed,
                new TransitionRequest(CaseAction.RATE, null, null, null, 6))).hasMessageContaining("1 to 5");
        CaseWorkflow.Facts rated = new CaseWorkflow.Facts(CaseState.CLOSED, CaseLevel.TOWNSHIP, VILLAGE, "resident", "judicial-1", 4);
        assertThatThrownBy(() -> CaseWorkflow.check(REPORTER, rated,
                new TransitionRequest(CaseAction.RATE, null, null, null, 5))).hasMessageContaining("already been rated");
        CaseWorkflow.Facts atCity = new CaseWorkflow.Facts(CaseState.IN_HANDLING, CaseLevel.CITY, VILLAGE, "resident", "judicial-1", null);
        Caller cityOperator = new Caller("cop", Set.of(Role.COMMAND_OPERATOR), "1405", null);
        assertThatThrownBy(() -> CaseWorkflow.check(cityOperator, atCity,
                new TransitionRequest(CaseAction.ESCALATE, "too big", null, null, null))).hasMessageContaining("city level");
    }

    @Test
    void everyStepHasARule() {
        assertThat(CaseWorkflow.RULES.keySet()).containsExactlyInAnyOrder(CaseAction.values());
        assertThat(ALLOWED_FROM.keySet()).containsExactlyInAnyOrder(CaseAction.values());
    }

    private static Caller rightfulActor(CaseAction action) {
        return switch (CaseWorkflow.RULES.get(action).actor()) {
            case COMMAND_CENTRE -> OPERATOR;
            case ASSIGNED_UNIT -> HANDLER;
            case VERIFIER, VERIFIER_OR_COMMAND_CENTRE -> WORKER;
            case REPORTER -> REPORTER;
            case PLATFORM -> OPERATOR;
            case PARTICIPANT -> WORKER;
        };
    }

    private static TransitionRequest completeRequest(CaseAction action) {
        return new TransitionRequest(action, "because", "judicial-1",
                action == CaseAction.REQUEST_EXTENSION || action == CaseAction.GRANT_EXTENSION ? 8 : null,
                action == CaseAction.RATE ? 5 : null);
    }

    /**
     * What a client is offered is exactly what the platform accepts: for every state, level, rating and caller, a
     * step is among the available ones if and only if taking it (with its inputs) passes the workflow's check.
     */
    @Test
    void theAvailableStepsAreExactlyTheStepsTheCheckAccepts() {
        int compared = 0;
        for (CaseState state : CaseState.values()) {
            for (CaseLevel level : CaseLevel.values()) {
                for (Integer rating : new Integer[] {null, 4}) {
                    CaseWorkflow.Facts facts = new CaseWorkflow.Facts(state, level, VILLAGE, "resident", "judicial-1", rating);
                    for (Caller caller : new Caller[] {OPERATOR, HANDLER, OTHER_UNIT, WORKER, REPORTER, OTHER_COUNTY_OPERATOR}) {
                        Set<CaseAction> offered = EnumSet.noneOf(CaseAction.class);
                        CaseWorkflow.available(caller, facts).forEach(step -> offered.add(step.action()));
                        for (CaseAction action : CaseAction.values()) {
                            if (action == CaseAction.ATTACH || CaseWorkflow.RULES.get(action) == null) {
                                continue;
                            }
                            boolean accepted;
                            try {
                                CaseWorkflow.check(caller, facts, new TransitionRequest(action, "因为", "judicial-1", 8, 5));
                                accepted = true;
                            } catch (ProblemException refused) {
                                accepted = false;
                            }
                            assertThat(offered.contains(action)).as(action + " for " + caller.userId() + " on " + facts)
                                    .isEqualTo(accepted);
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
        assertThat(CaseWorkflow.available(OPERATOR, new CaseWorkflow.Facts(CaseState.REGISTERED, CaseLevel.TOWNSHIP,
                VILLAGE, "resident", null, null))).filteredOn(step -> step.action() == CaseAction.DISPATCH)
                .singleElement().satisfies(step -> assertThat(step.takesUnit()).isTrue());
    }
}
