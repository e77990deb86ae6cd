package org.civicgrid.core.api.cases;

/**
 * The steps that move a case through the loop. Which state each is allowed from, who may take it and what it
 * needs is the platform's workflow; a step not allowed is refused and changes nothing.
 *
 * @since 1.0
 */
public enum CaseAction {
    /** REPORTED → REGISTERED, by the command centre. */
    REGISTER,
    /** REPORTED → REJECTED (reason: invalid or duplicate), by the command centre. */
    REJECT,
    /** REGISTERED → DISPATCHED to a unit (named, or by the routing rules), by the command centre. */
    DISPATCH,
    /** DISPATCHED → IN_HANDLING, by the assigned unit. */
    ACCEPT,
    /** DISPATCHED or IN_HANDLING → RETURNED (reason), by the assigned unit. */
    RETURN,
    /** RETURNED → DISPATCHED to another unit, by the command centre. */
    REDISPATCH,
    /** IN_HANDLING → EXTENSION_REQUESTED (reason, hours), by the assigned unit. */
    REQUEST_EXTENSION,
    /** EXTENSION_REQUESTED → IN_HANDLING with the deadline moved, by the command centre. */
    GRANT_EXTENSION,
    /** EXTENSION_REQUESTED → IN_HANDLING with the deadline kept (reason), by the command centre. */
    DENY_EXTENSION,
    /** Up one level (village → township → county → city), back to REGISTERED there (reason), by the command centre. */
    ESCALATE,
    /** IN_HANDLING → HANDLED (note), by the assigned unit. */
    HANDLE,
    /** HANDLED → VERIFIED (note), by a grid worker of the area or the reporter. */
    VERIFY,
    /** HANDLED → IN_HANDLING (reason), by a grid worker, the reporter or the command centre. */
    SEND_BACK,
    /** VERIFIED → CLOSED, by the command centre. */
    CLOSE,
    /** CLOSED or REJECTED → REGISTERED (reason), by the command centre. */
    REOPEN,
    /** A rating of 1–5 by the reporter once VERIFIED or CLOSED; the state stays. */
    RATE,
    /**
     * 督办: the platform's supervision flags an overdue case (the state stays) and, once it is overdue long enough,
     * escalates it. Taken by the platform only, never through the API.
     */
    SUPERVISE,
    /**
     * 预警: the platform's supervision warns that a case's current step is due soon (the state stays); once per
     * deadline. Taken by the platform only, never through the API.
     */
    WARN,
    /**
     * A file attached to the case (the state stays), by the reporter or someone working on cases in its area.
     * Taken by uploading the file to the case's attachments, not as a transition.
     */
    ATTACH
}
