package org.civicgrid.core.directory.internal;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app makes them: HMAC-SHA1, six digits, a new
 * code every 30 seconds, keys of 160 bits written in Base32. The codes come from java-otp; this class only chooses
 * the settings, makes keys and accepts a code of the current step or the one just before or after it (a phone's
 * clock may be half a minute off).
 */
final class TimeCodes {

    static final Duration STEP = Duration.ofSeconds(30);
    static final int DIGITS = 6;
    /** Steps either side of now whose code is still accepted. */
    static final int DRIFT = 1;
    /** The name apps show above the code. */
    static final String ISSUER = "civicgrid";

    private static final String ALGORITHM = TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1;
    private static final Pattern CODE = Pattern.compile("\\d{" + DIGITS + "}");

    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, DIGITS, ALGORITHM);
    private final SecureRandom random = new SecureRandom();

    /** @return a new random key, in Base32 (32 characters) */
    String newKey() {
        byte[] key = new byte[20];
        random.nextBytes(key);
        return new Base32().encodeToString(key);
    }

    /** @return the {@code otpauth://} address of a key, as apps read it from a QR code */
    static String uri(String userId, String key) {
        return "otpauth://totp/" + ISSUER + ":" + userId + "?secret=" + key + "&issuer=" + ISSUER
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.toSeconds();
    }

    /** @return the step an instant falls in */
    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
    }

    /** @return the code of a key for a step */
    String code(String key, long step) {
        try {
            return generator.generateOneTimePasswordString(new SecretKeySpec(new Base32().decode(key), ALGORITHM),
                    Instant.ofEpochSecond(step * STEP.toSeconds()), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("A second factor key cannot be used: " + e.getMessage(), e);
        }
    }

    /**
     * @param key the account's key
     * @param code what the user typed (spaces are ignored, as apps show "123 456")
     * @param at now
     * @return the step whose code it is, if it is the code of a step within {@link #DRIFT} of now
     */
    OptionalLong match(String key, String code, Instant at) {
        String digits = code == null ? "" : code.replace(" ", "").strip();
        if (!CODE.matcher(digits).matches()) {
            return OptionalLong.empty();
        }
        long now = step(at);
        long found = Long.MIN_VALUE;
        // Every candidate is compared, in constant time, so the time taken says nothing about which one matched.
        for (long s = now - DRIFT; s <= now + DRIFT; s++) {
            if (MessageDigest.isEqual(code(key, s).getBytes(), digits.getBytes()) && found == Long.MIN_VALUE) {
                found = s;
            }
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }
}
