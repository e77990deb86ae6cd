package org.civicgrid.core.directory.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashes. New ones are Argon2id (Bouncy Castle) in the PHC string form
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}: the cost travels with each hash, so it can be
 * raised without invalidating stored ones. Hashes of the platform's first releases,
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}, still verify; {@link #needsRehash} tells the directory to
 * replace them (and Argon2id hashes made at a lower cost) at the user's next successful sign-in.
 */
final class PasswordHasher {

    /**
     * @param memoryKiB memory per hash in KiB
     * @param iterations passes over the memory
     * @param parallelism lanes
     */
    record Cost(int memoryKiB, int iterations, int parallelism) {

        Cost {
            if (parallelism < 1 || iterations < 1 || memoryKiB < 8 * parallelism) {
                throw new IllegalArgumentException("Argon2 needs p >= 1, t >= 1 and m >= 8 * p KiB");
            }
        }

        boolean atLeast(Cost other) {
            return memoryKiB >= other.memoryKiB && iterations >= other.iterations && parallelism >= other.parallelism;
        }
    }

    /** OWASP's first Argon2id setting (Password Storage Cheat Sheet): 19 MiB, 2 passes, 1 lane. */
    static final Cost COST = new Cost(19 * 1024, 2, 1);

    private static final String ARGON2ID = "argon2id";
    private static final String PBKDF2 = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** A stored hash asking for more than this is not ours: refuse it rather than let it exhaust the heap. */
    private static final int MAX_MEMORY_KIB = 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private final Cost cost;

    PasswordHasher() {
        this(COST);
    }

    PasswordHasher(Cost cost) {
        this.cost = cost;
    }

    String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return "$" + ARGON2ID + "$v=" + Argon2Parameters.ARGON2_VERSION_13 + "$m=" + cost.memoryKiB() + ",t="
                + cost.iterations() + ",p=" + cost.parallelism() + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(argon2id(password, salt, cost, HASH_BYTES));
    }

    boolean matches(char[] password, String stored) {
        try {
            if (stored != null && stored.startsWith("$" + ARGON2ID + "$")) {
                Argon2Hash parsed = Argon2Hash.parse(stored);
                return parsed != null
                        && MessageDigest.isEqual(parsed.hash, argon2id(password, parsed.salt, parsed.cost, parsed.hash.length));
            }
            String[] parts = stored == null ? new String[0] : stored.split("\\$");
            if (parts.length != 4 || !PBKDF2.equals(parts[0])) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, pbkdf2(password, salt, Integer.parseInt(parts[1]), expected.length));
        } catch (IllegalArgumentException e) {
            // Not a hash this class wrote (bad Base64 or numbers): it matches no password.
            return false;
        }
    }

    /** @return whether the stored hash is not Argon2id at (at least) the current cost, and should be replaced */
    boolean needsRehash(String stored) {
        Argon2Hash parsed = stored != null && stored.startsWith("$" + ARGON2ID + "$") ? Argon2Hash.parse(stored) : null;
        return parsed == null || !parsed.cost.atLeast(cost);
    }

    private static byte[] argon2id(char[] password, byte[] salt, Cost cost, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password, out); // the password as UTF-8, like PBKDF2 below
        return out;
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int length) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, length * 8);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        }
    }

    /** The parts of {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}. */
    private record Argon2Hash(Cost cost, byte[] salt, byte[] hash) {

        static Argon2Hash parse(String stored) {
            String[] parts = stored.split("\\$");
            if (parts.length != 6 || !parts[2].equals("v=" + Argon2Parameters.ARGON2_VERSION_13)) {
                return null;
            }
            int m = -1;
            int t = -1;
            int p = -1;
            try {
                for (String setting : parts[3].split(",")) {
                    String[] pair = setting.split("=", 2);
                    int value = pair.length == 2 ? Integer.parseInt(pair[1]) : -1;
                    switch (pair[0]) {
                        case "m" -> m = value;
                        case "t" -> t = value;
                        case "p" -> p = value;
                        default -> {
                            return null;
                        }
                    }
                }
                byte[] salt = Base64.getDecoder().decode(parts[4]);
                byte[] hash = Base64.getDecoder().decode(parts[5]);
                if (m > MAX_MEMORY_KIB || salt.length < 8 || hash.length < 16) {
                    return null;
                }
                return new Argon2Hash(new Cost(m, t, p), salt, hash);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
