package org.civicgrid.core.cases.internal;

import static org.civicgrid.core.api.cases.CaseState.CLOSED;
import static org.civicgrid.core.api.cases.CaseState.DISPATCHED;
import static org.civicgrid.core.api.cases.CaseState.EXTENSION_REQUESTED;
import static org.civicgrid.core.api.cases.CaseState.HANDLED;
import static org.civicgrid.core.api.cases.CaseState.IN_HANDLING;
import static org.civicgrid.core.api.cases.CaseState.REGISTERED;
import static org.civicgrid.core.api.cases.CaseState.REJECTED;
import static org.civicgrid.core.api.cases.CaseState.REPORTED;
import static org.civicgrid.core.api.cases.CaseState.RETURNED;
import static org.civicgrid.core.api.cases.CaseState.VERIFIED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.civicgrid.core.api.cases.CaseAction;
import org.civicgrid.core.api.cases.CaseLevel;
import org.civicgrid.core.api.cases.CaseState;
import org.civicgrid.core.api.cases.TransitionRequest;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.rest.ProblemException;

/**
 * The loop as data: for each step, the states it is allowed from, the state it leads to, who may take it and
 * what it needs. {@link #check} refuses a step with the reason (409 wrong state, 403 not the caller's, 400
 * missing input) before anything is written.
 */
final class CaseWorkflow {

    /** The longest note a step keeps (the {@code note} column of {@code cg_case_step}). */
    static final int NOTE_MAX = 2000;

    /** Who, besides a role holder within the area, may take a step. */
    enum Actor {
        /** A command-centre operator whose area contains the case. */
        COMMAND_CENTRE,
        /** A handler of the unit the case is dispatched to. */
        ASSIGNED_UNIT,
        /** A grid worker or grid leader of the area, or the reporter. */
        VERIFIER,
        /** A verifier or the command centre. */
        VERIFIER_OR_COMMAND_CENTRE,
        /** The reporter. */
        REPORTER,
        /** The platform itself (supervision); no caller may take the step. */
        PLATFORM,
        /** The reporter, or anyone in the area who works on cases (any role but resident). */
        PARTICIPANT
    }

    /** A step's rule. {@code to == null} means the state does not change. */
    record Rule(Set<CaseState> from, CaseState to, Actor actor, boolean needsNote) {
    }

    static final Map<CaseAction, Rule> RULES = new EnumMap<>(CaseAction.class);

