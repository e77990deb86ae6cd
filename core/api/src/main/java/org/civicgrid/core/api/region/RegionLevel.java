package org.civicgrid.core.api.region;

/**
 * The level of a node in the administrative tree, named as the national division codes name them.
 *
 * @since 1.0
 */
public enum RegionLevel {
    /** 省: 2-digit code. */
    PROVINCE(2),
    /** 市: 4-digit code. */
    CITY(4),
    /** 县/区/县级市: 6-digit code. */
    COUNTY(6),
    /** 乡/镇/街道: 9-digit code. */
    TOWNSHIP(9),
    /** 村/社区 (villagers' or residents' committee): 12-digit code. */
    VILLAGE(12);

    private final int codeLength;

    RegionLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    /**
     * @return the number of digits a code of this level has
     * @since 1.0
     */
    public int codeLength() {
        return codeLength;
    }

    /**
     * The level a division code denotes, from its length.
     *
     * @param code a division code of 2, 4, 6, 9 or 12 digits
     * @return its level
     * @throws IllegalArgumentException if the code is not a division code
     * @since 1.0
     */
    public static RegionLevel ofCode(String code) {
        if (code == null || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("A division code has only digits: " + code);
        }
        for (RegionLevel level : values()) {
            if (level.codeLength == code.length()) {
                return level;
            }
        }
        throw new IllegalArgumentException(
                "A division code has 2, 4, 6, 9 or 12 digits, not " + code.length() + ": " + code);
    }
}
