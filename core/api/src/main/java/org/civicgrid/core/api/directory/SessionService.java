package org.civicgrid.core.api.directory;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Server-side sign-in sessions: a caller who signed in with their password gets a token that stands for them until
 * they sign out, stay idle too long, reach the session's time limit, or their account is disabled or locked. The
 * sessions live in the database, so every node of a platform honours them, and ending one ends it everywhere.
 *
 * @since 1.1
 */
@ProviderType
public interface SessionService {

    /**
     * Opens a session for a caller who has just been verified by their password.
     *
     * @param caller the caller the session stands for
     * @return the session's token (shown once; only its hash is kept) and its limits
     * @since 1.1
     */
    OpenedSession open(Caller caller);

    /**
     * Opens a session for a caller who has just been verified by their password, checking their second factor
     * first where their roles require one (administrators: {@link Role#administrator()}). A code is accepted once:
     * the same code cannot open a second session. A wrong code counts towards the account's lock like a wrong
     * password.
     *
     * @param caller the caller the session stands for
     * @param secondFactorCode the current code of the caller's authenticator app, or {@code null}
     * @return the session's token and its limits
     * @throws org.civicgrid.core.api.rest.ProblemException 401 titled {@value #SECOND_FACTOR_REQUIRED} when a code
     *         is needed and none was given, {@value #SECOND_FACTOR_WRONG} when it is wrong or used already, and
     *         {@value #SECOND_FACTOR_MISSING} when the account has no key yet; no session is opened then
     * @since 1.2
     */
    OpenedSession open(Caller caller, String secondFactorCode);

    /** The title of the problem answered when an administrator signs in without a code. @since 1.2 */
    String SECOND_FACTOR_REQUIRED = "Second factor required";

    /** The title of the problem answered for a wrong or already used code. @since 1.2 */
    String SECOND_FACTOR_WRONG = "Wrong second factor code";

    /** The title of the problem answered when an administrator's account has no key for codes yet. @since 1.2 */
    String SECOND_FACTOR_MISSING = "Second factor not set up";

    /**
     * @param token a session's token
     * @return the caller it stands for, as the directory knows them now (roles, region, unit), if the session is
     *         open, used within its idle time and before its limit, and the account is enabled and not locked
     * @since 1.1
     */
    Optional<Caller> resume(String token);

    /**
     * Ends the session a token stands for (signing out). An unknown or ended session is left as it is.
     *
     * @param token the session's token
     * @since 1.1
     */
    void close(String token);
}
