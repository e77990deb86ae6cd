package org.civicgrid.plugin.mentalhealth.internal;

import java.time.OffsetDateTime;

/**
 * An alert in a counsellor's inbox.
 *
 * @param id its id
 * @param kind why it was raised
 * @param personId the person it concerns
 * @param personName their name, masked
 * @param regionCode their region
 * @param screeningId the screening that raised it, or {@code null}
 * @param raisedAt when
 * @param acknowledgedBy who acknowledged it, or {@code null} while open
 * @param acknowledgedAt when
 * @param note what was done
 */
public record Alert(String id, AlertKind kind, String personId, String personName, String regionCode,
                    String screeningId, OffsetDateTime raisedAt, String acknowledgedBy, OffsetDateTime acknowledgedAt,
                    String note) {
}
