package org.civicgrid.core.cases.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working time on a county's calendar: office hours (e.g. 08:30–12:00 and 14:00–17:30), the weekend, public
 * holidays, and the weekend days that are worked instead (调休). Deadlines are counted in it.
 */
final class WorkingCalendar {

    /** One span of office hours within a day; {@code end} after {@code start}. */
    record Period(LocalTime start, LocalTime end) {
        Period {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("Office hours must end after they start: " + start + "-" + end);
            }
        }
    }

    private static final int MAX_DAYS = 3700;

    private final ZoneId zone;
    private final List<Period> periods;
    private final Set<DayOfWeek> weekend;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workedWeekendDays;

    WorkingCalendar(ZoneId zone, List<Period> periods, Set<DayOfWeek> weekend, Set<LocalDate> holidays,
                    Set<LocalDate> workedWeekendDays) {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("A working day needs office hours");
        }
        List<Period> sorted = new ArrayList<>(periods);
        sorted.sort((a, b) -> a.start().compareTo(b.start()));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                throw new IllegalArgumentException("Office hours overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
            }
        }
        this.zone = zone;
        this.periods = List.copyOf(sorted);
        this.weekend = weekend.isEmpty() ? Set.of() : EnumSet.copyOf(weekend);
        this.holidays = new TreeSet<>(holidays);
        this.workedWeekendDays = new TreeSet<>(workedWeekendDays);
    }

    /** The county's time zone: its days begin and end in it. */
    ZoneId zone() {
        return zone;
    }

    /**
     * Parses office hours written as {@code 08:30-12:00,14:00-17:30}.
     */
    static List<Period> parsePeriods(String text) {
        List<Period> result = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] bounds = part.trim().split("-");
            if (bounds.length != 2) {
                throw new IllegalArgumentException("Office hours are written like 08:30-12:00, not: " + part.trim());
            }
            result.add(new Period(LocalTime.parse(bounds[0].trim()), LocalTime.parse(bounds[1].trim())));
        }
        return result;
    }

    boolean isWorkingDay(LocalDate day) {
        if (holidays.contains(day)) {
            return false;
        }
        return !weekend.contains(day.getDayOfWeek()) || workedWeekendDays.contains(day);
    }

    /** The instant that lies {@code work} of working time after {@code start}. */
    Instant plus(Instant start, Duration work) {
        if (work.isNegative()) {
            throw new IllegalArgumentException("Working time to add must not be negative: " + work);
        }
        ZonedDateTime cursor = start.atZone(zone);
        Duration remaining = work;
        for (int day = 0; day < MAX_DAYS; day++) {
            LocalDate date = cursor.toLocalDate();
            if (isWorkingDay(date)) {
                for (Period period : periods) {
                    ZonedDateTime periodStart = date.atTime(period.start()).atZone(zone);
                    ZonedDateTime periodEnd = date.atTime(period.end()).atZone(zone);
                    if (!cursor.isBefore(periodEnd)) {
                        continue;
                    }
                    ZonedDateTime from = cursor.isAfter(periodStart) ? cursor : periodStart;
                    Duration available = Duration.between(from, periodEnd);
                    if (remaining.compareTo(available) <= 0) {
                        return from.plus(remaining).toInstant();
                    }
                    remaining = remaining.minus(available);
                    cursor = periodEnd;
                }
            }
            cursor = date.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalArgumentException("No working time within ten years of " + start + ": check the calendar");
    }

    /** The working time between two instants (zero if {@code to} is not after {@code from}). */
    Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        ZonedDateTime end = to.atZone(zone);
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(end.toLocalDate()); date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (Period period : periods) {
                Instant ps = date.atTime(period.start()).atZone(zone).toInstant();
                Instant pe = date.atTime(period.end()).atZone(zone).toInstant();
                Instant s = ps.isAfter(from) ? ps : from;
                Instant e = pe.isBefore(to) ? pe : to;
                if (e.isAfter(s)) {
                    total = total.plus(Duration.between(s, e));
                }
            }
        }
        return total;
    }
}
