package org.civicgrid.plugin.mediation.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A mediation agreement (调解协议书) and where it stands with judicial confirmation.
 *
 * @param disputeId the dispute
 * @param facts the dispute's main facts
 * @param issues the points in dispute
 * @param terms the agreed content
 * @param performance how it is performed
 * @param performanceDeadline by when, or {@code null}
 * @param effectiveOn the day it took effect
 * @param confirmationDeadline the last day to apply for judicial confirmation
 * @param confirmationDaysLeft days left to apply (negative once passed)
 * @param confirmationStatus where confirmation stands
 * @param confirmationCourt the court applied to, or {@code null}
 * @param confirmationOn the day of the last confirmation step, or {@code null}
 * @param confirmationNote its note, or {@code null}
 * @param warnedAt when the studio warned that the window is closing, or {@code null}
 * @param recordedBy the mediator who recorded it
 */
public record Agreement(String disputeId, String facts, String issues, String terms, String performance,
                        LocalDate performanceDeadline, LocalDate effectiveOn, LocalDate confirmationDeadline,
                        long confirmationDaysLeft, ConfirmationStatus confirmationStatus, String confirmationCourt,
                        LocalDate confirmationOn, String confirmationNote, OffsetDateTime warnedAt,
                        String recordedBy) {
}
