package org.civicgrid.plugin.patrol.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code etc/org.civicgrid.patrol.cfg}. Changes apply at once. */
@ObjectClassDefinition(name = "civicgrid patrol", description = "Check-in rules and supervision of patrol shifts")
public @interface PatrolConfiguration {

    String PID = "org.civicgrid.patrol";

    @AttributeDefinition(name = "Check-in radius (metres)",
            description = "A check-in farther than this from its checkpoint (great-circle distance) is flagged as away")
    int checkInRadiusMetres() default 100;

    @AttributeDefinition(name = "Shift grace (minutes)",
            description = "Check-ins this long before a shift starts or after it ends still count as on shift")
    int shiftGraceMinutes() default 10;

    @AttributeDefinition(name = "Close ended shifts after (minutes)",
            description = "Supervision closes a shift this long after its planned end and reports its missed checkpoints")
    int closeAfterMinutes() default 30;
}
