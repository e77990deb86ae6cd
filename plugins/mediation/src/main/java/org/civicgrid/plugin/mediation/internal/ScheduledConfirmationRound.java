package org.civicgrid.plugin.mediation.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the confirmation-window round every hour on the Karaf scheduler (never two at once). */
@Component(service = Runnable.class, immediate = true, property = {
    "scheduler.name=civicgrid-mediation-confirmations",
    "scheduler.period:Long=3600",
    "scheduler.concurrent:Boolean=false"})
public class ScheduledConfirmationRound implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledConfirmationRound.class);

    private final ConfirmationWatch watch;

    @Activate
    public ScheduledConfirmationRound(@Reference ConfirmationWatch watch) {
        this.watch = watch;
    }

    @Override
    public void run() {
        try {
            ConfirmationWatch.Round round = watch.run();
            if (!round.warned().isEmpty() || round.lapsed() > 0) {
                LOG.info("Confirmation round: {} warned, {} lapsed", round.warned().size(), round.lapsed());
            }
        } catch (RuntimeException e) {
            LOG.error("Confirmation round failed; the next one runs in an hour", e);
        }
    }
}
