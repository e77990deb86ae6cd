package org.civicgrid.core.directory.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicgrid.core.api.directory.DirectoryService;
import org.civicgrid.core.api.directory.Unit;
import org.civicgrid.core.api.directory.UnitKind;

/** {@code civicgrid:unit-add}: create an organisational unit. */
@Service
@Command(scope = "civicgrid", name = "unit-add", description = "Create an organisational unit (command centre, department, …)")
public class UnitAddCommand implements Action {

    @Reference
    private DirectoryService directory;

    @Option(name = "--kind", description = "Kind of unit", required = true)
    private UnitKind kind;

    @Option(name = "--region", description = "Division code of the region it serves", required = true)
    private String region;

    @Argument(index = 0, name = "id", description = "Unit id", required = true)
    private String id;

    @Argument(index = 1, name = "name", description = "Unit name, e.g. 龙港镇司法所", required = true)
    private String name;

    @Override
    public Object execute() {
        Unit unit = directory.createUnit(ShellCaller.of(), new Unit(id, name, kind, region));
        // Printed: the shell shows a returned value only in an interactive session, not to `ssh host command`.
        System.out.println("Created unit " + unit.id() + " (" + unit.kind() + ") in region " + unit.regionCode());
        return null;
    }
}
