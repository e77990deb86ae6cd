package org.civicgrid.plugin.patrol.internal;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.cases.CaseService;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the state of the cases hazards became current in {@code pat_hazard}, from the committed case steps the
 * core posts, so figures count resolved hazards without asking the core case by case.
 */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + CaseService.TOPIC_PREFIX + "*")
public class CaseStateListener implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CaseStateListener.class);

    private final JpaTemplate jpa;
    private final PlatformFacilities platform;

    @Activate
    public CaseStateListener(@Reference(target = PatrolRegistry.SCHEMA) SchemaReady schema,
                             @Reference(target = PatrolRegistry.UNIT) JpaTemplate jpa,
                             @Reference PlatformFacilities platform) {
        this.jpa = jpa;
        this.platform = platform;
    }

    @Override
    public void handleEvent(Event event) {
        if (!(event.getProperty("caseId") instanceof String caseId) || !(event.getProperty("state") instanceof String state)) {
            return;
        }
        // The step's own time orders the events: two steps taken one after the other by different people may be
        // delivered the other way round, and the older must not overwrite the newer (CLOSED back to VERIFIED).
        java.time.LocalDateTime at = event.getProperty("updatedAt") instanceof Long millis
                ? java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L),
                        (int) Math.floorMod(millis, 1000L) * 1_000_000, java.time.ZoneOffset.UTC)
                : platform.nowUtc();
        try {
            int updated = jpa.txExpr(TransactionType.Required, em -> em
                    .createQuery("update HazardEntity h set h.caseState = :state, h.caseUpdatedAt = :at "
                            + "where h.caseId = :id and h.caseState <> :state "
                            + "and (h.caseUpdatedAt is null or h.caseUpdatedAt < :at)")
                    .setParameter("state", state).setParameter("at", at).setParameter("id", caseId)
                    .executeUpdate());
            if (updated > 0) {
                LOG.debug("Patrol hazard case {} is now {}", caseId, state);
            }
        } catch (RuntimeException e) {
            // The hazard's page still reads the case from the core; the stored state catches up with the next step.
            LOG.error("Could not record state {} of case {} for its patrol hazard", state, caseId, e);
        }
    }
}
