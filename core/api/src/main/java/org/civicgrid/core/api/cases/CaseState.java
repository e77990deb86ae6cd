package org.civicgrid.core.api.cases;

/**
 * Where a case stands in the loop.
 *
 * @since 1.0
 */
public enum CaseState {
    /** 上报: reported through a channel, not yet looked at. */
    REPORTED,
    /** 立案: accepted by the command centre of its level. */
    REGISTERED,
    /** 不予立案: refused as invalid or a duplicate. */
    REJECTED,
    /** 派遣: sent to the responsible unit. */
    DISPATCHED,
    /** 处置中: the unit has taken it on. */
    IN_HANDLING,
    /** 延期申请: the unit asked for more time. */
    EXTENSION_REQUESTED,
    /** 回退: the unit sent it back as not theirs. */
    RETURNED,
    /** 处置完毕: the unit reports it done. */
    HANDLED,
    /** 核查通过: checked on site. */
    VERIFIED,
    /** 结案. */
    CLOSED
}