    static {
        rule(CaseAction.REGISTER, EnumSet.of(REPORTED), REGISTERED, Actor.COMMAND_CENTRE, false);
        rule(CaseAction.REJECT, EnumSet.of(REPORTED), REJECTED, Actor.COMMAND_CENTRE, true);
        rule(CaseAction.DISPATCH, EnumSet.of(REGISTERED), DISPATCHED, Actor.COMMAND_CENTRE, false);
        rule(CaseAction.ACCEPT, EnumSet.of(DISPATCHED), IN_HANDLING, Actor.ASSIGNED_UNIT, false);
        rule(CaseAction.RETURN, EnumSet.of(DISPATCHED, IN_HANDLING), RETURNED, Actor.ASSIGNED_UNIT, true);
        rule(CaseAction.REDISPATCH, EnumSet.of(RETURNED), DISPATCHED, Actor.COMMAND_CENTRE, false);
        rule(CaseAction.REQUEST_EXTENSION, EnumSet.of(IN_HANDLING), EXTENSION_REQUESTED, Actor.ASSIGNED_UNIT, true);
        rule(CaseAction.GRANT_EXTENSION, EnumSet.of(EXTENSION_REQUESTED), IN_HANDLING, Actor.COMMAND_CENTRE, false);
        rule(CaseAction.DENY_EXTENSION, EnumSet.of(EXTENSION_REQUESTED), IN_HANDLING, Actor.COMMAND_CENTRE, true);
        rule(CaseAction.ESCALATE, EnumSet.of(REGISTERED, DISPATCHED, IN_HANDLING, RETURNED), REGISTERED,
                Actor.COMMAND_CENTRE, true);
        rule(CaseAction.HANDLE, EnumSet.of(IN_HANDLING), HANDLED, Actor.ASSIGNED_UNIT, true);
        rule(CaseAction.VERIFY, EnumSet.of(HANDLED), VERIFIED, Actor.VERIFIER, true);
        rule(CaseAction.SEND_BACK, EnumSet.of(HANDLED), IN_HANDLING, Actor.VERIFIER_OR_COMMAND_CENTRE, true);
        rule(CaseAction.CLOSE, EnumSet.of(VERIFIED), CLOSED, Actor.COMMAND_CENTRE, false);
        rule(CaseAction.REOPEN, EnumSet.of(CLOSED, REJECTED), REGISTERED, Actor.COMMAND_CENTRE, true);
        rule(CaseAction.RATE, EnumSet.of(VERIFIED, CLOSED), null, Actor.REPORTER, false);
        rule(CaseAction.ATTACH, EnumSet.of(REPORTED, REGISTERED, DISPATCHED, IN_HANDLING, EXTENSION_REQUESTED,
                RETURNED, HANDLED, VERIFIED), null, Actor.PARTICIPANT, false);
        rule(CaseAction.SUPERVISE, EnumSet.of(REPORTED, REGISTERED, DISPATCHED, IN_HANDLING, EXTENSION_REQUESTED,
                RETURNED, HANDLED), null, Actor.PLATFORM, false);
        rule(CaseAction.WARN, EnumSet.of(REPORTED, REGISTERED, DISPATCHED, IN_HANDLING, EXTENSION_REQUESTED,
                RETURNED, HANDLED), null, Actor.PLATFORM, false);
        if (RULES.size() != CaseAction.values().length) {
            throw new IllegalStateException("Every case action needs a rule");
        }
    }

    private static void rule(CaseAction action, Set<CaseState> from, CaseState to, Actor actor, boolean needsNote) {
        RULES.put(action, new Rule(Set.copyOf(from), to, actor, needsNote));
    }

    /**
     * The steps that put a case on someone's to-do list: the loop's next move, not the steps anyone may take at any
     * time (escalating, reopening, attaching, rating) nor the command centre's right to send back what a grid
     * worker verifies.
     */
    static final Set<CaseAction> TO_DO = EnumSet.of(CaseAction.REGISTER, CaseAction.DISPATCH, CaseAction.ACCEPT,
            CaseAction.REDISPATCH, CaseAction.GRANT_EXTENSION, CaseAction.HANDLE, CaseAction.VERIFY, CaseAction.CLOSE);

    /** @return the states in which a case waits on the given kind of actor, from the rule table */
    static Set<CaseState> waitingOn(Actor actor) {
        Set<CaseState> states = EnumSet.noneOf(CaseState.class);
        TO_DO.stream().map(RULES::get).filter(rule -> rule.actor() == actor).forEach(rule -> states.addAll(rule.from()));
        return states;
    }

    /** What the workflow needs to know about a case. */
    record Facts(CaseState state, CaseLevel level, String regionCode, String reporterId, String unitId,
                 Integer rating) {
    }

    private CaseWorkflow() {
    }

