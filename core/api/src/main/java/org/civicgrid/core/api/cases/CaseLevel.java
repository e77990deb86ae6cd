package org.civicgrid.core.api.cases;

/**
 * The level whose command centre owns a case; escalation moves it up. The share of cases solved at each level
 * is a key figure (小事不出村，大事不出镇).
 *
 * @since 1.0
 */
public enum CaseLevel {
    /** 村/社区. */
    VILLAGE,
    /** 乡镇/街道. */
    TOWNSHIP,
    /** 县/区. */
    COUNTY,
    /** 市. */
    CITY;

    /**
     * @return the next level up, or {@code null} at the city
     * @since 1.0
     */
    public CaseLevel up() {
        return this == CITY ? null : values()[ordinal() + 1];
    }
}
