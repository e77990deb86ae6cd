package org.civicgrid.core.directory.internal;

import java.util.Optional;

import org.civicgrid.core.api.directory.Caller;

/** Checks a user's password against the directory. Internal to the directory and its JAAS realm. */
public interface Authenticator {

    /**
     * @return the caller the credentials belong to, if they are right and the account is enabled
     */
    Optional<Caller> authenticate(String userId, char[] password);
}
