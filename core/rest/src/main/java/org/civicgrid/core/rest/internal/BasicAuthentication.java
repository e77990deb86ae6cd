package org.civicgrid.core.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;

import javax.annotation.Priority;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.CallerPrincipal;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.directory.SessionService;
import org.civicgrid.core.api.rest.ApiApplication;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs the request's user in with HTTP Basic credentials against the Karaf JAAS realm {@value #REALM} (the
 * directory), or with the Bearer token of a server-side session ({@link SessionService}), and makes the
 * {@link CallerPrincipal} the request's user. Without credentials the request stays anonymous and only public
 * resources answer it; wrong credentials or an ended session are refused with 401. An administrator's password
 * opens a session only ({@code POST /api/session}, with the code of their second factor): every other request of an
 * administrator carries a session's token.
 */
@Component(service = ContainerRequestFilter.class, immediate = true)
@JaxrsExtension
@JaxrsName(BasicAuthentication.NAME)
@JaxrsApplicationSelect(ApiApplication.SELECT)
@Priority(Priorities.AUTHENTICATION)
public class BasicAuthentication implements ContainerRequestFilter {

    static final String NAME = "civicgrid.authentication";
    static final String REALM = "civicgrid";

    /** The scheme of a request signed in with a session's token. */
    static final String BEARER = "Bearer";

    private static final Logger LOG = LoggerFactory.getLogger(BasicAuthentication.class);

    private final SessionService sessions;

    @Activate
    public BasicAuthentication(@Reference SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return;
        }
        if (header.regionMatches(true, 0, BEARER + " ", 0, 7)) {
            Caller caller = sessions.resume(header.substring(7).trim()).orElse(null);
            if (caller == null) {
                refuse(request, "Your session has ended (signed out, idle for too long, past its time limit, or the "
                        + "account was disabled or locked). Sign in again.");
                return;
            }
            request.setSecurityContext(new CallerSecurityContext(caller, request.getSecurityContext().isSecure(), BEARER));
            return;
        }
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            refuse(request, "Sign in with HTTP Basic (user name and password) or a session's Bearer token.");
            return;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            refuse(request, "The Authorization header is not valid Base64.");
            return;
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            refuse(request, "The Authorization header must carry user:password.");
            return;
        }
        String user = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        Caller caller = signIn(user, password);
        if (caller == null) {
            LOG.warn("Sign-in refused for user {} from {}", user, request.getHeaderString("X-Forwarded-For"));
            refuse(request, "Wrong user name or password, or the account is disabled.");
            return;
        }
        if (caller.roles().stream().anyMatch(Role::administrator) && !opensSession(request)) {
            // A password alone is not enough for an administrator: the second factor is checked when a session
            // opens (a code is good for one use, so it cannot ride along with every request as a password can).
            refuse(request, SessionService.SECOND_FACTOR_REQUIRED, "Administrators do not sign in with a password alone: "
                    + "open a session with POST /api/session (your user name and password as HTTP Basic, and "
                    + "{\"code\": \"…\"} from your authenticator app), then send its token as Bearer.");
            return;
        }
        request.setSecurityContext(new CallerSecurityContext(caller, request.getSecurityContext().isSecure(),
                SecurityContext.BASIC_AUTH));
    }

    private static boolean opensSession(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return "POST".equals(request.getMethod()) && "session".equals(path.startsWith("/") ? path.substring(1) : path);
    }

    private static Caller signIn(String user, char[] password) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // JAAS loads the realm's entry module (Karaf's proxy) through the context class loader.
        thread.setContextClassLoader(ProxyLoginModule.class.getClassLoader());
        try {
            Subject subject = new Subject();
            LoginContext login = new LoginContext(REALM, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback secret) {
                        secret.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            login.login();
            return subject.getPrincipals(CallerPrincipal.class).stream().findFirst().map(CallerPrincipal::caller)
                    .orElse(null);
        } catch (LoginException e) {
            return null;
        } finally {
            thread.setContextClassLoader(previous);
            java.util.Arrays.fill(password, '\0');
        }
    }

    private static void refuse(ContainerRequestContext request, String detail) {
        refuse(request, "Unauthorized", detail);
    }

    private static void refuse(ContainerRequestContext request, String title, String detail) {
        Response problem = Problems.response(401, title, detail);
        request.abortWith(Response.fromResponse(problem)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"").build());
    }

    /** The signed-in caller as JAX-RS sees it; roles are the platform's role names. */
    private record CallerSecurityContext(Caller caller, boolean secure, String scheme) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return new CallerPrincipal(caller);
        }

        @Override
        public boolean isUserInRole(String role) {
            try {
                return caller.has(Role.valueOf(role));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return scheme;
        }
    }
}
