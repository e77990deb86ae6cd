package org.civicgrid.core.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Stored password hashes verify the right password only, do not give the password away, carry their cost, and
 * hashes of the first releases (PBKDF2) still verify but are marked for replacement.
 */
class PasswordHasherTest {

    private static final String PASSWORD = "龙港镇-Correct horse 42";
    /** A cheap cost keeps the tests fast; one test below runs the production cost. */
    private static final PasswordHasher.Cost CHEAP = new PasswordHasher.Cost(256, 2, 1);

    private final PasswordHasher hasher = new PasswordHasher(CHEAP);

    @Test
    void theRightPasswordMatchesItsHash() {
        assertThat(hasher.matches(PASSWORD.toCharArray(), hasher.hash(PASSWORD.toCharArray()))).isTrue();
    }

    @Test
    void aWrongPasswordDoesNotMatch() {
        String stored = hasher.hash(PASSWORD.toCharArray());
        assertThat(hasher.matches("龙港镇-Correct horse 43".toCharArray(), stored)).isFalse();
        assertThat(hasher.matches("龙港镇-Correct horse 42 ".toCharArray(), stored)).isFalse();
        assertThat(hasher.matches("龙港镇-CORRECT horse 42".toCharArray(), stored)).isFalse();
        assertThat(hasher.matches(new char[0], stored)).isFalse();
    }

    @Test
    void newHashesAreArgon2idWithTheirParametersSaltAndHashInThePhcForm() {
        String first = hasher.hash(PASSWORD.toCharArray());
        String second = hasher.hash(PASSWORD.toCharArray());

        assertThat(first).matches("\\$argon2id\\$v=19\\$m=256,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(first).isNotEqualTo(second).doesNotContain(PASSWORD).doesNotContain("Correct horse");
        assertThat(hasher.matches(PASSWORD.toCharArray(), second)).isTrue();
    }

    /** Hashes made by the reference implementation (libargon2) verify: this is Argon2id, not something like it. */
    @Test
    void hashesOfTheReferenceImplementationVerify() {
        String cheap = "$argon2id$v=19$m=256,t=2,p=1$Y2l2aWNncmlkLXNhbHQtMQ$S5jVs9S2wDXdlLearNmht45ux9QFbUylj+qGL271A7E";
        String owasp = "$argon2id$v=19$m=19456,t=2,p=1$Y2l2aWNncmlkLXNhbHQtMQ$TTqZSAZa+8ESI+/hxRvVjS67RckJSTrMcFiRnrbEC8U";
        assertThat(hasher.matches(PASSWORD.toCharArray(), cheap)).isTrue();
        assertThat(hasher.matches(PASSWORD.toCharArray(), owasp)).isTrue();
        assertThat(hasher.matches("龙港镇-Correct horse 43".toCharArray(), owasp)).isFalse();
        assertThat(hasher.matches(PASSWORD.toCharArray(), owasp.replace("m=19456", "m=19457"))).isFalse();
    }

    @Test
    void theProductionCostIsAtLeastOwaspsAndRecordedInTheHash() {
        PasswordHasher production = new PasswordHasher();
        String stored = production.hash(PASSWORD.toCharArray());

        assertThat(stored).startsWith("$argon2id$v=19$m=" + PasswordHasher.COST.memoryKiB() + ",t="
                + PasswordHasher.COST.iterations() + ",p=" + PasswordHasher.COST.parallelism() + "$");
        assertThat(PasswordHasher.COST.atLeast(new PasswordHasher.Cost(19 * 1024, 2, 1))).isTrue();
        assertThat(production.matches(PASSWORD.toCharArray(), stored)).isTrue();
        assertThat(production.needsRehash(stored)).isFalse();
    }

    @Test
    void aHashMadeAtALowerCostStillVerifiesAfterTheCostIsRaisedAndIsMarkedForReplacement() {
        String stored = hasher.hash(PASSWORD.toCharArray());
        PasswordHasher raised = new PasswordHasher(new PasswordHasher.Cost(512, 3, 1));

        assertThat(raised.matches(PASSWORD.toCharArray(), stored)).isTrue();
        assertThat(raised.matches("wrong".toCharArray(), stored)).isFalse();
        assertThat(raised.needsRehash(stored)).isTrue();
        assertThat(hasher.needsRehash(stored)).isFalse();
        assertThat(hasher.needsRehash(raised.hash(PASSWORD.toCharArray()))).as("a stronger hash stays").isFalse();
    }

    @Test
    void aPbkdf2HashOfTheFirstReleasesStillVerifiesAndIsMarkedForReplacement() throws Exception {
        String legacy = LegacyHashes.pbkdf2(PASSWORD, 1_000);

        assertThat(hasher.matches(PASSWORD.toCharArray(), legacy)).isTrue();
        assertThat(hasher.matches("龙港镇-Correct horse 43".toCharArray(), legacy)).isFalse();
        assertThat(hasher.needsRehash(legacy)).isTrue();
    }

    @Test
    void aStoredValueThatIsNotSuchAHashMatchesNothing() {
        String argon2 = hasher.hash(PASSWORD.toCharArray());
        for (String stored : new String[] {null, "", PASSWORD, argon2.replace("argon2id", "argon2i"),
                argon2.replace("v=19", "v=16"), argon2.replace("m=256,t=2,p=1", "m=256,t=2"),
                argon2.replace("m=256", "m=huge"), argon2.replace("m=256", "m=99999999"), argon2 + "$more",
                argon2.substring(0, argon2.lastIndexOf('$') + 1) + "not base64!", "pbkdf2-sha256$x$y$z",
                "bcrypt$1000$c2FsdA$aGFzaA"}) {
            assertThat(hasher.matches(PASSWORD.toCharArray(), stored)).as(stored).isFalse();
            assertThat(hasher.needsRehash(stored)).as(stored).isTrue();
        }
    }
}
