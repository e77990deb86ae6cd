package org.civicgrid.core.grid.internal;

import org.locationtech.jts.geom.Geometry;

/**
 * One row of an import file, as read.
 *
 * @param row the 1-based row (CSV record after the header, or GeoJSON feature index)
 * @param geometry the outline, or {@code null} if it could not be read
 * @param geometryProblem why the outline could not be read, or {@code null}
 */
record GridRow(int row, String code, String name, String parent, Geometry geometry, String geometryProblem) {
}
