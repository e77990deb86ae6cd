package org.civicgrid.core.security.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.security.PrivilegedExceptionAction;
import java.util.List;
import java.util.Set;

import javax.security.auth.Subject;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.CallerPrincipal;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.rest.ProblemException;
import org.civicgrid.core.security.internal.JpaAuditTrail;
import org.junit.jupiter.api.Test;

/** The shell's audit commands are for the operators of the installation, not for system administrators (三权分立). */
class SecurityCommandsTest {

    private final JpaAuditTrail trail = mock(JpaAuditTrail.class);

    @Test
    void aSystemAdministratorOnTheShellNeitherListsNorVerifiesTheAuditTrail() {
        SecurityCommands.AuditList list = new SecurityCommands.AuditList();
        list.audit = trail;
        SecurityCommands.AuditVerify verify = new SecurityCommands.AuditVerify();
        verify.audit = trail;
        for (Role role : List.of(Role.COUNTY_ADMIN, Role.CITY_ADMIN)) {
            Subject signedIn = new Subject();
            signedIn.getPrincipals().add(new CallerPrincipal(new Caller("sysadmin", Set.of(role), "1405", null)));
            assertThatThrownBy(() -> as(signedIn, list::execute)).isInstanceOf(ProblemException.class)
                    .hasMessageContaining("audit administrators");
            assertThatThrownBy(() -> as(signedIn, verify::execute)).isInstanceOf(ProblemException.class)
                    .hasMessageContaining("audit administrators");
        }
        verifyNoInteractions(trail);
    }

    @Test
    void anOperatorOfTheInstallationListsIt() throws Exception {
        SecurityCommands.AuditList list = new SecurityCommands.AuditList();
        list.audit = trail;
        when(trail.latest(null, null, 20)).thenReturn(List.of());
        assertThat(as(new Subject(), list::execute)).isNull();
        verify(trail).latest(null, null, 20);
    }

    @SuppressWarnings("removal")
    private static Object as(Subject subject, PrivilegedExceptionAction<Object> command) throws Exception {
        try {
            return Subject.doAs(subject, command);
        } catch (java.security.PrivilegedActionException e) {
            throw e.getException();
        }
    }
}
