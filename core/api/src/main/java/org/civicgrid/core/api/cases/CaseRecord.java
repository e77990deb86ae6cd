package org.civicgrid.core.api.cases;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A case as the platform holds it.
 *
 * @param id its identifier
 * @param title its title
 * @param description its description
 * @param category its category code
 * @param channel how it came in
 * @param state where it stands
 * @param level whose command centre owns it
 * @param regionCode where it is
 * @param gridCode the grid it lies in, if known
 * @param longitude WGS 84 longitude, or {@code null}
 * @param latitude WGS 84 latitude, or {@code null}
 * @param address the address as given, or {@code null}
 * @param reporterId who reported it
 * @param unitId the unit it is dispatched to, or {@code null}
 * @param deadline when the current step is due (working time), or {@code null}
 * @param overdue whether the deadline has passed while the case is still open
 * @param rating the reporter's rating 1–5, or {@code null}
 * @param reportedAt when it was reported
 * @param updatedAt when it last changed
 * @param parties the people and organisations it concerns, phone numbers masked
 * @since 1.0
 */
public record CaseRecord(String id, String title, String description, String category, Channel channel,
                         CaseState state, CaseLevel level, String regionCode, String gridCode, Double longitude,
                         Double latitude, String address, String reporterId, String unitId,
                         OffsetDateTime deadline, boolean overdue, Integer rating, OffsetDateTime reportedAt,
                         OffsetDateTime updatedAt, List<CaseParty> parties) {
}
