package org.civicgrid.core.api.security;

/**
 * How sensitive values are shown by default: enough to recognise, not enough to use.
 *
 * @since 1.0
 */
public final class Masking {

    private Masking() {
    }

    /**
     * @param idNumber an 18-character resident ID number
     * @return e.g. {@code 1405**********1234}
     * @since 1.0
     */
    public static String idNumber(String idNumber) {
        return keep(idNumber, 4, 4);
    }

    /**
     * @param phone a phone number
     * @return e.g. {@code 138****5678}
     * @since 1.0
     */
    public static String phone(String phone) {
        return keep(phone, 3, 4);
    }

    /**
     * @param name a person's name
     * @return the family name (first character) followed by {@code *} for each other character, e.g. {@code 张**}
     * @since 1.0
     */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    private static String keep(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.length() <= head + tail) {
            return "*".repeat(v.length());
        }
        return v.substring(0, head) + "*".repeat(v.length() - head - tail) + v.substring(v.length() - tail);
    }
}
