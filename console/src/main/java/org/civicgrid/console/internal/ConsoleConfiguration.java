package org.civicgrid.console.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code etc/org.civicgrid.console.cfg}. */
@ObjectClassDefinition(name = "civicgrid web console",
        description = "How the web console under /console/ draws its maps.")
public @interface ConsoleConfiguration {

    /** The PID. */
    String PID = "org.civicgrid.console";

    @AttributeDefinition(name = "Tile URL",
            description = "A map tile service under the grids, e.g. http://tiles.example.gov.cn/{z}/{x}/{y}.png "
                    + "(Leaflet's {z}/{x}/{y} placeholders). Empty: grids on a plain background, no tile service needed.")
    String tileUrl() default "";

    @AttributeDefinition(name = "Tile attribution", description = "The tile service's attribution, shown on the map.")
    String tileAttribution() default "";
}
