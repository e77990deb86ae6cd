package org.civicgrid.core.directory.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code etc/org.civicgrid.sessions.cfg}: how long a sign-in session lasts. */
@ObjectClassDefinition(name = "civicgrid sign-in sessions",
        description = "Idle and absolute limits of server-side sessions (GB/T 22239 8.1.4.1 c: log out on timeout)")
public @interface SessionConfiguration {

    String PID = "org.civicgrid.sessions";

    @AttributeDefinition(name = "Idle minutes", description = "A session ends after this many minutes without a request")
    int idleMinutes() default 30;

    @AttributeDefinition(name = "Absolute hours", description = "A session ends this many hours after sign-in however much it is used")
    int absoluteHours() default 10;
}
