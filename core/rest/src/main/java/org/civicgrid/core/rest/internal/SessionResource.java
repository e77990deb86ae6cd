package org.civicgrid.core.rest.internal;

import javax.ws.rs.DELETE;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.OpenedSession;
import org.civicgrid.core.api.directory.SessionService;
import org.civicgrid.core.api.rest.ApiApplication;
import org.civicgrid.core.api.rest.ApiSecurity;
import org.civicgrid.core.api.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/session}: signing in once with a password and then using a revocable session token, as the web
 * console does, instead of sending the password with every request.
 */
@Component(service = SessionResource.class, immediate = true)
@JaxrsResource
@JaxrsApplicationSelect(ApiApplication.SELECT)
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "directory", description = "Users and organisational units")
public class SessionResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SessionService sessions;

    @Activate
    public SessionResource(@Reference SessionService sessions) {
        this.sessions = sessions;
    }

    @POST
    @Operation(summary = "Open a session: sign in with HTTP Basic (administrators also send {\"code\": …} from their "
            + "authenticator app); the answer's token is then sent as a Bearer token")
    public Response open(@Context SecurityContext security, String body) {
        Caller caller = ApiSecurity.caller(security);
        if (!SecurityContext.BASIC_AUTH.equals(security.getAuthenticationScheme())) {
            throw ProblemException.badRequest("Open a session by signing in with your user name and password (HTTP Basic).");
        }
        OpenedSession session = sessions.open(caller, code(body));
        return Response.status(Response.Status.CREATED).entity(session).build();
    }

    /** The second factor's code from a body {@code {"code": "123456"}}; none for an empty body. */
    private static String code(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode code = JSON.readTree(body).path("code");
            if (!code.isMissingNode() && !code.isNull() && !code.isTextual()) {
                throw ProblemException.badRequest("code is the digits your authenticator app shows, as text: {\"code\": \"123456\"}.");
            }
            return code.isTextual() ? code.asText() : null;
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("The body must be JSON, e.g. {\"code\": \"123456\"}, or empty.");
        }
    }

    @DELETE
    @Operation(summary = "Sign out: end the session whose Bearer token the request carries")
    public Response close(@Context SecurityContext security, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        ApiSecurity.caller(security);
        if (!BasicAuthentication.BEARER.equals(security.getAuthenticationScheme())) {
            throw ProblemException.badRequest("Only a session can be signed out of: send its Bearer token.");
        }
        sessions.close(authorization.substring(BasicAuthentication.BEARER.length()).trim());
        return Response.noContent().build();
    }
}
