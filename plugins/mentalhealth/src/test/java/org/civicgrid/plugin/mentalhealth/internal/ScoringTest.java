package org.civicgrid.plugin.mentalhealth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.civicgrid.core.api.rest.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Totals, bands and tiers come from the item answers only, in the bands of the person's county. */
class ScoringTest {

    private final Scoring scoring = new Scoring();

    @ParameterizedTest
    @CsvSource({"0,minimal,LOW", "4,minimal,LOW", "5,mild,LOW", "9,mild,LOW", "10,moderate,MODERATE",
        "14,moderate,MODERATE", "15,moderately-severe,HIGH", "19,moderately-severe,HIGH", "20,severe,HIGH",
        "24,severe,HIGH"})
    void phq9BandsAreTheStandardOnesWithoutASelfHarmAnswer(int total, String band, RiskTier tier) {
        ScreeningResult result = scoring.score(Instrument.PHQ_9, answers(9, total, 8), "140525100200");
        assertThat(result.score()).isEqualTo(total);
        assertThat(result.band()).isEqualTo(band);
        assertThat(result.tier()).isEqualTo(tier);
        assertThat(result.alert()).isFalse();
    }

    @Test
    void phq9ItemNineAnsweredAtAllRaisesAnAlertAndTheCrisisTier() {
        ScreeningResult result = scoring.score(Instrument.PHQ_9, List.of(0, 0, 0, 0, 0, 0, 0, 0, 1), "140525");
        assertThat(result.score()).isEqualTo(1);
        assertThat(result.band()).isEqualTo("minimal");
        assertThat(result.tier()).isEqualTo(RiskTier.CRISIS);
        assertThat(result.alert()).isTrue();
        assertThat(scoring.score(Instrument.PHQ_9, List.of(3, 3, 3, 3, 3, 3, 3, 3, 3), "140525"))
                .isEqualTo(new ScreeningResult(27, "severe", RiskTier.CRISIS, true));
    }

    @ParameterizedTest
    @CsvSource({"4,minimal", "5,mild", "9,mild", "10,moderate", "14,moderate", "15,severe", "21,severe"})
    void gad7BandsAreTheStandardOnesAndNoItemAlerts(int total, String band) {
        ScreeningResult result = scoring.score(Instrument.GAD_7, answers(7, total, -1), "140521");
        assertThat(result.band()).isEqualTo(band);
        assertThat(result.alert()).isFalse();
    }

    @Test
    void aCountysOwnBandsApplyToItsVillagesOnly() {
        // As a .cfg file gives it: one comma-separated string.
        scoring.addCountyBands(new CountyBands("140525", Map.of("GAD-7", new String[] {
            "minimal:0-4:LOW, mild:5-9:LOW, moderate:10-13:MODERATE, moderately-severe:14-18:HIGH, severe:19-21:HIGH"})));
        assertThat(scoring.score(Instrument.GAD_7, answers(7, 14, -1), "140525100200").band()).isEqualTo("moderately-severe");
        assertThat(scoring.score(Instrument.GAD_7, answers(7, 14, -1), "140521100200").band()).isEqualTo("moderate");
        assertThat(scoring.score(Instrument.PHQ_9, answers(9, 14, 8), "140525100200").band())
                .as("PHQ-9 not configured for the county: standard").isEqualTo("moderate");
    }

    @Test
    void brokenCountyBandsFallBackToTheStandard() {
        scoring.addCountyBands(new CountyBands("140525", Map.of("PHQ-9", new String[] {"low:0-9:LOW", "high:11-27:HIGH"})));
        assertThat(scoring.score(Instrument.PHQ_9, answers(9, 10, 8), "140525").band()).isEqualTo("moderate");
    }

    @Test
    void bandTablesMustCoverEveryTotalOnce() {
        assertThatThrownBy(() -> BandTable.parse(new String[] {"a:0-4:LOW", "b:6-27:HIGH"}, 27)).hasMessageContaining("5-5");
        assertThatThrownBy(() -> BandTable.parse(new String[] {"a:0-5:LOW", "b:5-27:HIGH"}, 27)).hasMessageContaining("overlaps");
        assertThatThrownBy(() -> BandTable.parse(new String[] {"a:0-30:LOW"}, 27)).hasMessageContaining("past");
        assertThatThrownBy(() -> BandTable.parse(new String[] {"a:0-27:SEVERE"}, 27)).hasMessageContaining("TIER");
        assertThat(Instrument.PHQ_9.standardTable().bands()).hasSize(5);
        assertThat(Instrument.GAD_7.standardTable().bands()).hasSize(4);
    }

    @Test
    void answersMustBeOnePerItemOnTheScale() {
        assertThatThrownBy(() -> scoring.score(Instrument.PHQ_9, List.of(1, 1, 1), "140525"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("9 items");
        assertThatThrownBy(() -> scoring.score(Instrument.GAD_7, List.of(0, 0, 4, 0, 0, 0, 0), "140525"))
                .hasMessageContaining("Item 3").hasMessageContaining("0-3");
        assertThatThrownBy(() -> scoring.score(Instrument.GAD_7, Arrays.asList(0, null, 0, 0, 0, 0, 0), "140525"))
                .hasMessageContaining("Item 2");
        assertThatThrownBy(() -> scoring.score(Instrument.GAD_7, null, "140525")).hasMessageContaining("7 items");
    }

    /** Answers summing to {@code total}, leaving item {@code spare} (0-based) at 0. */
    static List<Integer> answers(int items, int total, int spare) {
        List<Integer> answers = new ArrayList<>(Collections.nCopies(items, 0));
        int left = total;
        for (int i = 0; i < items && left > 0; i++) {
            if (i == spare) {
                continue;
            }
            int a = Math.min(3, left);
            answers.set(i, a);
            left -= a;
        }
        if (left > 0) {
            throw new IllegalArgumentException("total too high without the spare item");
        }
        return answers;
    }
}
