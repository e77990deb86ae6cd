package org.civicgrid.core.cases.internal.shell;

import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicgrid.core.api.cases.CaseFigures;
import org.civicgrid.core.api.cases.CaseQuery;
import org.civicgrid.core.api.cases.CaseRecord;
import org.civicgrid.core.api.cases.CaseService;
import org.civicgrid.core.api.cases.CaseState;
import org.civicgrid.core.api.cases.CaseStep;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;

/** Shell commands for administrators to look at cases; they act over the whole installation. */
final class CaseCommands {

    private CaseCommands() {
    }

    /** The shell is open to Karaf administrators on this machine only: they see every region. */
    static Caller administrator() {
        return org.civicgrid.core.api.directory.CallerPrincipal.current()
                .orElseGet(() -> new Caller("shell", Set.of(Role.CITY_ADMIN, Role.COMMAND_OPERATOR), "", null));
    }

    /** {@code civicgrid:case-list}. */
    @Service
    @Command(scope = "civicgrid", name = "case-list", description = "List cases, most recently changed first")
    public static class ListCases implements Action {

        @Reference
        private CaseService cases;

        @Option(name = "--region", description = "Only this region's subtree")
        private String region;

        @Option(name = "--state", description = "Only cases in this state")
        private CaseState state;

        @Option(name = "--overdue", description = "Only cases past their deadline")
        private boolean overdue;

        @Option(name = "--limit", description = "How many (at most 200)")
        private int limit = 50;

        @Override
        public Object execute() {
            ShellTable table = new ShellTable();
            table.column("Id");
            table.column("State");
            table.column("Level");
            table.column("Category");
            table.column("Region");
            table.column("Unit");
            table.column("Deadline");
            table.column("Title");
            for (CaseRecord c : cases.search(administrator(), new CaseQuery(region, state, null, null, overdue, null, 0, limit))) {
                table.addRow().addContent(c.id(), c.state() + (c.overdue() ? " (overdue)" : ""), c.level(), c.category(),
                        c.regionCode(), c.unitId(), c.deadline(), c.title());
            }
            table.print(System.out);
            return null;
        }
    }

    /** {@code civicgrid:case-show}. */
    @Service
    @Command(scope = "civicgrid", name = "case-show", description = "Show a case and its audit trail")
    public static class ShowCase implements Action {

        @Reference
        private CaseService cases;

        @Argument(index = 0, name = "id", required = true, description = "Case id")
        private String id;

        @Override
        public Object execute() {
            CaseRecord c = cases.find(administrator(), id).orElse(null);
            if (c == null) {
                // Printed: the shell shows a returned value only in an interactive session, not to `ssh host command`.
                System.out.println("No case " + id);
                return null;
            }
            System.out.println(c.title() + " [" + c.category() + "] " + c.state() + " at " + c.level()
                    + " level, region " + c.regionCode() + (c.gridCode() == null ? "" : ", grid " + c.gridCode())
                    + (c.unitId() == null ? "" : ", unit " + c.unitId()) + ", due " + c.deadline()
                    + (c.overdue() ? " (overdue)" : ""));
            System.out.println(c.description());
            ShellTable trail = new ShellTable();
            trail.column("When");
            trail.column("Who");
            trail.column("Step");
            trail.column("From");
            trail.column("To");
            trail.column("Note");
            for (CaseStep step : cases.history(administrator(), id)) {
                trail.addRow().addContent(step.at(), step.actorId(), step.action() == null ? "REPORT" : step.action(),
                        step.from(), step.to(), step.note());
            }
            trail.print(System.out);
            return null;
        }
    }

    /** {@code civicgrid:case-figures}. */
    @Service
    @Command(scope = "civicgrid", name = "case-figures", description = "Case figures of a region")
    public static class Figures implements Action {

        @Reference
        private CaseService cases;

        @Argument(index = 0, name = "region", required = true, description = "Division code")
        private String region;

        @Override
        public Object execute() {
            CaseFigures f = cases.figures(administrator(), region);
            // Printed: the shell shows a returned value only in an interactive session, not to `ssh host command`.
            System.out.println("Cases in " + f.regionCode() + ": " + f.total() + ", overdue " + f.overdue()
                    + "\nby state: " + f.byState() + "\nby level now: " + f.byLevel()
                    + "\nclosed at level: " + f.closedByLevel() + "\nby category: " + f.byCategory()
                    + "\nmean rating: " + (f.averageRating() == null ? "-" : String.format("%.2f", f.averageRating())));
            return null;
        }
    }
}
