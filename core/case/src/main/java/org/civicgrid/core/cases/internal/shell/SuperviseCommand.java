package org.civicgrid.core.cases.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicgrid.core.cases.internal.CaseSupervisor;

/** {@code civicgrid:case-supervise}: run a round of deadline supervision now instead of waiting for the next. */
@Service
@Command(scope = "civicgrid", name = "case-supervise", description = "Flag overdue cases and escalate them now")
public class SuperviseCommand implements Action {

    @Reference
    private CaseSupervisor supervisor;

    @Override
    public Object execute() {
        CaseSupervisor.Round round = supervisor.supervise();
        // Printed: the shell shows a returned value only in an interactive session, not to `ssh host command`.
        System.out.println("Supervision: " + round.warned() + " case(s) warned of their deadline, " + round.flagged()
                + " case(s) flagged overdue, " + round.escalated() + " escalated");
        return null;
    }
}
