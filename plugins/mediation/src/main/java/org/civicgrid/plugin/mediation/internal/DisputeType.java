package org.civicgrid.plugin.mediation.internal;

/** The fields disputes concentrate in, as the county mediation reports name them. */
public enum DisputeType {
    /** 邻里纠纷. */
    NEIGHBOURS,
    /** 婚姻家庭纠纷. */
    MARRIAGE_FAMILY,
    /** 劳动争议 (incl. unpaid wages). */
    LABOUR,
    /** 土地纠纷. */
    LAND,
    /** 物业纠纷. */
    PROPERTY_MANAGEMENT,
    /** 房地产纠纷. */
    REAL_ESTATE,
    /** 交通事故纠纷. */
    TRAFFIC,
    /** 医疗纠纷. */
    MEDICAL,
    /** 旅游纠纷. */
    TOURISM,
    /** 其他. */
    OTHER
}
