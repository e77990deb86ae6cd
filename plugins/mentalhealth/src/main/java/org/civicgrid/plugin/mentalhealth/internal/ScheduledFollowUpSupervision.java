package org.civicgrid.plugin.mentalhealth.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs follow-up supervision every five minutes on the Karaf scheduler (never two rounds at once). */
@Component(service = Runnable.class, immediate = true, property = {
    "scheduler.name=civicgrid-mentalhealth-supervision",
    "scheduler.period:Long=300",
    "scheduler.concurrent:Boolean=false"})
public class ScheduledFollowUpSupervision implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledFollowUpSupervision.class);

    private final FollowUpSupervisor supervisor;

    @Activate
    public ScheduledFollowUpSupervision(@Reference FollowUpSupervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public void run() {
        try {
            int flagged = supervisor.supervise();
            if (flagged > 0) {
                LOG.info("Follow-up supervision: {} follow-up(s) flagged overdue", flagged);
            }
        } catch (RuntimeException e) {
            LOG.error("Follow-up supervision round failed; the next one runs in five minutes", e);
        }
    }
}
