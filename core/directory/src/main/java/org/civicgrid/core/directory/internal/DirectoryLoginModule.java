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
 *
 * <p>In the Karaf shell's realm ({@link ShellRealm}) it signs in system administrators only, and with their second
 * factor: SSH asks for one password, so they type their password followed by the 6-digit code of their app (as
 * FreeIPA does for password+OTP). There it also adds the Karaf roles the shell's command lists are written for.
 */
public class DirectoryLoginModule implements LoginModule {

    static final String AUTHENTICATOR_OPTION = "civicgrid.authenticator";
    /** Present in the shell's realm: the second factor check, which also makes the module work as the shell's. */
    static final String SECOND_FACTOR_OPTION = "civicgrid.secondFactor";
    /** Digits of a code at the end of the password, in the shell. */
    static final int CODE_DIGITS = 6;

    private Subject subject;
    private CallbackHandler callbacks;
    private Authenticator authenticator;
    private SecondFactorCheck secondFactor;
    private Caller caller;
    private final List<Principal> added = new ArrayList<>();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
                           Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbackHandler;
        this.authenticator = (Authenticator) options.get(AUTHENTICATOR_OPTION);
        this.secondFactor = (SecondFactorCheck) options.get(SECOND_FACTOR_OPTION);
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
            if (secondFactor != null) {
                return shellLogin(name.getName(), secret == null ? new char[0] : secret);
            }
            Optional<Caller> found = authenticator.authenticate(name.getName(), secret == null ? new char[0] : secret);
            caller = found.orElseThrow(() -> new FailedLoginException("Wrong user name or password"));
            return true;
        } finally {
            password.clearPassword();
        }
    }

    /** The shell: a system administrator's password with the code of their app after it. */
    private boolean shellLogin(String user, char[] secret) throws LoginException {
        int split = secret.length - CODE_DIGITS;
        if (split < 1 || !new String(secret, split, CODE_DIGITS).chars().allMatch(Character::isDigit)) {
            throw new FailedLoginException("Administrators sign in to the shell with their password followed by the "
                    + CODE_DIGITS + "-digit code of their authenticator app");
        }
        char[] pass = java.util.Arrays.copyOf(secret, split);
        try {
            Caller found = authenticator.authenticate(user, pass)
                    .orElseThrow(() -> new FailedLoginException("Wrong user name or password"));
            if (ShellRoles.of(found).isEmpty()) {
                throw new FailedLoginException("The shell is for system administrators");
            }
            try {
                secondFactor.checkSecondFactor(user, new String(secret, split, CODE_DIGITS));
            } catch (org.civicgrid.core.api.rest.ProblemException refused) {
                throw new FailedLoginException(refused.title());
            }
            caller = found;
            return true;
        } finally {
            java.util.Arrays.fill(pass, '\0');
        }
    }

    @Override
    public boolean commit() {
        if (caller == null) {
            return false;
        }
        added.add(new UserPrincipal(caller.userId()));
        caller.roles().forEach(role -> added.add(new RolePrincipal(role.name())));
        if (secondFactor != null) {
            ShellRoles.of(caller).forEach(role -> added.add(new RolePrincipal(role)));
        }
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
