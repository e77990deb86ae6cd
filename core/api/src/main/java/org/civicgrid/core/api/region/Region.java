package org.civicgrid.core.api.region;

import java.util.Objects;

/**
 * One node of the administrative tree.
 *
 * @param code the national division code (2, 4, 6, 9 or 12 digits)
 * @param name the official name, e.g. {@code 沁水县}
 * @param level the level the code denotes
 * @param parentCode the code of the parent node, or {@code null} for a province
 * @since 1.0
 */
public record Region(String code, String name, RegionLevel level, String parentCode) {

    /**
     * @throws NullPointerException if code, name or level is missing
     * @since 1.0
     */
    public Region {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
    }

    /**
     * Whether the given code lies in the subtree of this region (this region included).
     *
     * @param otherCode a division code
     * @return true if {@code otherCode} is this region or one of its descendants
     * @since 1.0
     */
    public boolean contains(String otherCode) {
        return otherCode != null && otherCode.startsWith(code);
    }
}
