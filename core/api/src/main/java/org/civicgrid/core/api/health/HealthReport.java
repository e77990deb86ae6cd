package org.civicgrid.core.api.health;

import java.util.Map;
import java.util.Objects;

/**
 * One indicator's report.
 *
 * @param name what is reported on, e.g. {@code database}
 * @param up whether it can serve
 * @param details figures for an operator (kind, version, …); values are strings, numbers, booleans, lists or maps
 * @since 1.0
 */
public record HealthReport(String name, boolean up, Map<String, Object> details) {

    /** @since 1.0 */
    public HealthReport {
        Objects.requireNonNull(name, "name");
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
