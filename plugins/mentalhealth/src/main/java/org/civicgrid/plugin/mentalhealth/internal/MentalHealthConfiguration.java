package org.civicgrid.plugin.mentalhealth.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code etc/org.civicgrid.mentalhealth.cfg}: follow-up frequencies and figures. Changes apply at once. */
@ObjectClassDefinition(name = "civicgrid mental health", description = "Follow-up plans and published figures")
public @interface MentalHealthConfiguration {

    String PID = "org.civicgrid.mentalhealth";

    @AttributeDefinition(name = "Follow up CRISIS within (days)", description = "After crisis intervention")
    int followUpDaysCrisis() default 7;

    @AttributeDefinition(name = "Follow up HIGH within (days)", description = "The 2018 norm's unstable patients: 2 weeks")
    int followUpDaysHigh() default 14;

    @AttributeDefinition(name = "Follow up MODERATE within (days)", description = "The norm's basically stable: 1 month")
    int followUpDaysModerate() default 30;

    @AttributeDefinition(name = "Follow up LOW within (days)", description = "The norm's stable: every 3 months")
    int followUpDaysLow() default 90;

    @AttributeDefinition(name = "Smallest count shown", description = "Counts below this are shown as <N in figures")
    int smallCountThreshold() default 5;
}
