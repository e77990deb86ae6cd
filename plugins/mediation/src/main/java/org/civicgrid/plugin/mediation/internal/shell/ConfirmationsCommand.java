package org.civicgrid.plugin.mediation.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicgrid.plugin.mediation.internal.ConfirmationWatch;

/** {@code civicgrid:mediation-confirmations}: run the judicial-confirmation round now and show what it warned. */
@Service
@Command(scope = "civicgrid", name = "mediation-confirmations",
        description = "Warn of judicial-confirmation windows closing soon and mark closed ones lapsed, now")
public class ConfirmationsCommand implements Action {

    @Reference
    private ConfirmationWatch watch;

    @Override
    public Object execute() {
        // Printed: the shell shows a returned value only in an interactive session, not to `ssh host command`.
        System.out.println(watch.runAndReport());
        return null;
    }
}
