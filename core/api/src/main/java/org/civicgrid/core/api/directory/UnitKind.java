package org.civicgrid.core.api.directory;

/**
 * Kinds of organisational unit.
 *
 * @since 1.0
 */
public enum UnitKind {
    /** 综治中心 / 指挥中心 at city, county or township level. */
    COMMAND_CENTRE,
    /** 派出所. */
    POLICE_STATION,
    /** 司法所. */
    JUDICIAL_OFFICE,
    /** 人民法庭. */
    COURT,
    /** 民政. */
    CIVIL_AFFAIRS,
    /** 住建. */
    HOUSING,
    /** 城管. */
    CITY_MANAGEMENT,
    /** 市场监管. */
    MARKET_SUPERVISION,
    /** 人民调解委员会. */
    MEDIATION_COMMITTEE,
    /** Any other department. */
    OTHER_DEPARTMENT
}
