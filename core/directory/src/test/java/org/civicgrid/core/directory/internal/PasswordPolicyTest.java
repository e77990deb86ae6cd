package org.civicgrid.core.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDateTime;

import org.civicgrid.core.api.rest.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each profile asks of a new password, the rules every profile keeps, and when a password expires. */
class PasswordPolicyTest {

    private static final String USER = "qs-operator";

    @Test
    void theMlpsProfileIsTheDefaultAndAsksForTenCharactersOfThreeKindsChangedEveryNinetyDays() {
        assertThat(PasswordPolicy.of(config(null, 0, 0, 0))).isEqualTo(PasswordPolicy.MLPS);
        assertThat(PasswordPolicy.of(config(PasswordProfile.MLPS, 0, 0, 0))).isEqualTo(PasswordPolicy.MLPS);
        assertThat(PasswordPolicy.MLPS.minLength()).isEqualTo(10);
        assertThat(PasswordPolicy.MLPS.characterClasses()).isEqualTo(3);
        assertThat(PasswordPolicy.MLPS.maxAgeDays()).isEqualTo(90);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "county-pass-01                 | ",
        "Grid-Worker-2026               | ",
        "龙港镇网格员-pass42              | ",
        "county-pass                    | must mix at least 3 of the 4 kinds of character: lower-case letters, upper-case letters, digits, others (symbols, spaces, Chinese characters); it has 2.",
        "CountyPass2026                 | ",
        "countypass2026                 | it has 2.",
        "correct horse battery staple   | it has 2.",
        "Pass-01                        | password must have at least 10 characters.",
        "Password@123                   | password is one of the most commonly used passwords: choose another.",
        "PASSW0RD@123                   | one of the most commonly used passwords",
        "1qaz@WSX3edc                   | one of the most commonly used passwords",
        "QS-Operator-2026               | password must not contain the user id.",
        "my-qs-operator-pw-9            | must not contain the user id",
    })
    void theMlpsProfileRefusesWhatBreaksARuleAndSaysWhichRule(String password, String refusal) {
        assertRule(PasswordPolicy.MLPS, password, refusal);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "correct horse battery staple   | ",
        "countypass2026                 | ",
        "龙港镇的网格员每天走访十二户          | ",
        "county-pass                    | password must have at least 12 characters.",
        "Password@123                   | one of the most commonly used passwords",
        "qwertyuiop123                  | one of the most commonly used passwords",
        "qs-operator horse battery      | must not contain the user id",
    })
    void theAsvsProfileAsksForLengthOnlyAndStillRefusesCommonPasswordsAndTheUserId(String password, String refusal) {
        PasswordPolicy asvs = PasswordPolicy.of(config(PasswordProfile.ASVS, 0, 0, 0));
        assertThat(asvs).isEqualTo(PasswordPolicy.ASVS);
        assertThat(asvs.maxAgeDays()).as("no forced change").isZero();
        assertRule(asvs, password, refusal);
    }

    @Test
    void theCustomProfileTakesTheIndividualSettings() {
        PasswordPolicy custom = PasswordPolicy.of(config(PasswordProfile.CUSTOM, 14, 4, 180));

        assertThat(custom).isEqualTo(new PasswordPolicy(PasswordProfile.CUSTOM, 14, 4, 180));
        assertRule(custom, "County-pass-1", "password must have at least 14 characters.");
        assertRule(custom, "county-pass-2026", "must mix at least 4 of the 4 kinds");
        assertRule(custom, "County-pass-2026", null);
    }

    @Test
    void settingsOutsideTheirRangeAreBroughtBackIntoIt() {
        PasswordPolicy lax = PasswordPolicy.of(config(PasswordProfile.CUSTOM, 4, 0, -5));
        assertThat(lax).isEqualTo(new PasswordPolicy(PasswordProfile.CUSTOM, 8, 1, 0));
        assertRule(lax, "abcdefg", "at least 8 characters");
        assertThat(PasswordPolicy.of(config(PasswordProfile.CUSTOM, 500, 9, 30)))
                .isEqualTo(new PasswordPolicy(PasswordProfile.CUSTOM, 128, 4, 30));
    }

    @Test
    void aPasswordIsRequiredAndHasAtMost128Characters() {
        assertRule(PasswordPolicy.MLPS, null, "password must have at least 10 characters.");
        assertRule(PasswordPolicy.MLPS, "Ab1-" + "x".repeat(124), null);
        assertRule(PasswordPolicy.MLPS, "Ab1-" + "x".repeat(125), "password must have at most 128 characters.");
    }

    @Test
    void charactersAreCountedAsTheUserSeesThem() {
        // Ten characters outside the basic plane (CJK Extension B) are ten, not twenty, UTF-16 units.
        String tenRareCharacters = "𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉";
        assertThat(tenRareCharacters.length()).isEqualTo(20);
        assertRule(PasswordPolicy.ASVS, tenRareCharacters, "at least 12 characters");
        assertThat(PasswordPolicy.kinds("abcABC123")).isEqualTo(3);
        assertThat(PasswordPolicy.kinds("网格abc")).isEqualTo(2);
        assertThat(PasswordPolicy.kinds("a A")).isEqualTo(3);
    }

    @Test
    void theMessageNamesTheFieldTheRequestCallsThePassword() {
        assertRule(PasswordPolicy.MLPS, "short", null, "new password", "new password must have at least 10 characters.");
    }

    @Test
    void aPasswordExpiresWhenItsMaximumAgeIsReached() {
        LocalDateTime set = LocalDateTime.parse("2026-08-25T09:00");

        assertThat(PasswordPolicy.MLPS.expired(set, set.plusDays(90).minusSeconds(1))).isFalse();
        assertThat(PasswordPolicy.MLPS.expired(set, set.plusDays(90))).isTrue();
        assertThat(PasswordPolicy.ASVS.expired(set, set.plusYears(10))).isFalse();
        assertThat(new PasswordPolicy(PasswordProfile.CUSTOM, 10, 3, 30).expired(set, set.plusDays(30))).isTrue();
        assertThat(PasswordPolicy.MLPS.expired(null, set)).isFalse();
    }

    private static void assertRule(PasswordPolicy policy, String password, String refusal) {
        assertRule(policy, password, refusal, "password", null);
    }

    private static void assertRule(PasswordPolicy policy, String password, String refusal, String field, String exact) {
        if (refusal == null && exact == null) {
            assertThatCode(() -> policy.check(field, USER, password)).as(password).doesNotThrowAnyException();
            return;
        }
        assertThatThrownBy(() -> policy.check(field, USER, password)).as(password)
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    if (exact != null) {
                        assertThat(problem.detail()).isEqualTo(exact);
                    } else {
                        assertThat(problem.detail()).contains(refusal);
                    }
                });
    }

    static DirectoryConfiguration config(PasswordProfile profile, int minLength, int classes, int maxAgeDays) {
        DirectoryConfiguration config = mock(DirectoryConfiguration.class);
        when(config.passwordProfile()).thenReturn(profile);
        when(config.passwordMinLength()).thenReturn(minLength);
        when(config.passwordCharacterClasses()).thenReturn(classes);
        when(config.passwordMaxAgeDays()).thenReturn(maxAgeDays);
        return config;
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(PasswordProfile.class)
    void temporaryPasswordsMeetThePolicyAndDiffer(PasswordProfile profile) {
        PasswordPolicy policy = profile == PasswordProfile.MLPS ? PasswordPolicy.MLPS
                : profile == PasswordProfile.ASVS ? PasswordPolicy.ASVS : new PasswordPolicy(profile, 20, 4, 30);
        java.util.Set<String> made = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            String temporary = policy.temporary("abc");
            policy.check("password", "abc", temporary);
            assertThat(temporary).hasSize(Math.max(16, policy.minLength())).doesNotContain("0", "O", "1", "l", "I");
            made.add(temporary);
        }
        assertThat(made).hasSize(200);
    }
}
