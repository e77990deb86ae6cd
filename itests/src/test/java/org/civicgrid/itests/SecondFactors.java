package org.civicgrid.itests;

import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import org.apache.commons.codec.binary.Base32;

/**
 * The administrators' authenticator apps, for the tests: the keys the platform handed out (printed by
 * {@code civicgrid:user-add} or answered by the REST API), and their codes computed as an app does (RFC 6238,
 * HMAC-SHA1, six digits, 30 seconds). A code opens one session only, so a second code within the same 30 seconds
 * waits for the next one, as a person would.
 */
final class SecondFactors {

    static final Duration STEP = Duration.ofSeconds(30);
    private static final Pattern PRINTED = Pattern.compile("otpauth://totp/civicgrid:([A-Za-z0-9._-]+)\\?secret=([A-Z2-7]+)");

    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final Map<String, Long> lastStep = new ConcurrentHashMap<>();
    private final Map<String, String> sessions = new ConcurrentHashMap<>();

    /** Remembers every key a command's output shows. */
    void rememberPrinted(String output) {
        Matcher m = PRINTED.matcher(output);
        while (m.find()) {
            remember(m.group(1), m.group(2));
        }
    }

    void remember(String userId, String key) {
        keys.put(userId, key);
        lastStep.remove(userId);
        sessions.remove(userId);
    }

    Optional<String> key(String userId) {
        return Optional.ofNullable(keys.get(userId));
    }

    /** A session token kept for an administrator and the password it was opened with, so tests need not wait. */
    Optional<String> session(String userId, String password) {
        return Optional.ofNullable(sessions.get(userId + "\0" + password));
    }

    void keepSession(String userId, String password, String token) {
        sessions.put(userId + "\0" + password, token);
    }

    /** The code the user's app shows now, or after the next change when this one was handed out already. */
    synchronized String freshCode(String userId) {
        String key = keys.get(userId);
        if (key == null) {
            throw new AssertionError("No second factor key of " + userId + " was seen: create administrators with "
                    + "civicgrid:user-add through the test's shell, or remember the key the API answered.");
        }
        long step = step(Instant.now());
        Long used = lastStep.get(userId);
        while (used != null && step <= used) {
            try {
                Thread.sleep(Math.max(50, (step + 1) * STEP.toMillis() - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            step = step(Instant.now());
        }
        lastStep.put(userId, step);
        return code(key, step);
    }

    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
    }

    static String code(String key, long step) {
        try {
            return new TimeBasedOneTimePasswordGenerator(STEP, 6).generateOneTimePasswordString(
                    new SecretKeySpec(new Base32().decode(key), "HmacSHA1"), Instant.ofEpochSecond(step * STEP.toSeconds()),
                    Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new AssertionError(e);
        }
    }
}
