package org.civicgrid.core.api.cases;

/**
 * A step to take on a case.
 *
 * @param action the step
 * @param note a note or reason (required by REJECT, RETURN, REQUEST_EXTENSION, DENY_EXTENSION, ESCALATE,
 *        HANDLE, VERIFY, SEND_BACK and REOPEN)
 * @param unitId the unit to dispatch to (DISPATCH, REDISPATCH; optional for DISPATCH, where the routing rules
 *        choose)
 * @param extensionHours working hours asked for or granted (REQUEST_EXTENSION, GRANT_EXTENSION)
 * @param rating 1–5 (RATE)
 * @since 1.0
 */
public record TransitionRequest(CaseAction action, String note, String unitId, Integer extensionHours,
                                Integer rating) {
}
