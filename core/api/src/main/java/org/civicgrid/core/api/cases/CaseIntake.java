package org.civicgrid.core.api.cases;

import java.util.List;

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
 * @param parties the people and organisations it concerns (at most 20), none if {@code null}
 * @since 1.0
 */
public record CaseIntake(String title, String description, String category, Channel channel, String regionCode,
                         Double longitude, Double latitude, String address, List<CaseParty> parties) {

    /** A case without named parties. @since 1.0 */
    public CaseIntake(String title, String description, String category, Channel channel, String regionCode,
                      Double longitude, Double latitude, String address) {
        this(title, description, category, channel, regionCode, longitude, latitude, address, List.of());
    }

    public CaseIntake {
        parties = parties == null ? List.of() : List.copyOf(parties);
    }
}
