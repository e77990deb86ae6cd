package org.civicgrid.core.cases.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The working calendar and deadlines: platform-wide in {@code etc/org.civicgrid.cases.cfg}, and per county in
 * {@code etc/org.civicgrid.cases.county-<name>.cfg} (with {@code region} set), which replaces the platform-wide
 * settings for that county's cases. Changes apply at once.
 */
@ObjectClassDefinition(name = "civicgrid cases", description = "Working calendar and deadlines of the case loop")
public @interface CasesConfiguration {

    String PID = "org.civicgrid.cases";
    String COUNTY_PID = "org.civicgrid.cases.county";

    @AttributeDefinition(name = "Region", required = false,
            description = "Per-county files only: the county (or township) code these settings apply to, e.g. 140524")
    String region() default "";

    @AttributeDefinition(name = "Time zone")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(name = "Office hours", description = "Spans of a working day, e.g. 08:30-12:00,14:00-17:30")
    String officeHours() default "08:30-12:00,14:00-17:30";

    @AttributeDefinition(name = "Weekend days", description = "Days off each week (MONDAY … SUNDAY)")
    String[] weekend() default {"SATURDAY", "SUNDAY"};

    @AttributeDefinition(name = "Public holidays", description = "Dates off (yyyy-mm-dd), as the State Council announces each year")
    String[] holidays() default {};

    @AttributeDefinition(name = "Worked weekend days", description = "Weekend dates that are working days (调休), yyyy-mm-dd")
    String[] workedWeekendDays() default {};

    @AttributeDefinition(name = "Register and dispatch within (working minutes)")
    int registerMinutes() default 60;

    @AttributeDefinition(name = "Handle within (working hours)", description = "Default for categories without their own")
    int handleHours() default 24;

    @AttributeDefinition(name = "Handle within, per category",
            description = "category=hours, or category@LEVEL=hours for one level, e.g. road-damage=16, road-damage@COUNTY=40")
    String[] categoryHandleHours() default {};

    @AttributeDefinition(name = "Verify within (working hours)")
    int verifyHours() default 2;

    @AttributeDefinition(name = "Largest attachment (KiB)", description = "JPEG, PNG, PDF or MP4 files up to this size")
    int attachmentMaxKilobytes() default 10240;

    @AttributeDefinition(name = "Escalate after overdue (working minutes)",
            description = "Supervision escalates a case this long past its deadline; -1 never escalates")
    int escalateAfterOverdueMinutes() default 480;

    @AttributeDefinition(name = "Warn before the deadline (working minutes)",
            description = "Supervision warns once this long before a step is due; -1 never warns")
    int warnBeforeMinutes() default 30;
}
