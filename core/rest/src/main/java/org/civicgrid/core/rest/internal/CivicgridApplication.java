package org.civicgrid.core.rest.internal;

import javax.ws.rs.core.Application;

import org.civicgrid.core.api.rest.ApiApplication;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The one JAX-RS application of the platform; core and plug-in resources join it by selecting its name. It is
 * published only once its JSON and error extensions are there, so no request ever meets it half assembled.
 */
@Component(service = Application.class, immediate = true)
@JaxrsName(ApiApplication.NAME)
@JaxrsApplicationBase(ApiApplication.BASE)
@JaxrsExtensionSelect({
    "(osgi.jaxrs.name=" + JsonProvider.NAME + ")",
    "(osgi.jaxrs.name=" + BasicAuthentication.NAME + ")",
    "(osgi.jaxrs.name=" + SecurityHeaders.NAME + ")",
    "(osgi.jaxrs.name=" + ProblemMapper.NAME + ")",
    "(osgi.jaxrs.name=" + WebApplicationErrorMapper.NAME + ")",
    "(osgi.jaxrs.name=" + JsonErrorMapper.NAME + ")",
    "(osgi.jaxrs.name=" + UnexpectedErrorMapper.NAME + ")"})
public class CivicgridApplication extends Application {
}
