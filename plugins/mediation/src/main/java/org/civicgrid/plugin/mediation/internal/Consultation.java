package org.civicgrid.plugin.mediation.internal;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A recorded joint consultation.
 *
 * @param id its identifier
 * @param heldAt when
 * @param place where
 * @param participants who took part
 * @param conclusions what was concluded
 * @param recordedBy who recorded it
 */
public record Consultation(String id, OffsetDateTime heldAt, String place,
                           List<ConsultationInput.Participant> participants, String conclusions, String recordedBy) {
}
