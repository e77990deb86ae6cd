package org.civicgrid.core.api.directory;

import java.util.Objects;

/**
 * An organisational unit: a command centre, a department, a mediation committee.
 *
 * @param id its identifier, e.g. {@code 140521-judicial-longgang}
 * @param name its name, e.g. {@code 龙港镇司法所}
 * @param kind what kind of unit it is
 * @param regionCode the region it serves
 * @since 1.0
 */
public record Unit(String id, String name, UnitKind kind, String regionCode) {

    /** @since 1.0 */
    public Unit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(regionCode, "regionCode");
    }
}
