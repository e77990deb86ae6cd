package org.civicgrid.plugin.mediation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Check digits of GB 11643 ID numbers and GB 32100 credit codes. */
class IdNumbersTest {

    @Test
    void acceptsValidResidentIdNumbersWithDigitOrXCheck() {
        assertThat(IdNumbers.residentId("11010519491231002x")).isEqualTo("11010519491231002X");
        assertThat(IdNumbers.residentId(" 440524188001010014 ")).isEqualTo("440524188001010014");
    }

    @Test
    void refusesAWrongCheckDigitABadDateOrFormat() {
        assertThatThrownBy(() -> IdNumbers.residentId("110105194912310021")).hasMessageContaining("check digit");
        assertThatThrownBy(() -> IdNumbers.residentId("1101051949123100")).hasMessageContaining("17 digits");
        // 1949-13-31 with its check digit computed: still not a date of birth.
        assertThatThrownBy(() -> IdNumbers.residentId(withCheck("11010519491331002"))).hasMessageContaining("date of birth");
    }

    @Test
    void checksUnifiedSocialCreditCodes() {
        assertThat(IdNumbers.creditCode("91350100M000100Y43")).isEqualTo("91350100M000100Y43");
        assertThatThrownBy(() -> IdNumbers.creditCode("91350100M000100Y44")).hasMessageContaining("check character");
        assertThatThrownBy(() -> IdNumbers.creditCode("91350100M000100I43")).hasMessageContaining("18 letters");
    }

    private static String withCheck(String seventeen) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (seventeen.charAt(i) - '0') * w[i];
        }
        return seventeen + "10X98765432".charAt(sum % 11);
    }
}
