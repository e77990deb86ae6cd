package org.civicgrid.core.cases.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code etc/org.civicgrid.cases.cfg}: the working calendar and deadlines. Changes apply at once. */
@ObjectClassDefinition(name = "civicgrid cases", description = "Working calendar and deadlines of the case loop")
public @interface CasesConfiguration {

    String PID = "org.civicgrid.cases";

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

    @AttributeDefinition(name = "Handle within, per category", description = "category=hours, e.g. road-damage=16")
    String[] categoryHandleHours() default {};

    @AttributeDefinition(name = "Verify within (working hours)")
    int verifyHours() default 2;

    @AttributeDefinition(name = "Largest attachment (KiB)", description = "JPEG, PNG, PDF or MP4 files up to this size")
    int attachmentMaxKilobytes() default 10240;

    @AttributeDefinition(name = "Escalate after overdue (working minutes)",
            description = "Supervision escalates a case this long past its deadline; -1 never escalates")
    int escalateAfterOverdueMinutes() default 480;
}
