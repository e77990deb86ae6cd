package org.civicgrid.core.cases.internal;

import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs supervision every minute on the Karaf scheduler (never two rounds at once on a node), on one node of those
 * sharing the database ({@link RoundElection}).
 */
@Component(service = Runnable.class, immediate = true, property = {
    "scheduler.name=civicgrid-case-supervision",
    "scheduler.period:Long=60",
    "scheduler.concurrent:Boolean=false"})
public class ScheduledSupervision implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledSupervision.class);

    /** The advisory lock key of the case supervision round ("civicgrid cases" in ASCII). */
    static final long ELECTION_KEY = 0x6369766963677264L;

    private final CaseSupervisor supervisor;
    private final RoundElection election;

    @Activate
    public ScheduledSupervision(@Reference CaseSupervisor supervisor,
                                @Reference(target = "(osgi.jndi.service.name=civicgrid)") DataSource dataSource) {
        this(supervisor, new RoundElection(dataSource, ELECTION_KEY));
    }

    ScheduledSupervision(CaseSupervisor supervisor, RoundElection election) {
        this.supervisor = supervisor;
        this.election = election;
    }

    @Override
    public void run() {
        Optional<RoundElection.Lease> lease;
        try {
            lease = election.lead();
        } catch (SQLException e) {
            LOG.warn("Supervision round skipped: the database did not answer the election ({})", e.toString());
            return;
        }
        if (lease.isEmpty()) {
            LOG.debug("Supervision round skipped: another node is running it");
            return;
        }
        try (RoundElection.Lease held = lease.get()) {
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
