package org.civicgrid.core.api.cases;

/**
 * A step of the case loop a caller may take on a case now, with what it asks for. The workflow decides it from
 * its own rule table, so a client offers exactly these steps (the platform still checks when one is taken).
 *
 * @param action the step
 * @param needsNote a note saying why is required
 * @param takesUnit a unit may be named (dispatching; without one the platform's routing chooses)
 * @param needsHours a number of working hours is required (asking for an extension)
 * @param needsRating a rating from 1 to 5 is required
 * @since 1.2
 */
public record AvailableStep(CaseAction action, boolean needsNote, boolean takesUnit, boolean needsHours,
                            boolean needsRating) {
}
