package org.civicgrid.core.api.directory;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Users and organisational units. Reads are limited to the caller's region subtree; creating users and units
 * needs a county or city administrator whose subtree contains the new entry, and nobody grants a role they
 * could not hold themselves (a county administrator creates no city administrator).
 *
 * @since 1.0
 */
@ProviderType
public interface DirectoryService {

    /**
     * @param caller who asks
     * @param id a login name
     * @return the user, if within the caller's subtree
     * @since 1.0
     */
    Optional<User> user(Caller caller, String id);

    /**
     * @param caller who asks
     * @param regionCode a region within the caller's subtree
     * @return the users belonging to it or below it, by id
     * @since 1.0
     */
    List<User> users(Caller caller, String regionCode);

    /**
     * @param caller an administrator
     * @param user the user to create
     * @return the created user
     * @since 1.0
     */
    User createUser(Caller caller, NewUser user);

    /**
     * @param caller who asks
     * @param id a unit id
     * @return the unit, if within the caller's subtree
     * @since 1.0
     */
    Optional<Unit> unit(Caller caller, String id);

    /**
     * @param caller who asks
     * @param regionCode a region within the caller's subtree
     * @return the units serving it or below it, by id
     * @since 1.0
     */
    List<Unit> units(Caller caller, String regionCode);

    /**
     * @param caller an administrator
     * @param unit the unit to create
     * @return the created unit
     * @since 1.0
     */
    Unit createUnit(Caller caller, Unit unit);

    /**
     * Lifts the lock on an account locked after wrong passwords, and clears its count of them.
     *
     * @param caller a security, county or city administrator whose area holds the user
     * @param id the user
     * @return the user
     * @since 1.0
     */
    User unlock(Caller caller, String id);

    /**
     * Disables an account: its password no longer signs in and every open session of it ends, on every node.
     *
     * @param caller a security, county or city administrator whose area holds the user, not the user themself
     * @param id the user
     * @param reason why, for the audit trail
     * @return the user, disabled
     * @since 1.1
     */
    User disable(Caller caller, String id, String reason);

    /**
     * Enables a disabled account again.
     *
     * @param caller a security, county or city administrator whose area holds the user
     * @param id the user
     * @return the user, enabled
     * @since 1.1
     */
    User enable(Caller caller, String id);

    /**
     * Changes the caller's own password. The current password is checked like a sign-in (a wrong one counts
     * towards the lock); the new one must differ from it and meet the directory's password policy. Passwords the
     * platform remembers as verified for this user are forgotten.
     *
     * @param caller a user of the directory, changing their own password
     * @param currentPassword the password the user has now
     * @param newPassword the password to set
     * @throws org.civicgrid.core.api.rest.ProblemException 400 naming what is wrong (the current password, or the
     *         rule of the policy the new one breaks); nothing is changed then
     * @since 1.1
     */
    void changePassword(Caller caller, String currentPassword, String newPassword);

    /**
     * @param caller a signed-in user
     * @return whether the caller's password is older than the policy allows, or a temporary one an administrator
     *         gave, and should be changed now (signing in still works, so the user can change it); {@code false}
     *         for callers that are not directory users
     * @since 1.1
     */
    boolean passwordExpired(Caller caller);

    /**
     * Gives an administrator's account a new key for its second factor (time-based one-time passwords, RFC 6238,
     * as authenticator apps make them); the previous key stops working at once. This is how an administrator gets
     * a key when the account is created and when a phone is lost.
     *
     * @param caller a security, county or city administrator whose area holds the user (the shell, for the first
     *        administrator)
     * @param id an account holding an administrator role
     * @return the new key, shown this once (it is stored sealed)
     * @since 1.2
     */
    SecondFactorKey resetSecondFactor(Caller caller, String id);

    /**
     * Gives a user who forgot their password a temporary one, made by the platform (random, meeting the password
     * policy). It works until the user sets their own: {@link #passwordExpired} says so meanwhile, and the console
     * asks for a new password at once. The account is unlocked and every open session of it ends.
     *
     * @param caller a security, county or city administrator whose area holds the user, not the user themself
     * @param id the user
     * @return the temporary password, shown this once (only its hash is kept)
     * @since 1.2
     */
    String resetPassword(Caller caller, String id);
}
