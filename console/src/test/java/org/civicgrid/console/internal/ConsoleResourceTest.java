package org.civicgrid.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Set;

import javax.ws.rs.core.SecurityContext;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.CallerPrincipal;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.rest.ProblemException;
import org.junit.jupiter.api.Test;

class ConsoleResourceTest {

    private final PanelTracker tracker = mock(PanelTracker.class);

    @Test
    void aUserSeesOnlyThePanelsOfTheirRoles() {
        when(tracker.panels()).thenReturn(PanelDeclarations.parse("mentalhealth",
                "register;title=心理健康;endpoint=/api/mentalhealth/flags;roles=COUNSELLOR,"
                        + "figures;title=统计;endpoint=/api/mentalhealth/figures"));
        ConsoleResource resource = new ConsoleResource(tracker, configuration("", ""));

        assertThat(resource.panels(signedIn(Role.COUNSELLOR))).extracting(ConsoleResource.Panel::id)
                .containsExactly("register", "figures");
        assertThat(resource.panels(signedIn(Role.GRID_WORKER))).extracting(ConsoleResource.Panel::id)
                .containsExactly("figures");
    }

    @Test
    void panelsAreForSignedInUsersOnly() {
        when(tracker.panels()).thenReturn(List.of());
        ConsoleResource resource = new ConsoleResource(tracker, configuration("", ""));
        assertThatThrownBy(() -> resource.panels(mock(SecurityContext.class)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void theTileServiceIsOffUnlessConfiguredAndAChangeAppliesAtOnce() {
        ConsoleResource resource = new ConsoleResource(tracker, configuration("", ""));
        assertThat(resource.config().tileUrl()).isEmpty();
        resource.modified(configuration(" http://tiles.local/{z}/{x}/{y}.png ", "县测绘队"));
        assertThat(resource.config().tileUrl()).isEqualTo("http://tiles.local/{z}/{x}/{y}.png");
        assertThat(resource.config().tileAttribution()).isEqualTo("县测绘队");
    }

    private static SecurityContext signedIn(Role role) {
        SecurityContext security = mock(SecurityContext.class);
        when(security.getUserPrincipal()).thenReturn(new CallerPrincipal(new Caller("u", Set.of(role), "140521", null)));
        return security;
    }

    private static ConsoleConfiguration configuration(String tileUrl, String attribution) {
        return new ConsoleConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ConsoleConfiguration.class;
            }

            @Override
            public String tileUrl() {
                return tileUrl;
            }

            @Override
            public String tileAttribution() {
                return attribution;
            }
        };
    }
}
