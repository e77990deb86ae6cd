package org.civicgrid.core.directory.internal;

/** Checks an administrator's second factor. Internal to the directory and its sessions. */
public interface SecondFactorCheck {

    /**
     * Checks the second factor of an account whose password was just verified: a code of its key, not used before.
     *
     * @throws org.civicgrid.core.api.rest.ProblemException 401 when no code was sent, the account has no key, or the
     *         code is wrong or used already (a wrong code counts towards the lock like a wrong password)
     */
    void checkSecondFactor(String userId, String code);
}
