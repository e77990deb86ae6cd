package org.civicgrid.core.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** 08:30–12:00 and 14:00–17:30 (7 h a day), Saturday and Sunday off, 1–3 Oct a holiday, Sun 28 Sep worked. */
    private final WorkingCalendar calendar = new WorkingCalendar(SHANGHAI,
            WorkingCalendar.parsePeriods("08:30-12:00,14:00-17:30"),
            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            Set.of(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 2), LocalDate.of(2025, 10, 3)),
            Set.of(LocalDate.of(2025, 9, 28)));

    @Test
    void withinOneMorning() {
        assertThat(calendar.plus(at(2025, 9, 22, 9, 0), Duration.ofHours(1))).isEqualTo(at(2025, 9, 22, 10, 0));
    }

    @Test
    void theLunchBreakDoesNotCount() {
        assertThat(calendar.plus(at(2025, 9, 22, 11, 30), Duration.ofHours(1))).isEqualTo(at(2025, 9, 22, 14, 30));
    }

    @Test
    void aReportAtNightStartsCountingNextMorning() {
        assertThat(calendar.plus(at(2025, 9, 22, 23, 15), Duration.ofMinutes(10))).isEqualTo(at(2025, 9, 23, 8, 40));
        assertThat(calendar.plus(at(2025, 9, 23, 1, 0), Duration.ofHours(1))).isEqualTo(at(2025, 9, 23, 9, 30));
    }

    @Test
    void crossingMidnightCarriesTheRemainderToTheNextWorkingDay() {
        assertThat(calendar.plus(at(2025, 9, 22, 17, 0), Duration.ofHours(1))).isEqualTo(at(2025, 9, 23, 9, 0));
    }

    @Test
    void theWeekendIsSkipped() {
        // Friday 26 Sep 17:00 + 1 h → Monday? No: Sunday 28 Sep is a worked day (调休).
        assertThat(calendar.plus(at(2025, 9, 26, 17, 0), Duration.ofHours(1))).isEqualTo(at(2025, 9, 28, 9, 0));
        // Saturday 20 Sep is a normal weekend day: counting starts Monday 22 Sep.
        assertThat(calendar.plus(at(2025, 9, 20, 10, 0), Duration.ofHours(2))).isEqualTo(at(2025, 9, 22, 10, 30));
    }

    @Test
    void holidaysAreSkipped() {
        // Tuesday 30 Sep 17:00 + 1 h: 1–3 Oct are holidays, 4–5 Oct a weekend → Monday 6 Oct 09:00.
        assertThat(calendar.plus(at(2025, 9, 30, 17, 0), Duration.ofHours(1))).isEqualTo(at(2025, 10, 6, 9, 0));
    }

    @Test
    void twentyFourWorkingHoursIsThreeDaysAndThreeHours() {
        assertThat(calendar.plus(at(2025, 9, 22, 8, 30), Duration.ofHours(24))).isEqualTo(at(2025, 9, 25, 11, 30));
    }

    @Test
    void aDeadlineExactlyAtTheEndOfADayStaysThatDay() {
        assertThat(calendar.plus(at(2025, 9, 22, 8, 30), Duration.ofHours(7))).isEqualTo(at(2025, 9, 22, 17, 30));
    }

    @Test
    void betweenCountsOnlyOfficeHours() {
        assertThat(calendar.between(at(2025, 9, 22, 8, 30), at(2025, 9, 23, 8, 30))).isEqualTo(Duration.ofHours(7));
        assertThat(calendar.between(at(2025, 9, 30, 12, 0), at(2025, 10, 6, 10, 0))).isEqualTo(Duration.ofMinutes(210 + 90));
        assertThat(calendar.between(at(2025, 9, 23, 0, 0), at(2025, 9, 22, 0, 0))).isZero();
    }

    @Test
    void plusAndBetweenAgree() {
        Instant start = at(2025, 9, 19, 16, 10);
        for (int minutes = 0; minutes < 60 * 40; minutes += 37) {
            Instant end = calendar.plus(start, Duration.ofMinutes(minutes));
            assertThat(calendar.between(start, end)).as("%d minutes", minutes).isEqualTo(Duration.ofMinutes(minutes));
        }
    }

    @Test
    void malformedHoursAreRefusedWithTheReason() {
        assertThatThrownBy(() -> WorkingCalendar.parsePeriods("08:30~12:00")).hasMessageContaining("08:30-12:00");
        assertThatThrownBy(() -> WorkingCalendar.parsePeriods("12:00-08:30")).hasMessageContaining("end after");
        assertThatThrownBy(() -> new WorkingCalendar(SHANGHAI, WorkingCalendar.parsePeriods("08:00-12:00,11:00-13:00"),
                Set.of(), Set.of(), Set.of())).hasMessageContaining("overlap");
    }

    private static Instant at(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(SHANGHAI).toInstant();
    }
}
