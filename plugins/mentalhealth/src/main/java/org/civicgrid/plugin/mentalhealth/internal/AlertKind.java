package org.civicgrid.plugin.mentalhealth.internal;

/** Why a counsellor is alerted. */
public enum AlertKind {
    /** A questionnaire's self-harm item was answered ≥ 1 (PHQ-9 item 9): contact the person now. */
    SELF_HARM_ITEM,
    /** A follow-up is past due. */
    FOLLOW_UP_OVERDUE
}
