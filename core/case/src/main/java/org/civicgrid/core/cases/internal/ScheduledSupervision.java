package org.civicgrid.core.cases.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs supervision every minute on the Karaf scheduler (never two rounds at once). */
@Component(service = Runnable.class, immediate = true, property = {
    "scheduler.name=civicgrid-case-supervision",
    "scheduler.period:Long=60",
    "scheduler.concurrent:Boolean=false"})
public class ScheduledSupervision implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledSupervision.class);

    private final CaseSupervisor supervisor;

    @Activate
    public ScheduledSupervision(@Reference CaseSupervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public void run() {
        try {
            CaseSupervisor.Round round = supervisor.supervise();
            if (round.flagged() + round.escalated() + round.warned() > 0) {
                LOG.info("Supervision: {} case(s) warned, {} flagged overdue, {} escalated", round.warned(), round.flagged(),
                        round.escalated());
            }
        } catch (RuntimeException e) {
            LOG.error("Supervision round failed; the next one runs in a minute", e);
        }
    }
}
