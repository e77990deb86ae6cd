package org.civicgrid.core.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.CallerPrincipal;
import org.civicgrid.core.api.directory.Role;
import org.junit.jupiter.api.Test;

/** The realm's login module puts the signed-in user, their roles and their caller on the subject, and takes them off. */
class DirectoryLoginModuleTest {

    private static final Caller OPERATOR = new Caller("qinshui-operator",
            Set.of(Role.COMMAND_OPERATOR, Role.MEDIATOR), "140521", "qinshui-command");
    private static final Authenticator DIRECTORY = (userId, password) ->
            userId.equals("qinshui-operator") && new String(password).equals("correct horse battery")
                    ? Optional.of(OPERATOR) : Optional.empty();

    private final Subject subject = new Subject();
    private final List<PasswordCallback> asked = new ArrayList<>();

    @Test
    void theRightPasswordPutsTheUserTheirRolesAndTheirCallerOnTheSubject() throws LoginException {
        DirectoryLoginModule module = module(DIRECTORY, "qinshui-operator", "correct horse battery");

        assertThat(module.login()).isTrue();
        assertThat(module.commit()).isTrue();

        assertThat(subject.getPrincipals()).containsExactlyInAnyOrder(new UserPrincipal("qinshui-operator"),
                new RolePrincipal("COMMAND_OPERATOR"), new RolePrincipal("MEDIATOR"), new CallerPrincipal(OPERATOR));
        assertPasswordCleared();
    }

    @Test
    void aWrongPasswordFailsAndPutsNothingOnTheSubject() {
        DirectoryLoginModule module = module(DIRECTORY, "qinshui-operator", "correct horse battery!");

        assertThatThrownBy(module::login).isInstanceOf(FailedLoginException.class)
                .hasMessage("Wrong user name or password");
        assertThat(module.commit()).isFalse();
        assertThat(subject.getPrincipals()).isEmpty();
        assertPasswordCleared();
    }

    @Test
    void noPasswordAtAllIsAWrongPassword() {
        DirectoryLoginModule module = module(DIRECTORY, "qinshui-operator", null);
        assertThatThrownBy(module::login).isInstanceOf(FailedLoginException.class);
    }

    @Test
    void loggingOutTakesOffOnlyWhatTheModulePutOn() throws LoginException {
        Principal other = new UserPrincipal("someone-from-another-realm");
        subject.getPrincipals().add(other);
        DirectoryLoginModule module = module(DIRECTORY, "qinshui-operator", "correct horse battery");
        module.login();
        module.commit();

        assertThat(module.logout()).isTrue();
        assertThat(subject.getPrincipals()).containsExactly(other);
    }

    @Test
    void anAbortedLoginPutsNothingOnTheSubject() throws LoginException {
        DirectoryLoginModule module = module(DIRECTORY, "qinshui-operator", "correct horse battery");
        module.login();

        assertThat(module.abort()).isTrue();
        assertThat(module.commit()).isFalse();
        assertThat(subject.getPrincipals()).isEmpty();
    }

    @Test
    void withoutTheDirectoryNobodySignsIn() {
        DirectoryLoginModule module = module(null, "qinshui-operator", "correct horse battery");
        assertThatThrownBy(module::login).isInstanceOf(LoginException.class)
                .hasMessage("The civicgrid directory is not available");
    }

    @Test
    void credentialsThatCannotBeReadFailTheLogin() {
        DirectoryLoginModule module = new DirectoryLoginModule();
        CallbackHandler unreadable = callbacks -> {
            throw new UnsupportedCallbackException(callbacks[0], "no console");
        };
        module.initialize(subject, unreadable, Map.of(), Map.of(DirectoryLoginModule.AUTHENTICATOR_OPTION, DIRECTORY));
        assertThatThrownBy(module::login).isInstanceOf(LoginException.class)
                .hasMessage("Cannot read the credentials: no console");
    }

