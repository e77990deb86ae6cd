package org.civicgrid.plugin.patrol.internal;

/** A checkpoint of a route (1 is walked first). */
public record Checkpoint(String id, int seq, String name, double longitude, double latitude) {
}
