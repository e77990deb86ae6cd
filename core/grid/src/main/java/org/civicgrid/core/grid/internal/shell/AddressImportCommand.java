package org.civicgrid.core.grid.internal.shell;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

/** {@code civicgrid:address-import <file>}: imports standard addresses, all or nothing, as the city administrator. */
@Service
@Command(scope = "civicgrid", name = "address-import",
        description = "Imports standard addresses from CSV (address,grid), all or nothing")
public class AddressImportCommand extends CityAdministratorCommand {

    @Argument(index = 0, name = "file", required = true, description = "The CSV file")
    @Completion(FileCompleter.class)
    String file;

    @Override
    public Object execute() throws Exception {
        String content = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        ReportPrinter.print(grids.importAddresses(caller(), content), System.out);
        return null;
    }
}
