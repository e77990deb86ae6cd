package org.civicgrid.plugin.mediation.internal;

import static org.civicgrid.plugin.mediation.internal.DisputeStatus.AGREED;
import static org.civicgrid.plugin.mediation.internal.DisputeStatus.ASSIGNED;
import static org.civicgrid.plugin.mediation.internal.DisputeStatus.FAILED;
import static org.civicgrid.plugin.mediation.internal.DisputeStatus.IN_MEDIATION;
import static org.civicgrid.plugin.mediation.internal.DisputeStatus.RECEIVED;
import static org.civicgrid.plugin.mediation.internal.DisputeStatus.REFERRED;
import static org.civicgrid.plugin.mediation.internal.DisputeStatus.WITHDRAWN;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.rest.ProblemException;

/**
 * The studio's steps as data: the states each is allowed from, the state it leads to ({@code null}: unchanged)
 * and who may take it. {@link #check} refuses with 409 (wrong state) or 403 (not the caller's) before anything
 * is written; a dispute outside the caller's area never gets here (it is not found).
 */
enum StudioStep {
    /** Assign (or re-assign) a mediator of an organisation. */
    ASSIGN(EnumSet.of(RECEIVED, ASSIGNED, IN_MEDIATION), null, Who.DESK),
    /** Record a mediation session. */
    SESSION(EnumSet.of(ASSIGNED, IN_MEDIATION), IN_MEDIATION, Who.MEDIATOR),
    /** Record the agreement the parties signed. */
    AGREE(EnumSet.of(IN_MEDIATION), AGREED, Who.MEDIATOR),
    /** Record that mediation failed. */
    FAIL(EnumSet.of(IN_MEDIATION), FAILED, Who.MEDIATOR),
    /** Record that the parties withdrew. */
    WITHDRAW(EnumSet.of(RECEIVED, ASSIGNED, IN_MEDIATION), WITHDRAWN, Who.MEDIATOR_OR_DESK),
    /** Hand it on to arbitration, a court or an administrative body (failed, or not suited to mediation). */
    REFER(EnumSet.of(RECEIVED, ASSIGNED, IN_MEDIATION, FAILED), REFERRED, Who.MEDIATOR_OR_DESK),
    /** Add a party (e.g. to a dispute opened from a case, whose people the case loop shows only masked). */
    ADD_PARTY(EnumSet.of(RECEIVED, ASSIGNED, IN_MEDIATION), null, Who.MEDIATOR_OR_DESK),
    /** Record a 三长会商 joint consultation on it. */
    CONSULT(EnumSet.of(RECEIVED, ASSIGNED, IN_MEDIATION, FAILED), null, Who.MEDIATOR_OR_DESK),
    /** Record a judicial-confirmation step of its agreement. */
    CONFIRMATION(EnumSet.of(AGREED), null, Who.MEDIATOR_OR_DESK);

    /** Who may take a step, besides being within the dispute's area. */
    enum Who {
        /** The command centre or an administrator of the area, or a mediator at the window. */
        DESK,
        /** The mediator the dispute is assigned to. */
        MEDIATOR,
        /** Either. */
        MEDIATOR_OR_DESK
    }

    static final Set<Role> DESK_ROLES = EnumSet.of(Role.COMMAND_OPERATOR, Role.COUNTY_ADMIN, Role.CITY_ADMIN);

    final Set<DisputeStatus> from;
    final DisputeStatus to;
    final Who who;

    StudioStep(Set<DisputeStatus> from, DisputeStatus to, Who who) {
        this.from = from;
        this.to = to;
        this.who = who;
    }

    /** @return the status after the step */
    DisputeStatus check(Caller caller, DisputeStatus status, String mediatorId) {
        if (!from.contains(status)) {
            throw new ProblemException(409, "Step not allowed", name() + " is not allowed while the dispute is "
                    + status + "; it is allowed from " + new TreeSet<>(from) + ".");
        }
        if (!mayTake(caller, mediatorId)) {
            throw new ProblemException(403, "Forbidden", name() + " is for " + describe() + ".");
        }
        if (this == ASSIGN && status == IN_MEDIATION) {
            return IN_MEDIATION;
        }
        return to == null ? (this == ASSIGN ? ASSIGNED : status) : to;
    }

    boolean mayTake(Caller caller, String mediatorId) {
        boolean desk = caller.roles().stream().anyMatch(DESK_ROLES::contains);
        boolean mediator = caller.has(Role.MEDIATOR) && caller.userId().equals(mediatorId);
        return switch (who) {
            case DESK -> desk || caller.has(Role.MEDIATOR);
            case MEDIATOR -> mediator;
            case MEDIATOR_OR_DESK -> mediator || desk;
        };
    }

    private String describe() {
        return switch (who) {
            case DESK -> "the command centre, an administrator or a mediator of the area";
            case MEDIATOR -> "the mediator the dispute is assigned to";
            case MEDIATOR_OR_DESK -> "the dispute's mediator, the command centre or an administrator of the area";
        };
    }
}
