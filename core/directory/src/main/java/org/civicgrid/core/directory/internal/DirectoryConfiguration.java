package org.civicgrid.core.directory.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code etc/org.civicgrid.directory.cfg}: sign-in and password policy. */
@ObjectClassDefinition(name = "civicgrid sign-in",
        description = "How the directory treats wrong passwords, and what a password must look like")
public @interface DirectoryConfiguration {

    String PID = "org.civicgrid.directory";

    @AttributeDefinition(name = "Lock after wrong passwords",
            description = "Consecutive wrong passwords after which an account is locked (GB/T 22239 8.1.4.1)")
    int lockoutAttempts() default 5;

    @AttributeDefinition(name = "Lock for (minutes)", description = "How long a locked account stays locked")
    int lockoutMinutes() default 30;

    @AttributeDefinition(name = "Password profile",
            description = "MLPS (MLPS 2.0 level 3): at least 10 characters mixing 3 of lower-case, upper-case, digits "
                    + "and others, changed every 90 days. ASVS (OWASP ASVS 5.0 level 2): at least 12 characters, no "
                    + "composition rules, no forced change. CUSTOM: the three settings below. Every profile refuses "
                    + "commonly used passwords and passwords containing the user id.")
    PasswordProfile passwordProfile() default PasswordProfile.MLPS;

    @AttributeDefinition(name = "Password length (CUSTOM)",
            description = "The fewest characters a new password has (8 to 128); used when the profile is CUSTOM")
    int passwordMinLength() default 10;

    @AttributeDefinition(name = "Kinds of character (CUSTOM)",
            description = "How many of lower-case letters, upper-case letters, digits and others (symbols, spaces, "
                    + "Chinese characters) a new password mixes (1 to 4); used when the profile is CUSTOM")
    int passwordCharacterClasses() default 3;

    @AttributeDefinition(name = "Password lasts (days, CUSTOM)",
            description = "Days after which a password must be changed; 0 for never; used when the profile is CUSTOM")
    int passwordMaxAgeDays() default 90;
}
