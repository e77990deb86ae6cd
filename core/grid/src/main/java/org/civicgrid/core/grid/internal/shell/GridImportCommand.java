package org.civicgrid.core.grid.internal.shell;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.civicgrid.core.api.grid.ImportReport;

/** {@code civicgrid:grid-import <file>}: imports grids, all or nothing, as the city administrator. */
@Service
@Command(scope = "civicgrid", name = "grid-import",
        description = "Imports grids from a GeoJSON FeatureCollection (.geojson/.json) or CSV (code,name,parent,wkt), all or nothing")
public class GridImportCommand extends CityAdministratorCommand {

    @Argument(index = 0, name = "file", required = true, description = "The file: .csv is read as CSV, anything else as GeoJSON")
    @Completion(FileCompleter.class)
    String file;

    @Override
    public Object execute() throws Exception {
        Path path = Path.of(file);
        String content = Files.readString(path, StandardCharsets.UTF_8);
        ImportReport report = path.getFileName().toString().toLowerCase().endsWith(".csv")
                ? grids.importCsv(caller(), content)
                : grids.importGeoJson(caller(), content);
        ReportPrinter.print(report, System.out);
        return null;
    }
}
