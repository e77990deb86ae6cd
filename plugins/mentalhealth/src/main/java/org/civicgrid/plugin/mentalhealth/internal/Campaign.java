package org.civicgrid.plugin.mentalhealth.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A screening campaign.
 *
 * @param id its id
 * @param regionCode the area it covers
 * @param regionName that area's name
 * @param name its name
 * @param instruments the questionnaires it uses
 * @param startsOn its first day
 * @param endsOn its last day
 * @param createdBy who planned it
 * @param createdAt when
 */
public record Campaign(String id, String regionCode, String regionName, String name, List<String> instruments,
                       LocalDate startsOn, LocalDate endsOn, String createdBy, OffsetDateTime createdAt) {
}
