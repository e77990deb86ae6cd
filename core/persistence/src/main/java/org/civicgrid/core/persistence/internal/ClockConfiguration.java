package org.civicgrid.core.persistence.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code etc/org.civicgrid.clock.cfg}. Leave the offset at 0 in production. */
@ObjectClassDefinition(name = "civicgrid clock",
        description = "The platform's time: its zone, and an offset that moves time forward for drills and tests")
public @interface ClockConfiguration {

    String PID = "org.civicgrid.clock";

    @AttributeDefinition(name = "Time zone", description = "Zone the platform counts calendar days in")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(name = "Offset (minutes)",
            description = "Added to the system clock. Only for drills and tests: /api/health reports any offset")
    long offsetMinutes() default 0;
}
