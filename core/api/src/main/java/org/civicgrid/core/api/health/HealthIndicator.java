package org.civicgrid.core.api.health;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A part of the platform that can say whether it works, shown in {@code GET /api/health}.
 * Register one as an OSGi service (whiteboard); it must answer quickly and never throw.
 *
 * @since 1.0
 */
@ConsumerType
public interface HealthIndicator {

    /**
     * @return the indicator's current report
     * @since 1.0
     */
    HealthReport check();
}
