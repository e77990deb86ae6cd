package org.civicgrid.core.api.directory;

/**
 * The key of an administrator's second factor, to be entered into an authenticator app (any app for RFC 6238
 * time-based one-time passwords: six digits, a new code every 30 seconds, HMAC-SHA1).
 *
 * @param userId the account it belongs to
 * @param key the key in Base32, as apps ask for it when it is typed in
 * @param uri the same as an {@code otpauth://totp/…} address, as apps read it from a QR code
 * @since 1.2
 */
public record SecondFactorKey(String userId, String key, String uri) {

    @Override
    public String toString() {
        // The key is a secret: it must not reach a log by accident.
        return "SecondFactorKey[" + userId + "]";
    }
}
