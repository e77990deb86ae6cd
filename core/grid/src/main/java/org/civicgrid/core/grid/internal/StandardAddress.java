package org.civicgrid.core.grid.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normalised form of an address, the key of the standard address library (标准地址库). Two ways of writing
 * the same address give the same form; the rules are listed in docs/grids.md:
 * <ol>
 * <li>Unicode NFKC: full-width letters, digits, spaces and punctuation become half-width (１２号 → 12号);</li>
 * <li>Latin letters upper case (a座 → A座);</li>
 * <li>traditional 號 → 号; building words 号楼, 幢, 座, 栋 → 栋 (3号楼, 3幢, 3座 → 3栋); 单元 and 室 are kept, a
 * trailing 室 dropped (101室 → 101);</li>
 * <li>a dash between two digits (- – — － ‐ ~) becomes "-" (3-2-101);</li>
 * <li>every other whitespace, punctuation and symbol character is removed.</li>
 * </ol>
 */
final class StandardAddress {

    /** The longest normalised form the library keeps. */
    static final int MAX_LENGTH = 200;

    /** A looked-up address matches the longest library entry it starts with, of at least this many characters. */
    static final int MIN_PREFIX = 4;

    private static final Pattern DIGIT_DASH_DIGIT = Pattern.compile("(?<=\\d)\\s*[-‐‑‒–—―－~〜]+\\s*(?=\\d)");
    private static final Pattern BUILDING = Pattern.compile("(?<=[0-9A-Z])(号楼|幢|座|栋)");
    private static final Pattern ROOM = Pattern.compile("(?<=\\d)室$");
    private static final Pattern NOISE = Pattern.compile("[\\s\\p{P}\\p{S}]");

    private StandardAddress() {
    }

    /**
     * @param address an address as a person writes it
     * @return its normalised form; empty if nothing is left
     */
    static String normalise(String address) {
        if (address == null) {
            return "";
        }
        String text = Normalizer.normalize(address, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        text = text.replace('號', '号');
        text = DIGIT_DASH_DIGIT.matcher(text).replaceAll("\u0001");
        text = NOISE.matcher(text).replaceAll("");
        text = text.replace('\u0001', '-');
        text = BUILDING.matcher(text).replaceAll("栋");
        text = ROOM.matcher(text).replaceAll("");
        return text;
    }

    /**
     * The forms a lookup tries, longest first: the whole normalised address, then each shorter start of it down to
     * {@value #MIN_PREFIX} characters (never cutting a number in two), so "…15号3栋2单元101" finds a library
     * entry for "…15号" or "…15号3栋".
     */
    static List<String> lookupCandidates(String normalised) {
        List<String> candidates = new ArrayList<>();
        for (int end = Math.min(normalised.length(), MAX_LENGTH); end >= MIN_PREFIX; end--) {
            // never cut inside a number: "…15" must not match "…151号"
            if (end < normalised.length() && Character.isDigit(normalised.charAt(end - 1))
                    && Character.isDigit(normalised.charAt(end))) {
                continue;
            }
            candidates.add(normalised.substring(0, end));
        }
        return candidates;
    }
}
