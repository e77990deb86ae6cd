package org.civicgrid.plugin.patrol.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes ended shifts and reports their missed checkpoints every five minutes on the Karaf scheduler. */
@Component(service = Runnable.class, immediate = true, property = {
    "scheduler.name=civicgrid-patrol-supervision",
    "scheduler.period:Long=300",
    "scheduler.concurrent:Boolean=false"})
public class ScheduledShiftSupervision implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledShiftSupervision.class);

    private final ShiftLog shifts;

    @Activate
    public ScheduledShiftSupervision(@Reference ShiftLog shifts) {
        this.shifts = shifts;
    }

    @Override
    public void run() {
        try {
            ShiftLog.Round round = shifts.supervise();
            if (round.closed() > 0) {
                LOG.info("Patrol supervision: {} shift(s) closed, {} checkpoint(s) missed", round.closed(),
                        round.missedCheckpoints());
            }
        } catch (RuntimeException e) {
            LOG.error("Patrol supervision round failed; the next one runs in five minutes", e);
        }
    }
}
