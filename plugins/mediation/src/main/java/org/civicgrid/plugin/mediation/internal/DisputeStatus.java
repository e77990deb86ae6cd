package org.civicgrid.plugin.mediation.internal;

/** Where a dispute stands in the studio. */
public enum DisputeStatus {
    /** Taken in, no mediator yet. */
    RECEIVED,
    /** A mediator of an organisation has it, no session held yet. */
    ASSIGNED,
    /** At least one session held. */
    IN_MEDIATION,
    /** 调解成功: an agreement was reached and signed. */
    AGREED,
    /** 调解不成: no agreement; it must be referred on (arbitration, court), nothing is dropped. */
    FAILED,
    /** 撤回: the parties withdrew it. */
    WITHDRAWN,
    /** 转交: handed on to arbitration, a court or an administrative body, with a referral record. */
    REFERRED;

    /** @return whether the studio's work on it has ended (FAILED is not an end: it still has to be referred) */
    boolean concluded() {
        return this == AGREED || this == WITHDRAWN || this == REFERRED;
    }
}
