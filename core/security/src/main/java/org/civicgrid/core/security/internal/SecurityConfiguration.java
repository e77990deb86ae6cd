package org.civicgrid.core.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code etc/org.civicgrid.security.cfg}. */
@ObjectClassDefinition(name = "civicgrid data protection", description = "Where the keys for sensitive fields are kept")
public @interface SecurityConfiguration {

    String PID = "org.civicgrid.security";

    @AttributeDefinition(name = "Key file", description = "Data keys, outside the database; created on first start. "
            + "Relative paths are under etc/. Every node of one database needs the same file; back it up apart "
            + "from the database")
    String keyFile() default "civicgrid.keys";
}
