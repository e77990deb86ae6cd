package org.civicgrid.core.api.cases;

/**
 * A case as it is reported.
 *
 * @param title a short title
 * @param description what happened, where, who is affected
 * @param category the case category code (e.g. {@code road-damage})
 * @param channel how it came in
 * @param regionCode the village/community (or township, county) where it is
 * @param longitude WGS 84 longitude of the spot, or {@code null}
 * @param latitude WGS 84 latitude of the spot, or {@code null}
 * @param address the address as given, or {@code null}
 * @since 1.0
 */
public record CaseIntake(String title, String description, String category, Channel channel, String regionCode,
                         Double longitude, Double latitude, String address) {
}
