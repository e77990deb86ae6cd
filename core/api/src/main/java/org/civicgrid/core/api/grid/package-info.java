/**
 * Grids (网格): the cells under villages/communities that grid workers are responsible for, their polygons,
 * lookup of the grid at a point or an address, and import/export.
 *
 * @since 1.0
 */
@Export
@Version("1.1.0")
package org.civicgrid.core.api.grid;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
