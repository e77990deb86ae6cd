package org.civicgrid.core.rest.internal;

import javax.ws.rs.core.Application;

import org.civicgrid.core.api.rest.ApiApplication;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/** The one JAX-RS application of the platform; core and plug-in resources join it by selecting its name. */
@Component(service = Application.class, immediate = true)
@JaxrsName(ApiApplication.NAME)
@JaxrsApplicationBase(ApiApplication.BASE)
public class CivicgridApplication extends Application {
}
