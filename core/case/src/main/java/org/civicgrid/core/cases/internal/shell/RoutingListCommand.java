package org.civicgrid.core.cases.internal.shell;

import java.util.Comparator;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicgrid.core.cases.internal.CountyCalendar;
import org.civicgrid.core.cases.internal.RoutingRule;

/**
 * {@code civicgrid:routing-list}: the routing rules and county calendars in force now. Rule and calendar files
 * apply as soon as they are saved; this shows whether a file was taken (a file with a mistake is not listed, and
 * the log says why).
 */
@Service
@Command(scope = "civicgrid", name = "routing-list", description = "Show the routing rules and county calendars in force")
public class RoutingListCommand implements Action {

    @Reference(optional = true)
    private List<RoutingRule> rules;

    @Reference(optional = true)
    private List<CountyCalendar> counties;

    @Override
    public Object execute() {
        List<RoutingRule> inForce = rules == null ? List.of() : rules;
        System.out.println("Routing rules (etc/org.civicgrid.routing-*.cfg): " + inForce.size());
        inForce.stream().map(RoutingRule::toString).sorted().forEach(rule -> System.out.println("  " + rule));
        List<CountyCalendar> calendars = counties == null ? List.of() : counties;
        System.out.println("Regions with their own calendar (etc/org.civicgrid.cases.county-*.cfg): " + calendars.size());
        calendars.stream().sorted(Comparator.comparing(CountyCalendar::toString))
                .forEach(county -> System.out.println("  " + county));
        return null;
    }
}
