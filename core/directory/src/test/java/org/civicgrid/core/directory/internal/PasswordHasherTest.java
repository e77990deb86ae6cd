package org.civicgrid.core.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Stored password hashes verify the right password only, and do not give the password away. */
class PasswordHasherTest {

    private static final String PASSWORD = "龙港镇-correct horse 42";

    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void theRightPasswordMatchesItsHash() {
        assertThat(hasher.matches(PASSWORD.toCharArray(), hasher.hash(PASSWORD.toCharArray()))).isTrue();
    }

    @Test
    void aWrongPasswordDoesNotMatch() {
        String stored = hasher.hash(PASSWORD.toCharArray());
        assertThat(hasher.matches("龙港镇-correct horse 43".toCharArray(), stored)).isFalse();
        assertThat(hasher.matches("龙港镇-correct horse 42 ".toCharArray(), stored)).isFalse();
        assertThat(hasher.matches("龙港镇-CORRECT horse 42".toCharArray(), stored)).isFalse();
        assertThat(hasher.matches(new char[0], stored)).isFalse();
    }

    @Test
    void theHashIsSaltedAndDoesNotContainThePassword() {
        String first = hasher.hash(PASSWORD.toCharArray());
        String second = hasher.hash(PASSWORD.toCharArray());

        assertThat(first).isNotEqualTo(second).doesNotContain(PASSWORD).doesNotContain("correct horse");
        assertThat(first.split("\\$")).hasSize(4);
        assertThat(hasher.matches(PASSWORD.toCharArray(), second)).isTrue();
    }

    @Test
    void theProductionCostIsRecordedInTheHash() {
        String stored = new PasswordHasher().hash(PASSWORD.toCharArray());
        assertThat(stored).startsWith("pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$");
        assertThat(PasswordHasher.ITERATIONS).isGreaterThanOrEqualTo(310_000);
    }

    @Test
    void aHashMadeAtAnotherCostStillVerifiesAfterTheCostIsRaised() {
        String stored = hasher.hash(PASSWORD.toCharArray());
        assertThat(new PasswordHasher(2_000).matches(PASSWORD.toCharArray(), stored)).isTrue();
        assertThat(new PasswordHasher(2_000).matches("wrong".toCharArray(), stored)).isFalse();
    }

    @Test
    void aStoredValueThatIsNotSuchAHashMatchesNothing() {
        assertThat(hasher.matches(PASSWORD.toCharArray(), null)).isFalse();
        assertThat(hasher.matches(PASSWORD.toCharArray(), "")).isFalse();
        assertThat(hasher.matches(PASSWORD.toCharArray(), PASSWORD)).isFalse();
        String bcryptLike = hasher.hash(PASSWORD.toCharArray()).replace("pbkdf2-sha256", "bcrypt");
        assertThat(hasher.matches(PASSWORD.toCharArray(), bcryptLike)).isFalse();
    }
}
