package org.civicgrid.plugin.mediation.internal;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A recorded mediation session.
 *
 * @param id its identifier
 * @param heldAt when it was held
 * @param place where
 * @param attendees who attended
 * @param record the record
 * @param recordedBy the mediator who recorded it
 */
public record Session(String id, OffsetDateTime heldAt, String place, List<String> attendees, String record,
                      String recordedBy) {
}
