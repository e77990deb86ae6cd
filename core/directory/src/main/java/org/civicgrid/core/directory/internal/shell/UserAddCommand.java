package org.civicgrid.core.directory.internal.shell;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicgrid.core.api.directory.DirectoryService;
import org.civicgrid.core.api.directory.NewUser;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.directory.User;

/** {@code civicgrid:user-add}: how the first administrator (and any other user) is created on a new site. */
@Service
@Command(scope = "civicgrid", name = "user-add", description = "Create a platform user (e.g. the first administrator)")
public class UserAddCommand implements Action {

    @Reference
    private DirectoryService directory;

    @Option(name = "--name", description = "Display name (default: the id)")
    private String name;

    @Option(name = "--role", description = "A role to grant; repeat for several", required = true, multiValued = true)
    private List<Role> roles;

    @Option(name = "--region", description = "Division code of the region the user belongs to", required = true)
    private String region;

    @Option(name = "--unit", description = "Id of the user's organisational unit")
    private String unit;

    @Argument(index = 0, name = "id", description = "Login name", required = true)
    private String id;

    @Argument(index = 1, name = "password", required = true, description = "Initial password: by default at least 10 "
            + "characters mixing 3 of lower-case, upper-case, digits and others, without the user id")
    private String password;

    @Override
    public Object execute() {
        Set<Role> granted = EnumSet.copyOf(roles);
        User user = directory.createUser(ShellCaller.of(), new NewUser(id, name == null ? id : name, password, granted, region, unit));
        // Printed: the shell shows a returned value only in an interactive session, not to `ssh host command`.
        System.out.println("Created user " + user.id() + " with roles " + user.roles() + " in region " + user.regionCode());
        if (granted.stream().anyMatch(Role::administrator)) {
            UserSecondFactorCommand.print(directory.resetSecondFactor(ShellCaller.of(), user.id()));
        }
        return null;
    }
}
