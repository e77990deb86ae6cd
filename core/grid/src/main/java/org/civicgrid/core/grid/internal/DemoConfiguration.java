package org.civicgrid.core.grid.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code etc/org.civicgrid.grid.demo.cfg}. */
@ObjectClassDefinition(name = "civicgrid demo grids",
        description = "Generated grid outlines for a platform that has no surveyed grids yet. They are generated once, "
                + "on first start, marked as demo data (name suffix and the demo flag) and replaced by any import of "
                + "the same codes.")
public @interface DemoConfiguration {

    /** The PID. */
    String PID = "org.civicgrid.grid.demo";

    @AttributeDefinition(name = "Enabled",
            description = "Generate demo grids on first start (once; recorded in cg_grid_demo_load).")
    boolean enabled() default true;

    @AttributeDefinition(name = "County centres",
            description = "Where each county's villages/communities are laid out: code=longitude,latitude (WGS 84), "
                    + "communities nearest the centre. Counties listed earlier take their cells first; a county that "
                    + "surrounds another (泽州县 around 城区) shares its centre and rings it.")
    String[] countyCentres() default {
        "140502=112.851,35.499", // 城区: the city centre
        "140521=112.187,35.690", // 沁水县: 龙港镇
        "140522=112.415,35.486", // 阳城县: 凤城镇
        "140524=113.281,35.776", // 陵川县: 崇文镇
        "140525=112.851,35.499", // 泽州县 surrounds 城区
        "140581=112.924,35.797"  // 高平市
    };
}
