package org.civicgrid.plugin.patrol.internal;

import java.util.List;

/** A route of a team in one village/community: its checkpoints in the order they are walked. */
public record RouteDraft(String name, String regionCode, List<CheckpointDraft> checkpoints) {
}
