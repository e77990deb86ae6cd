package org.civicgrid.plugin.patrol.internal;

import java.util.List;

/** A route and its checkpoints, in order. */
public record Route(String id, String teamId, String regionCode, String regionName, String name, List<Checkpoint> checkpoints) {
}
