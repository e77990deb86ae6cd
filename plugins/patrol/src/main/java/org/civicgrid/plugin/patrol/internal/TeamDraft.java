package org.civicgrid.plugin.patrol.internal;

/** A team as an administrator registers it: the region it patrols (county, township or village) and its name. */
public record TeamDraft(String regionCode, String name) {
}
