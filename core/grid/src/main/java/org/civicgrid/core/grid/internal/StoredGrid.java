package org.civicgrid.core.grid.internal;

import java.util.List;

import org.civicgrid.core.api.grid.Grid;

/**
 * A grid as stored.
 *
 * @param demo whether the platform generated it as demo data (see docs/grids.md)
 * @param revision the value of the grid revision counter when it was last written
 */
record StoredGrid(String code, String name, String villageCode, String geoJson, List<String> workers,
                  String leader, boolean demo, long revision) {

    Grid toGrid() {
        return new Grid(code, name, villageCode, geoJson, workers, leader);
    }
}
