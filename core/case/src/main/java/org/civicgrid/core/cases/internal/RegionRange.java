package org.civicgrid.core.cases.internal;

import javax.persistence.Query;

/**
 * A region's subtree of cases as a range of {@code cg_case.region_code}: {@code code >= low and code <= high}, where
 * {@code low} is the region's code and {@code high} that code padded with {@code 9} to 12 characters. Unlike
 * {@code region_code like '140521%'}, a range is served by the b-tree indexes that start with {@code region_code}
 * in any collation (PostgreSQL uses an index for a {@code LIKE} prefix only under the "C" collation or with a
 * {@code *_pattern_ops} index) and on H2, and the planner can estimate how many rows it selects.
 *
 * <p><b>The range selects exactly the codes that start with the prefix</b>, as the {@code LIKE} did, for every code
 * the column holds: {@code region_code} is {@code varchar(12)} and takes only the code of a region of the platform
 * (a case's region is looked up in the region service before the case is written), and those are national division
 * codes of 2, 4, 6, 9 or 12 digits ({@code DivisionCatalog}); grid codes (15 digits) are kept in {@code grid_code},
 * never in {@code region_code}. For a prefix {@code p} of digits and a code {@code s} of at most 12 digits:
 * if {@code s} starts with {@code p}, then {@code p <= s} and {@code s <= p999…} (what follows {@code p} in
 * {@code s} is at most as many digits as the padding, each at most 9); if it does not, {@code s} either is a proper
 * prefix of {@code p} ({@code s < p}) or first differs from {@code p} at some position {@code i < |p|}, where a
 * smaller digit makes {@code s < p} and a larger one {@code s > p999…}. Strings of digits only compare this way in
 * every collation the platform's databases use (the digits sort 0 to 9 and a string sorts before its extensions);
 * a collation with ICU's numeric ordering ({@code kn}) would not, and none is used.
 *
 * <p>A prefix that is not all digits, or longer than 12 characters (a grid code), starts no stored code: its range
 * is {@linkplain #isEmpty() empty} and callers answer without asking the database. (The {@code LIKE} treated
 * {@code %} and {@code _} in a region parameter as wildcards, within the caller's own subtree; no region code
 * contains them.)
 */
final class RegionRange {

    /** The longest division code (a village's); {@code region_code} is {@code varchar(12)}. */
    static final int CODE_MAX = 12;
    /** The condition on {@code CaseEntity c}, with the two parameters {@link #bind} sets. */
    static final String JPQL = "c.regionCode >= :regionLow and c.regionCode <= :regionHigh";

    private static final RegionRange EMPTY = new RegionRange(null, null);

    private final String low;
    private final String high;

    private RegionRange(String low, String high) {
        this.low = low;
        this.high = high;
    }

    /** The subtree of the region with this code (the empty code: every region). */
    static RegionRange of(String prefix) {
        if (prefix == null || prefix.length() > CODE_MAX || !prefix.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return EMPTY;
        }
        return new RegionRange(prefix, prefix + "9".repeat(CODE_MAX - prefix.length()));
    }

    /** Whether no stored code can lie in the subtree: the query need not be sent. */
    boolean isEmpty() {
        return low == null;
    }

    String low() {
        return low;
    }

    String high() {
        return high;
    }

    /** Sets the parameters of {@link #JPQL} on a query. */
    <Q extends Query> Q bind(Q query) {
        if (isEmpty()) {
            throw new IllegalStateException("An empty region range is not queried");
        }
        query.setParameter("regionLow", low).setParameter("regionHigh", high);
        return query;
    }

    /** The range's test in Java, as the database applies it (binary order, which digit strings share with any). */
    boolean contains(String code) {
        return !isEmpty() && code.compareTo(low) >= 0 && code.compareTo(high) <= 0;
    }

    @Override
    public String toString() {
        return isEmpty() ? "[]" : "[" + low + ", " + high + "]";
    }
}
