package org.civicgrid.core.api.directory;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A session just opened: the token to send as {@code Authorization: Bearer <token>}, and its limits.
 *
 * @param token the session's token; the platform keeps only its hash
 * @param userId whom it stands for
 * @param idleMinutes the session ends after this many minutes without use
 * @param expiresAt the session ends at this time however much it is used
 * @since 1.1
 */
public record OpenedSession(String token, String userId, int idleMinutes, OffsetDateTime expiresAt) {

    /** @since 1.1 */
    public OpenedSession {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        // The token is a secret: never in a log line.
        return "OpenedSession[" + userId + ", idle " + idleMinutes + " min, until " + expiresAt + "]";
    }
}
