package org.civicgrid.core.api.grid;

import java.util.List;
import java.util.Objects;

/**
 * One grid.
 *
 * @param code the grid code: its village/community's 12-digit code followed by a 3-digit sequence (CJ/T 349 style)
 * @param name its name, e.g. {@code 东街社区第3网格}
 * @param villageCode the 12-digit code of the village/community it belongs to (never a township)
 * @param geometry its outline as a GeoJSON geometry (Polygon or MultiPolygon, WGS 84 longitude/latitude)
 * @param workers the user ids of its grid workers
 * @param leader the user id of its grid leader, or {@code null}
 * @since 1.0
 */
public record Grid(String code, String name, String villageCode, String geometry, List<String> workers, String leader) {

    /** @since 1.0 */
    public Grid {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(villageCode, "villageCode");
        Objects.requireNonNull(geometry, "geometry");
        workers = workers == null ? List.of() : List.copyOf(workers);
    }
}
