package org.civicgrid.plugin.mentalhealth.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

import org.civicgrid.core.api.rest.ProblemException;

/** The 18-character citizen identification number of GB 11643-1999, checked on input. */
final class ResidentId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private ResidentId() {
    }

    /**
     * @return the number, stripped and upper-case, if it is well formed: 17 digits, a real birth date in digits
     *         7-14, and the ISO 7064 MOD 11-2 check character
     * @throws ProblemException 400 saying what is wrong (the number itself is never repeated back)
     */
    static String normalised(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("idNumber is required: the person's 18-character resident ID number.");
        }
        String id = value.strip().toUpperCase(Locale.ROOT);
        if (!id.matches("\\d{17}[\\dX]")) {
            throw ProblemException.badRequest("idNumber has 18 characters: 17 digits and a check digit or X.");
        }
        try {
            LocalDate born = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            if (born.getYear() < 1900) {
                throw ProblemException.badRequest("idNumber's birth date (digits 7-14) is not a plausible date.");
            }
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("idNumber's birth date (digits 7-14) is not a date.");
        }
        if (id.charAt(17) != checkCharacter(id)) {
            throw ProblemException.badRequest("idNumber's check digit does not match (GB 11643): check for a mistyped digit.");
        }
        return id;
    }

    /** The check character of the first 17 digits. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }
}
