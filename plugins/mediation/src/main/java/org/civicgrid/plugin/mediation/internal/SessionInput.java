package org.civicgrid.plugin.mediation.internal;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A mediation session as the mediator records it.
 *
 * @param heldAt when it was held (not in the future)
 * @param place where
 * @param attendees who attended (names and capacity, e.g. 申请人 张三)
 * @param record the record of the session (调解笔录)
 */
public record SessionInput(OffsetDateTime heldAt, String place, List<String> attendees, String record) {
}
