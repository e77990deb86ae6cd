package org.civicgrid.plugin.mentalhealth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** GB 11643: 17 digits, a birth date, the MOD 11-2 check character. */
class ResidentIdTest {

    @Test
    void acceptsAWellFormedNumberAndNormalisesX() {
        // The standard's own example: 11010519491231002X.
        assertThat(ResidentId.normalised(" 11010519491231002x ")).isEqualTo("11010519491231002X");
        assertThat(ResidentId.checkCharacter("14052519900307123")).isEqualTo('1');
        assertThat(ResidentId.normalised("140525199003071231")).isEqualTo("140525199003071231");
    }

    @Test
    void refusesAMistypedDigitWithoutEchoingTheNumber() {
        assertThatThrownBy(() -> ResidentId.normalised("140525199003071232"))
                .hasMessageContaining("check digit").hasMessageNotContaining("140525199003071232");
        assertThatThrownBy(() -> ResidentId.normalised("140525199003071321")).hasMessageContaining("check digit");
    }

    @Test
    void refusesWrongShapesAndImpossibleDates() {
        assertThatThrownBy(() -> ResidentId.normalised(null)).hasMessageContaining("required");
        assertThatThrownBy(() -> ResidentId.normalised("14052519900307")).hasMessageContaining("18 characters");
        assertThatThrownBy(() -> ResidentId.normalised("1405251990030712X8")).hasMessageContaining("18 characters");
        String feb30 = TestPlatform.residentId("14052519900230123");
        assertThatThrownBy(() -> ResidentId.normalised(feb30)).hasMessageContaining("not a date");
    }
}
