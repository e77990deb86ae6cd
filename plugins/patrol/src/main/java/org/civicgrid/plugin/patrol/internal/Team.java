package org.civicgrid.plugin.patrol.internal;

import java.time.OffsetDateTime;
import java.util.List;

/** A patrol team with its members and routes (both empty in listings). */
public record Team(String id, String regionCode, String regionName, String name, OffsetDateTime createdAt, List<Member> members, List<Route> routes) {
}