    /**
     * @return the state the step leads to
     * @throws ProblemException if the step is not allowed, not the caller's, or lacks an input
     */
    static CaseState check(Caller caller, Facts facts, TransitionRequest request) {
        if (request == null || request.action() == null) {
            throw ProblemException.badRequest("Name the step: action, one of " + java.util.List.of(CaseAction.values()) + ".");
        }
        CaseAction action = request.action();
        Rule rule = RULES.get(action);
        if (!rule.from().contains(facts.state())) {
            throw new ProblemException(409, "Step not allowed",
                    action + " is not allowed while the case is " + facts.state() + "; it is allowed from "
                            + new java.util.TreeSet<>(rule.from()) + ".");
        }
        if (!mayAct(caller, rule.actor(), facts)) {
            throw new ProblemException(403, "Forbidden", action + " is for " + describe(rule.actor()) + ".");
        }
        if (rule.needsNote() && (request.note() == null || request.note().isBlank())) {
            throw ProblemException.badRequest(action + " needs a note saying why.");
        }
        if (request.note() != null && request.note().length() > NOTE_MAX) {
            throw ProblemException.badRequest("The note has " + request.note().length() + " characters; at most "
                    + NOTE_MAX + ".");
        }
        switch (action) {
            case REQUEST_EXTENSION, GRANT_EXTENSION -> {
                if (action == CaseAction.REQUEST_EXTENSION || request.extensionHours() != null) {
                    Integer hours = request.extensionHours();
                    if (hours == null || hours < 1 || hours > 720) {
                        throw ProblemException.badRequest(action + " needs extensionHours, 1 to 720 working hours.");
                    }
                }
            }
            case ESCALATE -> {
                if (facts.level().up() == null) {
                    throw new ProblemException(409, "Step not allowed", "The case is already at city level; there is no level above.");
                }
            }
            case RATE -> {
                if (request.rating() == null || request.rating() < 1 || request.rating() > 5) {
                    throw ProblemException.badRequest("RATE needs a rating from 1 to 5.");
                }
                if (facts.rating() != null) {
                    throw new ProblemException(409, "Step not allowed", "The case has already been rated.");
                }
            }
            default -> {
            }
        }
        return rule.to() == null ? facts.state() : rule.to();
    }

    /** @return the steps the caller may take on a case in its present state, with what each asks for */
    static java.util.List<org.civicgrid.core.api.cases.AvailableStep> available(Caller caller, Facts facts) {
        java.util.List<org.civicgrid.core.api.cases.AvailableStep> steps = new java.util.ArrayList<>();
        RULES.forEach((action, rule) -> {
            if (action == CaseAction.ATTACH || !rule.from().contains(facts.state()) || !mayAct(caller, rule.actor(), facts)
                    || action == CaseAction.ESCALATE && facts.level().up() == null
                    || action == CaseAction.RATE && facts.rating() != null) {
                return;
            }
            steps.add(new org.civicgrid.core.api.cases.AvailableStep(action, rule.needsNote(),
                    action == CaseAction.DISPATCH || action == CaseAction.REDISPATCH,
                    action == CaseAction.REQUEST_EXTENSION, action == CaseAction.RATE));
        });
        return steps;
    }

    static boolean mayAct(Caller caller, Actor actor, Facts facts) {
        boolean inArea = caller.reaches(facts.regionCode());
        boolean commandCentre = inArea && caller.has(Role.COMMAND_OPERATOR);
        boolean reporter = caller.userId().equals(facts.reporterId());
        boolean verifier = reporter || (inArea && (caller.has(Role.GRID_WORKER) || caller.has(Role.GRID_LEADER)));
        return switch (actor) {
            case COMMAND_CENTRE -> commandCentre;
            case ASSIGNED_UNIT -> inArea && caller.has(Role.DEPARTMENT_HANDLER) && facts.unitId() != null
                    && facts.unitId().equals(caller.unitId());
            case VERIFIER -> verifier;
            case VERIFIER_OR_COMMAND_CENTRE -> verifier || commandCentre;
            case REPORTER -> reporter;
            case PLATFORM -> false;
            case PARTICIPANT -> reporter || (inArea && caller.roles().stream().anyMatch(r -> r != Role.RESIDENT));
        };
    }

    private static String describe(Actor actor) {
        return switch (actor) {
            case COMMAND_CENTRE -> "a command-centre operator of the case's area";
            case ASSIGNED_UNIT -> "a handler of the unit the case is dispatched to";
            case VERIFIER -> "a grid worker or grid leader of the area, or the reporter";
            case VERIFIER_OR_COMMAND_CENTRE -> "a grid worker of the area, the reporter or the command centre";
            case REPORTER -> "the person who reported the case";
            case PLATFORM -> "the platform's supervision only";
            case PARTICIPANT -> "the reporter or someone working on cases in the area";
        };
    }
}
