package org.civicgrid.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class SecurityHeadersTest {

    private final SecurityHeaders filter = new SecurityHeaders();

    @Test
    void aBodyLargerThanAnyResourceAcceptsIsRefusedUnread() {
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        when(request.getHeaderString("Content-Length")).thenReturn(Long.toString(SecurityHeaders.MAX_BODY_BYTES + 1));
        filter.filter(request);
        ArgumentCaptor<Response> refused = ArgumentCaptor.forClass(Response.class);
        verify(request).abortWith(refused.capture());
        assertThat(refused.getValue().getStatus()).isEqualTo(413);
    }

    @Test
    void anOrdinaryBodyPasses() {
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        when(request.getHeaderString("Content-Length")).thenReturn("2048");
        filter.filter(request);
        verify(request, never()).abortWith(any());
    }

    @Test
    void everyResponseIsMarkedNotToBeKeptSniffedOrFramed() {
        ContainerResponseContext response = mock(ContainerResponseContext.class);
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        when(response.getHeaders()).thenReturn(headers);
        filter.filter(mock(ContainerRequestContext.class), response);
        assertThat(headers.getFirst("Cache-Control")).isEqualTo("no-store");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
    }
}
