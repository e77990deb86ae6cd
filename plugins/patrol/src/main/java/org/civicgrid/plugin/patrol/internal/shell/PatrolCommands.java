package org.civicgrid.plugin.patrol.internal.shell;

import java.time.LocalDate;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.plugin.patrol.internal.CheckIn;
import org.civicgrid.plugin.patrol.internal.Checkpoint;
import org.civicgrid.plugin.patrol.internal.MemberHours;
import org.civicgrid.plugin.patrol.internal.PatrolFigures;
import org.civicgrid.plugin.patrol.internal.PatrolRegistry;
import org.civicgrid.plugin.patrol.internal.PatrolStatistics;
import org.civicgrid.plugin.patrol.internal.Shift;
import org.civicgrid.plugin.patrol.internal.ShiftLog;
import org.civicgrid.plugin.patrol.internal.Team;

/**
 * Shell commands for county IT staff. They act over the whole installation, as the Karaf shell is open only to
 * administrators on this machine. Output is printed: the shell shows a returned value only in an interactive
 * session, not to {@code ssh host command}.
 */
final class PatrolCommands {

    private PatrolCommands() {
    }

    static Caller administrator() {
        return org.civicgrid.core.api.directory.CallerPrincipal.current()
                .orElseGet(() -> new Caller("shell", Set.of(Role.CITY_ADMIN, Role.COMMAND_OPERATOR), "", null));
    }

    /** {@code civicgrid:patrol-supervise}. */
    @Service
    @Command(scope = "civicgrid", name = "patrol-supervise",
            description = "Close ended patrol shifts now and report their missed checkpoints")
    public static class Supervise implements Action {

        @Reference
        private ShiftLog shifts;

        @Override
        public Object execute() {
            ShiftLog.Round round = shifts.supervise();
            System.out.println("Patrol supervision: " + round.closed() + " shift(s) closed, "
                    + round.missedCheckpoints() + " checkpoint(s) missed");
            return null;
        }
    }

    /** {@code civicgrid:patrol-teams}. */
    @Service
    @Command(scope = "civicgrid", name = "patrol-teams", description = "List the patrol teams of a region")
    public static class Teams implements Action {

        @Reference
        private PatrolRegistry registry;

        @Argument(index = 0, name = "region", required = true, description = "Division code")
        private String region;

        @Override
        public Object execute() {
            ShellTable table = new ShellTable();
            table.column("Id");
            table.column("Region");
            table.column("Name");
            for (Team t : registry.teams(administrator(), region)) {
                table.addRow().addContent(t.id(), t.regionCode() + " " + (t.regionName() == null ? "" : t.regionName()), t.name());
            }
            table.print(System.out);
            return null;
        }
    }

    /** {@code civicgrid:patrol-shift}. */
    @Service
    @Command(scope = "civicgrid", name = "patrol-shift", description = "Show a patrol shift: coverage, missed checkpoints, check-ins")
    public static class ShowShift implements Action {

        @Reference
        private ShiftLog shifts;

        @Argument(index = 0, name = "id", required = true, description = "Shift id")
        private String id;

        @Override
        public Object execute() {
            Shift s = shifts.shift(administrator(), id);
            System.out.println(s.teamName() + ", " + s.routeName() + " (" + s.regionCode() + "): " + s.startsAt() + " – "
                    + s.endsAt() + (s.closedAt() == null ? ", open" : ", closed " + s.closedAt() + " by " + s.closedBy()));
            System.out.println("Roster: " + String.join(", ", s.roster()));
            System.out.println("Visited " + s.visited() + " of " + s.planned() + " checkpoints");
            for (Checkpoint c : s.missed()) {
                System.out.println("Missed: " + c.seq() + " " + c.name());
            }
            ShellTable table = new ShellTable();
            table.column("When");
            table.column("Who");
            table.column("Checkpoint");
            table.column("Metres");
            table.column("Flags");
            for (CheckIn c : s.checkIns()) {
                table.addRow().addContent(c.at(), c.userId(), c.checkpointName(), c.distanceMetres(),
                        (c.away() ? "away " : "") + (c.offShift() ? "off-shift" : ""));
            }
            table.print(System.out);
            return null;
        }
    }

    /** {@code civicgrid:patrol-figures}. */
    @Service
    @Command(scope = "civicgrid", name = "patrol-figures", description = "Patrol figures of a region")
    public static class Figures implements Action {

        @Reference
        private PatrolStatistics statistics;

        @Argument(index = 0, name = "region", required = true, description = "Division code")
        private String region;

        @Option(name = "--from", description = "First day, yyyy-mm-dd")
        private String from;

        @Option(name = "--to", description = "Last day, yyyy-mm-dd")
        private String to;

        @Override
        public Object execute() {
            PatrolFigures f = statistics.figures(administrator(), region, from == null ? null : LocalDate.parse(from),
                    to == null ? null : LocalDate.parse(to));
            System.out.println("Patrols in " + f.regionCode() + ": " + f.shifts() + " shift(s), " + f.closedShifts()
                    + " closed; coverage " + f.visitedCheckpoints() + "/" + f.plannedCheckpoints() + " checkpoints ("
                    + Math.round(f.coverage() * 100) + "%); flagged check-ins " + f.flaggedCheckIns()
                    + "; hazards " + f.hazardsReported() + " reported, " + f.hazardsResolved() + " resolved, "
                    + f.hazardsRejected() + " rejected");
            ShellTable table = new ShellTable();
            table.column("User");
            table.column("Name");
            table.column("Kind");
            table.column("Team");
            table.column("Shifts");
            table.column("Hours");
            for (MemberHours h : f.members()) {
                table.addRow().addContent(h.userId(), h.name(), h.kind(), h.teamName(), h.shifts(), h.hours());
            }
            table.print(System.out);
            return null;
        }
    }
}
