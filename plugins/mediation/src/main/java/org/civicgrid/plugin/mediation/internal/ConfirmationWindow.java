package org.civicgrid.plugin.mediation.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The 30 days in which the parties may jointly apply to a court for judicial confirmation of their agreement
 * (People's Mediation Law art. 33; Civil Procedure Law art. 205), counted in calendar days from the day the
 * agreement takes effect; the last day is the deadline.
 *
 * @param effectiveOn the day the agreement took effect (signed by all parties, sealed by the committee)
 * @param deadline the last day an application is in time
 */
record ConfirmationWindow(LocalDate effectiveOn, LocalDate deadline) {

    static final int DAYS = 30;

    static ConfirmationWindow from(LocalDate effectiveOn) {
        return new ConfirmationWindow(effectiveOn, effectiveOn.plusDays(DAYS));
    }

    /** @return whether an application made on {@code day} is in time */
    boolean open(LocalDate day) {
        return !day.isBefore(effectiveOn) && !day.isAfter(deadline);
    }

    /** @return days left on {@code day}, 0 on the deadline itself, negative once it has passed */
    long daysLeft(LocalDate day) {
        return ChronoUnit.DAYS.between(day, deadline);
    }

    /** @return whether, on {@code day}, the window is still open but closes within {@code warnDays} days */
    boolean warn(LocalDate day, int warnDays) {
        return open(day) && daysLeft(day) <= warnDays;
    }
}
