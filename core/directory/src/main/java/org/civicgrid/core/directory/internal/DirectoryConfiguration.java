package org.civicgrid.core.directory.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code etc/org.civicgrid.directory.cfg}: sign-in policy. */
@ObjectClassDefinition(name = "civicgrid sign-in", description = "How the directory treats wrong passwords")
public @interface DirectoryConfiguration {

    String PID = "org.civicgrid.directory";

    @AttributeDefinition(name = "Lock after wrong passwords",
            description = "Consecutive wrong passwords after which an account is locked (GB/T 22239 8.1.4.1)")
    int lockoutAttempts() default 5;

    @AttributeDefinition(name = "Lock for (minutes)", description = "How long a locked account stays locked")
    int lockoutMinutes() default 30;
}
