package org.civicgrid.core.region.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code etc/org.civicgrid.region.cfg}. */
@ObjectClassDefinition(name = "civicgrid regions",
        description = "Which city's administrative divisions the platform serves.")
public @interface RegionConfiguration {

    /** The PID. */
    String PID = "org.civicgrid.region";

    @AttributeDefinition(name = "City code",
            description = "4-digit national code of the city this deployment serves (晋城市 = 1405). Its counties, "
                    + "townships and villages/communities are loaded into the database on first start, once.")
    String city() default "1405";
}
