package org.civicgrid.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.civicgrid.core.api.rest.ApiApplication;
import org.junit.jupiter.api.Test;

/** What a caller reads when the request is wrong: the field and what it accepts, no class names, no trace. */
class WebApplicationErrorMapperTest {

    enum Colour { RED, GREEN }

    record Paint(Colour colour, int litres) {
    }

    private final ObjectMapper mapper = JsonProvider.mapper();

    @Test
    void anUnknownEnumValueListsTheAcceptedOnes() {
        String detail = describe("{\"colour\":\"BLUE\",\"litres\":1}");
        assertThat(detail).contains("field 'colour'").contains("'BLUE'").contains("[GREEN, RED]")
                .doesNotContain("org.civicgrid").doesNotContain("Colour");
    }

    @Test
    void anUnknownFieldNamesTheKnownOnes() {
        assertThat(describe("{\"colour\":\"RED\",\"litres\":1,\"brand\":\"x\"}"))
                .contains("unknown field 'brand'").contains("colour").contains("litres");
    }

    @Test
    void aWrongTypeSaysWhatWasExpected() {
        assertThat(describe("{\"colour\":\"RED\",\"litres\":\"many\"}")).contains("field 'litres'").contains("number");
    }

    @Test
    void brokenJsonSaysWhere() {
        assertThat(describe("{\"colour\":")).contains("not valid JSON").contains("line 1");
    }

    @Test
    void aMissingResourceIsAProblemDocument() {
        Response response = new WebApplicationErrorMapper().toResponse(new NotFoundException());
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getMediaType().toString()).isEqualTo(ApiApplication.PROBLEM_JSON);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) response.getEntity();
        assertThat(body).containsEntry("status", 404).containsKey("detail");
    }

    private String describe(String json) {
        try {
            mapper.readValue(json, Paint.class);
            throw new AssertionError("expected the body to be refused: " + json);
        } catch (JsonProcessingException e) {
            return WebApplicationErrorMapper.describe(new BadRequestException(e));
        }
    }
}
