package org.civicgrid.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Set;

import javax.ws.rs.core.SecurityContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.CallerPrincipal;
import org.civicgrid.core.api.directory.DirectoryService;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.rest.ProblemException;
import org.junit.jupiter.api.Test;

/** {@code /api/me} tells the console whether the password has expired; {@code /api/me/password} changes it. */
class MeResourceTest {

    private static final Caller WORKER = new Caller("longgang-worker", Set.of(Role.GRID_WORKER), "140521100", null);

    private final DirectoryService directory = mock(DirectoryService.class);
    private final DirectoryResources.Me me = new DirectoryResources.Me(directory);
    private final ObjectMapper json = JsonProvider.mapper();

    @Test
    void meShowsTheCallerAsBeforeAndWhetherThePasswordHasExpired() throws Exception {
        when(directory.passwordExpired(WORKER)).thenReturn(true);

        JsonNode shown = json.valueToTree(me.me(signedIn(WORKER)));

        assertThat(shown.path("userId").asText()).isEqualTo("longgang-worker");
        assertThat(shown.path("roles").toString()).isEqualTo("[\"GRID_WORKER\"]");
        assertThat(shown.path("regionCode").asText()).isEqualTo("140521100");
        assertThat(shown.path("passwordExpired").asBoolean()).isTrue();
    }

    @Test
    void aPasswordChangeIsReadFromCurrentAndNewAndPassedOnForTheCaller() throws Exception {
        DirectoryResources.PasswordChange change = json.readValue(
                "{\"current\":\"Correct-horse-1\",\"new\":\"Battery-staple-2\"}", DirectoryResources.PasswordChange.class);

        assertThat(me.changePassword(signedIn(WORKER), change).getStatus()).isEqualTo(204);
        verify(directory).changePassword(WORKER, "Correct-horse-1", "Battery-staple-2");
    }

    @Test
    void noBodyIsABadRequestAndNobodySignedInIsUnauthorised() {
        assertThatThrownBy(() -> me.changePassword(signedIn(WORKER), null)).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.status()).isEqualTo(400));
        assertThatThrownBy(() -> me.changePassword(mock(SecurityContext.class),
                new DirectoryResources.PasswordChange("Correct-horse-1", "Battery-staple-2")))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.status()).isEqualTo(401));
        verify(directory, never()).changePassword(any(), anyString(), anyString());
    }

    private static SecurityContext signedIn(Caller caller) {
        SecurityContext security = mock(SecurityContext.class);
        when(security.getUserPrincipal()).thenReturn(new CallerPrincipal(caller));
        return security;
    }
}