    @Test
    void inTheShellACityAdministratorSignsInWithPasswordAndCodeAndGetsKarafsRoles() throws LoginException {
        DirectoryLoginModule module = shellModule("jincheng-admin", "city-password-1" + "246810");

        assertThat(module.login()).isTrue();
        assertThat(module.commit()).isTrue();

        assertThat(codesChecked).containsExactly("jincheng-admin:246810");
        assertThat(subject.getPrincipals(RolePrincipal.class)).extracting(Principal::getName)
                .containsExactlyInAnyOrder("CITY_ADMIN", "ssh", "viewer", "manager", "admin");
        assertThat(subject.getPrincipals(CallerPrincipal.class)).extracting(CallerPrincipal::caller).containsExactly(CITY);
    }

    @Test
    void inTheShellACountyAdministratorOnlyLooks() throws LoginException {
        DirectoryLoginModule module = shellModule("qinshui-admin", "county-password-1" + "135790");
        module.login();
        module.commit();

        assertThat(subject.getPrincipals(RolePrincipal.class)).extracting(Principal::getName)
                .containsExactlyInAnyOrder("COUNTY_ADMIN", "ssh", "viewer");
    }

    @Test
    void theShellRefusesAPasswordWithoutCodeAWrongCodeAndEveryoneButSystemAdministrators() {
        assertThatThrownBy(() -> shellModule("jincheng-admin", "city-password-1").login())
                .isInstanceOf(FailedLoginException.class).hasMessageContaining("followed by the 6-digit code");
        assertThatThrownBy(() -> shellModule("jincheng-admin", "city-password-1" + "000000").login())
                .isInstanceOf(FailedLoginException.class).hasMessage("Wrong second factor code");
        assertThatThrownBy(() -> shellModule("qinshui-operator", "correct horse battery" + "246810").login())
                .isInstanceOf(FailedLoginException.class).hasMessage("The shell is for system administrators");
        assertThat(codesChecked).as("no code is checked for a user the shell is not for").containsExactly("jincheng-admin:000000");
        assertThat(subject.getPrincipals()).isEmpty();
    }

    private static final Caller CITY = new Caller("jincheng-admin", Set.of(Role.CITY_ADMIN), "1405", null);
    private static final Caller COUNTY = new Caller("qinshui-admin", Set.of(Role.COUNTY_ADMIN), "140521", null);
    private static final Authenticator SHELL_DIRECTORY = (userId, password) -> switch (userId + ":" + new String(password)) {
        case "jincheng-admin:city-password-1" -> Optional.of(CITY);
        case "qinshui-admin:county-password-1" -> Optional.of(COUNTY);
        case "qinshui-operator:correct horse battery" -> Optional.of(OPERATOR);
        default -> Optional.empty();
    };
    private final List<String> codesChecked = new ArrayList<>();

    private DirectoryLoginModule shellModule(String user, String password) {
        DirectoryLoginModule module = new DirectoryLoginModule();
        CallbackHandler handler = callbacks -> {
            ((NameCallback) callbacks[0]).setName(user);
            ((PasswordCallback) callbacks[1]).setPassword(password.toCharArray());
        };
        SecondFactorCheck check = (userId, code) -> {
            codesChecked.add(userId + ":" + code);
            if (code.equals("000000")) {
                throw new org.civicgrid.core.api.rest.ProblemException(401, "Wrong second factor code", "wrong");
            }
        };
        module.initialize(subject, handler, Map.of(), Map.of(DirectoryLoginModule.AUTHENTICATOR_OPTION, SHELL_DIRECTORY,
                DirectoryLoginModule.SECOND_FACTOR_OPTION, check));
        return module;
    }

    /** The password does not stay in memory after the check: the callback holding it is blanked. */
    private void assertPasswordCleared() {
        assertThat(asked).singleElement().satisfies(callback -> assertThat(new String(callback.getPassword())).isBlank());
    }

    private DirectoryLoginModule module(Authenticator authenticator, String user, String password) {
        DirectoryLoginModule module = new DirectoryLoginModule();
        CallbackHandler handler = callbacks -> {
            ((NameCallback) callbacks[0]).setName(user);
            PasswordCallback secret = (PasswordCallback) callbacks[1];
            secret.setPassword(password == null ? null : password.toCharArray());
            asked.add(secret);
        };
        module.initialize(subject, handler, Map.of(),
                authenticator == null ? Map.of() : Map.of(DirectoryLoginModule.AUTHENTICATOR_OPTION, authenticator));
        return module;
    }
}
