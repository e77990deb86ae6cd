package org.civicgrid.plugin.patrol.internal;

/** A checkpoint of a new route: a name and a WGS 84 position. */
public record CheckpointDraft(String name, Double longitude, Double latitude) {
}
