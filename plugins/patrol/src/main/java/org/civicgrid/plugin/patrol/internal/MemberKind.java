package org.civicgrid.plugin.patrol.internal;

/** Who patrols. */
public enum MemberKind {
    /** 老干部: a retired official (陵川县's veteran cadres' public-security office). */
    VETERAN_CADRE,
    /** 平安志愿者: a safety volunteer. */
    SAFETY_VOLUNTEER
}
