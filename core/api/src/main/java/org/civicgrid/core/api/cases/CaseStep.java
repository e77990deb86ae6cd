package org.civicgrid.core.api.cases;

import java.time.OffsetDateTime;

/**
 * One entry of a case's audit trail.
 *
 * @param at when
 * @param actorId who
 * @param action what (null for the report itself)
 * @param from the state before (null for the report)
 * @param to the state after
 * @param note the note, reason or rating comment given
 * @param unitId the unit it was dispatched to by this step, if any
 * @since 1.0
 */
public record CaseStep(OffsetDateTime at, String actorId, CaseAction action, CaseState from, CaseState to,
                       String note, String unitId) {
}
