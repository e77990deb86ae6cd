package org.civicgrid.plugin.mentalhealth.internal.shell;

import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.plugin.mentalhealth.internal.Band;
import org.civicgrid.plugin.mentalhealth.internal.Figures;
import org.civicgrid.plugin.mentalhealth.internal.FollowUpSupervisor;
import org.civicgrid.plugin.mentalhealth.internal.Instrument;
import org.civicgrid.plugin.mentalhealth.internal.MentalHealthFigures;
import org.civicgrid.plugin.mentalhealth.internal.Scoring;

/**
 * Shell commands for county IT staff. They print no identity and no answer: the shell is an administrator's
 * tool, and administrators see mental-health data as anonymised figures only.
 */
final class MentalHealthCommands {

    private MentalHealthCommands() {
    }

    /** The shell administrator: figures of every region, never a counsellor. */
    static Caller administrator() {
        return org.civicgrid.core.api.directory.CallerPrincipal.current()
                .orElseGet(() -> new Caller("shell", Set.of(Role.CITY_ADMIN), "", null));
    }

    /** {@code civicgrid:mh-supervise}. */
    @Service
    @Command(scope = "civicgrid", name = "mh-supervise", description = "Flag follow-ups past due now instead of waiting for the next round")
    public static class Supervise implements Action {

        @Reference
        private FollowUpSupervisor supervisor;

        @Override
        public Object execute() {
            int flagged = supervisor.supervise();
            // Printed: the shell shows a returned value only in an interactive session, not to `ssh host command`.
            System.out.println("Follow-up supervision: " + flagged + " follow-up(s) flagged overdue");
            return null;
        }
    }

    /** {@code civicgrid:mh-figures}. */
    @Service
    @Command(scope = "civicgrid", name = "mh-figures", description = "Anonymised mental-health figures of a region")
    public static class ShowFigures implements Action {

        @Reference
        private MentalHealthFigures figures;

        @Argument(index = 0, name = "region", required = true, description = "Division code")
        private String region;

        @Override
        public Object execute() {
            Figures f = figures.figures(administrator(), region, null);
            System.out.println("People on the register in " + f.regionCode() + " " + f.regionName() + ": " + f.people()
                    + ", follow-ups overdue " + f.followUpsOverdue() + "\nby tier: " + f.byTier());
            f.byRegion().forEach((code, child) ->
                    System.out.println("  " + code + " " + child.name() + ": " + child.people() + " " + child.byTier()));
            return null;
        }
    }

    /** {@code civicgrid:mh-bands}. */
    @Service
    @Command(scope = "civicgrid", name = "mh-bands", description = "The screening bands in force for a county")
    public static class ShowBands implements Action {

        @Reference
        private Scoring scoring;

        @Argument(index = 0, name = "county", required = false, description = "County division code; none for the standard bands")
        private String county;

        @Override
        public Object execute() {
            for (Instrument instrument : Instrument.ALL) {
                StringBuilder line = new StringBuilder(instrument.code()).append(county == null ? " (standard)" : " in " + county).append(':');
                for (Band band : scoring.bandsInForce(instrument, county)) {
                    line.append(' ').append(band);
                }
                System.out.println(line);
            }
            return null;
        }
    }
}
