package org.civicgrid.plugin.mediation.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A dispute as the studio holds it.
 *
 * @param id its identifier
 * @param regionCode where it arose
 * @param regionName that region's name
 * @param type its field
 * @param summary the main facts
 * @param amountInDispute the sum at stake in yuan, if any
 * @param status where it stands
 * @param receivedAt when the window took it in
 * @param source how it came
 * @param caseId the core case it was opened from, or {@code null}
 * @param courtName the court that sent it, or {@code null}
 * @param courtDeadline the court's deadline, or {@code null}
 * @param issues the points in dispute, or {@code null}
 * @param organisationId the mediation organisation it is assigned to, or {@code null}
 * @param mediatorId the mediator (a user id), or {@code null}
 * @param closedAt when it was concluded, or {@code null}
 * @param outcomeNote what the mediator noted with the outcome, or {@code null}
 * @param parties its parties, masked (empty in lists)
 */
public record Dispute(String id, String regionCode, String regionName, DisputeType type, String summary,
                      BigDecimal amountInDispute, DisputeStatus status, OffsetDateTime receivedAt,
                      DisputeSource source, String caseId, String courtName, LocalDate courtDeadline, String issues,
                      String organisationId, String mediatorId, OffsetDateTime closedAt, String outcomeNote,
                      List<Party> parties) {
}
