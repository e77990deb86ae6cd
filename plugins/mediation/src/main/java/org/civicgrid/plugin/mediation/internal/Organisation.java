package org.civicgrid.plugin.mediation.internal;

import java.util.Set;

/**
 * A mediation organisation.
 *
 * @param id its identifier
 * @param name its name, e.g. 龙港镇人民调解委员会
 * @param kind what kind of organisation it is
 * @param regionCode the region it serves (and everything under it)
 * @param types the dispute types it takes; empty: every type
 */
public record Organisation(String id, String name, Kind kind, String regionCode, Set<DisputeType> types) {

    public Organisation {
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    /** Kinds of mediation organisation. */
    public enum Kind {
        /** 村（居）人民调解委员会. */
        VILLAGE_COMMITTEE,
        /** 乡镇（街道）人民调解委员会. */
        TOWNSHIP_COMMITTEE,
        /** 县级人民调解委员会 / 矛盾纠纷调解中心. */
        COUNTY_COMMITTEE,
        /** A court's peacemaker studio (和事佬工作室), which takes pre-litigation mediation. */
        COURT_STUDIO,
        /** 行业性专业性调解委员会 (traffic, medical, labour, property …). */
        INDUSTRY_COMMITTEE
    }
}
