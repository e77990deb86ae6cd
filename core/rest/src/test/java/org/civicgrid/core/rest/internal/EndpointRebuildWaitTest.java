package org.civicgrid.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;

import javax.servlet.FilterChain;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

class EndpointRebuildWaitTest {

    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final StringWriter body = new StringWriter();

    EndpointRebuildWaitTest() throws Exception {
        when(response.getWriter()).thenReturn(new PrintWriter(body));
    }

    /** What CXF writes when it finds no endpoint for the path. */
    private static void noEndpoint(HttpServletResponse response) throws java.io.IOException {
        response.setStatus(404);
        response.setContentType("text/html");
        response.getWriter().write("<html><body>No service was found.</body></html>");
    }

    @Test
    void aRequestMeetingTheRebuildIsPassedAgainAndOnlyTheRealAnswerGoesOut() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        FilterChain chain = (req, res) -> {
            HttpServletResponse http = (HttpServletResponse) res;
            if (calls.incrementAndGet() < 3) {
                noEndpoint(http);
            } else {
                http.setStatus(201);
                http.setContentType("application/json");
                http.getWriter().write("{\"id\":\"c-1\"}");
            }
        };

        new EndpointRebuildWait().doFilter(request, response, chain);

        assertThat(calls).hasValue(3);
        verify(response).setStatus(201);
        verify(response, never()).setStatus(404);
        verify(response, never()).setContentType("text/html");
        assertThat(body.toString()).isEqualTo("{\"id\":\"c-1\"}");
    }

    /** What CXF throws when the request meets the new destination before the endpoint has attached to it. */
    private static NullPointerException destinationWithoutObserver() {
        NullPointerException npe = new NullPointerException("Cannot invoke \"org.apache.cxf.transport.MessageObserver"
                + ".onMessage(org.apache.cxf.message.Message)\" because \"this.incomingObserver\" is null");
        npe.setStackTrace(new StackTraceElement[] {
            new StackTraceElement(EndpointRebuildWait.CXF_DESTINATION, "invoke", "AbstractHTTPDestination.java", 301),
            new StackTraceElement("org.apache.cxf.transport.servlet.ServletController", "invokeDestination",
                    "ServletController.java", 213)});
        return npe;
    }

    @Test
    void aRequestMeetingADestinationWithoutItsEndpointIsPassedAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        FilterChain chain = (req, res) -> {
            if (calls.incrementAndGet() == 1) {
                throw destinationWithoutObserver();
            }
            HttpServletResponse http = (HttpServletResponse) res;
            http.setStatus(201);
            http.getWriter().write("{\"id\":\"c-2\"}");
        };

        new EndpointRebuildWait().doFilter(request, response, chain);

        assertThat(calls).hasValue(2);
        verify(response).setStatus(201);
        assertThat(body.toString()).isEqualTo("{\"id\":\"c-2\"}");
    }

    @Test
    void anyOtherFailureIsNotPassedAgain() {
        AtomicInteger calls = new AtomicInteger();
        NullPointerException bug = new NullPointerException("a bug in a resource");
        FilterChain chain = (req, res) -> {
            calls.incrementAndGet();
            throw bug;
        };

        assertThatThrownBy(() -> new EndpointRebuildWait().doFilter(request, response, chain)).isSameAs(bug);
        assertThat(calls).hasValue(1);
        assertThat(EndpointRebuildWait.isEndpointWithoutObserver(
                new javax.servlet.ServletException(destinationWithoutObserver()))).isTrue();
        assertThat(EndpointRebuildWait.isEndpointWithoutObserver(new IllegalStateException("x"))).isFalse();
        NullPointerException laterInTheSameMethod = new NullPointerException("Cannot invoke \"Message.getExchange()\"");
        laterInTheSameMethod.setStackTrace(destinationWithoutObserver().getStackTrace());
        assertThat(EndpointRebuildWait.isEndpointWithoutObserver(laterInTheSameMethod)).isFalse();
    }

    @Test
    void thePlatformsOwn404GoesOutAtOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        FilterChain chain = (req, res) -> {
            calls.incrementAndGet();
            HttpServletResponse http = (HttpServletResponse) res;
            http.setStatus(404);
            http.setContentType("application/problem+json");
            http.getWriter().write("{\"status\":404}");
        };

        new EndpointRebuildWait().doFilter(request, response, chain);

        assertThat(calls).hasValue(1);
        verify(response).setStatus(404);
        verify(response).setContentType("application/problem+json");
        assertThat(body.toString()).isEqualTo("{\"status\":404}");
    }

    @Test
    void aStatusWithoutABodyIsNotLost() throws Exception {
        FilterChain chain = (req, res) -> ((HttpServletResponse) res).setStatus(404);

        new EndpointRebuildWait().doFilter(request, response, chain);

        verify(response).setStatus(404);
    }

    @Test
    void onTheLastChanceEverythingPassesThrough() throws Exception {
        EndpointRebuildWait.GapDetector lastChance = new EndpointRebuildWait.GapDetector(response, true);

        noEndpoint(lastChance);

        assertThat(lastChance.gap).isFalse();
        verify(response).setStatus(404);
        verify(response).setContentType("text/html");
        assertThat(body.toString()).contains("No service was found.");
        verify(response, never()).sendError(anyInt(), anyString());
    }
}
