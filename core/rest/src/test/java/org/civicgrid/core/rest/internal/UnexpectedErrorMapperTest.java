package org.civicgrid.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import javax.ws.rs.core.Response;

import org.civicgrid.core.api.rest.ProblemException;
import org.junit.jupiter.api.Test;

class UnexpectedErrorMapperTest {

    @Test
    void aBugAnswers500WithAnIncidentAndNoInternals() {
        Response response = new UnexpectedErrorMapper().toResponse(new IllegalStateException("secret table cg_x broke"));
        assertThat(response.getStatus()).isEqualTo(500);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) response.getEntity();
        assertThat(body.get("incident")).asString().hasSize(36);
        assertThat(body.values().toString()).doesNotContain("secret").doesNotContain("IllegalStateException");
    }

    @Test
    void aCallersErrorWrappedOnTheWayOutKeepsItsStatus() {
        RuntimeException wrapped = new RuntimeException("tx failed", ProblemException.badRequest("summary is required"));
        Response response = new UnexpectedErrorMapper().toResponse(wrapped);
        assertThat(response.getStatus()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) response.getEntity();
        assertThat(body).containsEntry("detail", "summary is required");
    }
}
