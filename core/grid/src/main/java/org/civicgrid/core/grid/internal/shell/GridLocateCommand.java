package org.civicgrid.core.grid.internal.shell;

import java.util.Optional;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicgrid.core.api.grid.Grid;

/** {@code civicgrid:grid-locate <lon> <lat>}: the grid at a point. */
@Service
@Command(scope = "civicgrid", name = "grid-locate", description = "Shows the grid at a point (WGS 84 longitude, latitude)")
public class GridLocateCommand extends CityAdministratorCommand {

    @Argument(index = 0, name = "lon", required = true, description = "Longitude in degrees, e.g. 112.851")
    double longitude;

    @Argument(index = 1, name = "lat", required = true, description = "Latitude in degrees, e.g. 35.499")
    double latitude;

    @Override
    public Object execute() {
        long started = System.nanoTime();
        Optional<Grid> grid = grids.locate(caller(), longitude, latitude);
        long micros = (System.nanoTime() - started) / 1000;
        if (grid.isEmpty()) {
            System.out.println("No grid contains (" + longitude + ", " + latitude + ")  [" + micros + " µs]");
        } else {
            Grid found = grid.get();
            System.out.println(found.code() + "  " + found.name() + "  (village " + found.villageCode() + ")  ["
                    + micros + " µs]");
        }
        return null;
    }
}
