package org.civicgrid.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;

import org.civicgrid.core.api.rest.ProblemException;
import org.junit.jupiter.api.Test;

class CaseQueryTimeTest {

    @Test
    void aDateIsItsStartInBeijingTimeAndATimeKeepsItsOffset() {
        assertThat(CaseResource.time("from", "2026-11-22")).isEqualTo(OffsetDateTime.parse("2026-11-22T00:00+08:00"));
        assertThat(CaseResource.time("to", "2026-11-22T01:02:03Z")).isEqualTo(OffsetDateTime.parse("2026-11-22T01:02:03Z"));
        assertThat(CaseResource.time("from", " ")).isNull();
        assertThatThrownBy(() -> CaseResource.time("from", "yesterday"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("from is a date");
    }
}
