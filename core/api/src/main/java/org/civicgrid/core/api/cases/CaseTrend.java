package org.civicgrid.core.api.cases;

import java.time.LocalDate;
import java.util.List;

/**
 * Cases reported and closed over time in a region's subtree, per day, or per week over long ranges. Days are those
 * of the county's calendar (its time zone).
 *
 * @param regionCode the region counted
 * @param from the first day (inclusive)
 * @param to the last day (inclusive)
 * @param interval the length of each point: a day, or seven days from {@code from} (the last may be shorter)
 * @param points one per interval, oldest first, with no gaps
 * @since 1.3
 */
public record CaseTrend(String regionCode, LocalDate from, LocalDate to, Interval interval, List<Point> points) {

    /** The longest range asked for at once, in days. @since 1.3 */
    public static final int MAX_DAYS = 366;
    /** Ranges longer than this many days are counted per week. @since 1.3 */
    public static final int DAILY_MAX_DAYS = 92;

    /** @since 1.3 */
    public CaseTrend {
        points = List.copyOf(points);
    }

    /** How long each point is. @since 1.3 */
    public enum Interval {
        /** One day. */
        DAY,
        /** Seven days. */
        WEEK
    }

    /**
     * One interval.
     *
     * @param start its first day
     * @param end its last day (inclusive)
     * @param reported cases reported in it
     * @param closed closings in it (a case closed, reopened and closed again counts each time)
     * @param closedOnTime of those, closings of cases that supervision had not found past a deadline before
     * @param onTimeShare {@code closedOnTime / closed} (0 to 1), or {@code null} if nothing was closed
     * @since 1.3
     */
    public record Point(LocalDate start, LocalDate end, long reported, long closed, long closedOnTime,
                        Double onTimeShare) {
    }
}
