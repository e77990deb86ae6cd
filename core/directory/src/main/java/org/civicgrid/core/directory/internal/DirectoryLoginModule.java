package org.civicgrid.core.directory.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import java.security.Principal;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.CallerPrincipal;

/**
 * The JAAS login module of the realm {@value DirectoryRealm#NAME}: checks the password against the directory
 * and puts the user, one role principal per role and the {@link CallerPrincipal} on the subject.
 */
public class DirectoryLoginModule implements LoginModule {

    static final String AUTHENTICATOR_OPTION = "civicgrid.authenticator";

    private Subject subject;
    private CallbackHandler callbacks;
    private Authenticator authenticator;
    private Caller caller;
    private final List<Principal> added = new ArrayList<>();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
                           Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbackHandler;
        this.authenticator = (Authenticator) options.get(AUTHENTICATOR_OPTION);
    }

    @Override
    public boolean login() throws LoginException {
        if (authenticator == null) {
            throw new LoginException("The civicgrid directory is not available");
        }
        NameCallback name = new NameCallback("user: ");
        PasswordCallback password = new PasswordCallback("password: ", false);
        try {
            callbacks.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("Cannot read the credentials: " + e.getMessage());
        }
        char[] secret = password.getPassword();
        try {
            Optional<Caller> found = authenticator.authenticate(name.getName(), secret == null ? new char[0] : secret);
            caller = found.orElseThrow(() -> new FailedLoginException("Wrong user name or password"));
            return true;
        } finally {
            password.clearPassword();
        }
    }

    @Override
    public boolean commit() {
        if (caller == null) {
            return false;
        }
        added.add(new UserPrincipal(caller.userId()));
        caller.roles().forEach(role -> added.add(new RolePrincipal(role.name())));
        added.add(new CallerPrincipal(caller));
        subject.getPrincipals().addAll(added);
        return true;
    }

    @Override
    public boolean abort() {
        caller = null;
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(added);
        added.clear();
        caller = null;
        return true;
    }
}
