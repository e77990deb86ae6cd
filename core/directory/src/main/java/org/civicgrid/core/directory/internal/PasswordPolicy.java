package org.civicgrid.core.directory.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.civicgrid.core.api.rest.ProblemException;

/**
 * What a new password must look like and how long it lasts, for the profile chosen in
 * {@link DirectoryConfiguration}. Whatever the profile, a password is refused if it is one of the commonly used
 * passwords in {@code common-passwords.txt} or contains the user's id.
 *
 * @param profile the profile the rules come from
 * @param minLength the fewest characters
 * @param characterClasses how many of the four kinds of character (lower-case, upper-case, digit, other) it mixes
 * @param maxAgeDays days after which a password is expired; 0 for never
 */
record PasswordPolicy(PasswordProfile profile, int minLength, int characterClasses, int maxAgeDays) {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** MLPS level 3: 10 characters of 3 kinds, changed every 90 days. */
    static final PasswordPolicy MLPS = new PasswordPolicy(PasswordProfile.MLPS, 10, 3, 90);
    /** ASVS 5.0 level 2: length only (12, above ASVS's 8 and MLPS's 10), no composition rules, no rotation. */
    static final PasswordPolicy ASVS = new PasswordPolicy(PasswordProfile.ASVS, 12, 1, 0);
    /** Long enough for any passphrase (ASVS asks for at least 64), short enough to stay a password. */
    static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = load("common-passwords.txt");

    PasswordPolicy {
        minLength = Math.max(8, Math.min(minLength, MAX_LENGTH));
        characterClasses = Math.max(1, Math.min(characterClasses, 4));
        maxAgeDays = Math.max(0, maxAgeDays);
    }

    static PasswordPolicy of(DirectoryConfiguration config) {
        PasswordProfile profile = config.passwordProfile() == null ? PasswordProfile.MLPS : config.passwordProfile();
        return switch (profile) {
            case MLPS -> MLPS;
            case ASVS -> ASVS;
            case CUSTOM -> new PasswordPolicy(PasswordProfile.CUSTOM, config.passwordMinLength(),
                    config.passwordCharacterClasses(), config.passwordMaxAgeDays());
        };
    }

    /**
     * @param field what the password is called in the request, for the message ("password", "new password")
     * @throws ProblemException 400 naming the first rule the password breaks
     */
    void check(String field, String userId, String password) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            throw ProblemException.badRequest(field + " must have at least " + minLength + " characters.");
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            throw ProblemException.badRequest(field + " must have at most " + MAX_LENGTH + " characters.");
        }
        int kinds = kinds(password);
        if (kinds < characterClasses) {
            throw ProblemException.badRequest(field + " must mix at least " + characterClasses + " of the 4 kinds of "
                    + "character: lower-case letters, upper-case letters, digits, others (symbols, spaces, Chinese "
                    + "characters); it has " + kinds + ".");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            throw ProblemException.badRequest(field + " is one of the most commonly used passwords: choose another.");
        }
        if (userId != null && lower.contains(userId.toLowerCase(Locale.ROOT))) {
            throw ProblemException.badRequest(field + " must not contain the user id.");
        }
    }

    /** @return whether a password set at {@code changedAt} has expired by {@code now} */
    /**
     * @param userId whom it is for
     * @return a random temporary password that meets this policy: 16 characters (or the policy's length) of upper-
     *         and lower-case letters, digits and '-', none that are easily mistaken for another (0/O, 1/l/I)
     */
    String temporary(String userId) {
        String[] kinds = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnpqrstuvwxyz", "23456789", "-"};
        int length = Math.max(16, minLength);
        while (true) {
            StringBuilder password = new StringBuilder(length);
            for (String kind : kinds) {
                password.append(kind.charAt(RANDOM.nextInt(kind.length())));
            }
            String all = kinds[0] + kinds[1] + kinds[2];
            while (password.length() < length) {
                password.append(all.charAt(RANDOM.nextInt(all.length())));
            }
            for (int i = password.length() - 1; i > 0; i--) {
                int j = RANDOM.nextInt(i + 1);
                char c = password.charAt(i);
                password.setCharAt(i, password.charAt(j));
                password.setCharAt(j, c);
            }
            try {
                check("temporary password", userId, password.toString());
                return password.toString();
            } catch (ProblemException unlucky) {
                // Contains the user id, or is a common password: draw again.
            }
        }
    }

    boolean expired(LocalDateTime changedAt, LocalDateTime now) {
        return maxAgeDays > 0 && changedAt != null && !now.isBefore(changedAt.plusDays(maxAgeDays));
    }

    static int kinds(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); ) {
            int c = password.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the bundle");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
