package org.civicgrid.itests;

/**
 * Passwords for the users the tests create. They meet the platform's default (MLPS) password policy: at least
 * 10 characters of 3 kinds, and not containing the user id.
 */
final class TestPasswords {

    private TestPasswords() {
    }

    /** @return the password of the test user {@code userId}: its id backwards, then "-Pass-1" */
    static String of(String userId) {
        return new StringBuilder(userId).reverse() + "-Pass-1";
    }
}
