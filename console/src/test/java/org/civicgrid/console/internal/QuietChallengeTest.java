package org.civicgrid.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;

import org.junit.jupiter.api.Test;

class QuietChallengeTest {

    @Test
    void theConsoleGetsNoBrowserPasswordDialogButOtherClientsStillGetTheChallenge() {
        assertThat(challengeAfterFilter("XMLHttpRequest")).isNull();
        assertThat(challengeAfterFilter(null)).isEqualTo("Basic realm=\"civicgrid\"");
    }

    private static Object challengeAfterFilter(String requestedWith) {
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        when(request.getHeaderString(QuietChallenge.REQUESTED_WITH)).thenReturn(requestedWith);
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        headers.putSingle("WWW-Authenticate", "Basic realm=\"civicgrid\"");
        ContainerResponseContext response = mock(ContainerResponseContext.class);
        when(response.getStatus()).thenReturn(401);
        when(response.getHeaders()).thenReturn(headers);
        new QuietChallenge().filter(request, response);
        return headers.getFirst("WWW-Authenticate");
    }
}
