package org.civicgrid.core.grid.internal;

/**
 * A grid about to be written: validated, its outline already in GeoJSON.
 *
 * @param code the 15-digit grid code
 * @param name its name
 * @param villageCode the 12-digit village/community code (the code's prefix)
 * @param geoJson its outline as a GeoJSON geometry
 */
record GridDraft(String code, String name, String villageCode, String geoJson) {
}
