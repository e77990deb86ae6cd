package org.civicgrid.plugin.patrol.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

/** Distances and the check-in verdict. */
class GreatCircleTest {

    @Test
    void aDegreeOfLatitudeIsAbout111Kilometres() {
        assertThat(GreatCircle.metres(113.28, 35.0, 113.28, 36.0)).isCloseTo(111_195, within(10.0));
    }

    @Test
    void longitudeShrinksWithTheCosineOfLatitude() {
        // Jincheng to Lingchuan county town, about 36 km apart (checked against a map).
        assertThat(GreatCircle.metres(112.851, 35.491, 113.281, 35.776) / 1000).isCloseTo(50.3, within(1.0));
        assertThat(GreatCircle.metres(113.0, 35.78, 113.01, 35.78)).isCloseTo(903, within(2.0));
        assertThat(GreatCircle.metres(113.0, 35.78, 113.0, 35.78)).isZero();
    }

    @Test
    void theVerdictFlagsDistanceBeyondTheRadiusAndTimeOutsideTheShiftAndGrace() {
        CheckInJudge judge = new CheckInJudge(100, Duration.ofMinutes(10));
        LocalDateTime start = LocalDateTime.of(2024, 5, 6, 0, 0);
        LocalDateTime end = start.plusHours(3);
        CheckInJudge.Verdict near = judge.judge(113.0, 35.78, 113.001, 35.78, start.plusHours(1), start, end);
        assertThat(near.distanceMetres()).isCloseTo(90.3, within(0.5));
        assertThat(near.away()).isFalse();
        assertThat(near.offShift()).isFalse();
        assertThat(judge.judge(113.0, 35.78, 113.0012, 35.78, start, start, end).away()).isTrue();
        assertThat(judge.judge(113.0, 35.78, 113.0, 35.78, start.minusMinutes(10), start, end).offShift()).isFalse();
        assertThat(judge.judge(113.0, 35.78, 113.0, 35.78, start.minusMinutes(11), start, end).offShift()).isTrue();
        assertThat(judge.judge(113.0, 35.78, 113.0, 35.78, end.plusMinutes(10), start, end).offShift()).isFalse();
        assertThat(judge.judge(113.0, 35.78, 113.0, 35.78, end.plusMinutes(11), start, end).offShift()).isTrue();
    }
}
