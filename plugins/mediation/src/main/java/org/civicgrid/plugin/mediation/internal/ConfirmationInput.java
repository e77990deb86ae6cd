package org.civicgrid.plugin.mediation.internal;

import java.time.LocalDate;

/**
 * A judicial-confirmation step: the parties applied, or the court decided.
 *
 * @param result APPLIED, CONFIRMED or REFUSED
 * @param court the court (required when applying)
 * @param on the day it happened (today if {@code null}; not in the future)
 * @param note a note (e.g. the ruling's number), or {@code null}
 */
public record ConfirmationInput(ConfirmationStatus result, String court, LocalDate on, String note) {
}
