package org.civicgrid.plugin.mentalhealth.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.AuditTrail;
import org.civicgrid.core.api.security.SensitiveData;
import org.civicgrid.core.api.time.PlatformClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flags follow-ups past due on the platform clock: once per due date, the person is marked overdue and the
 * responsible counsellor gets an alert. Each person is its own transaction, so a follow-up recorded meanwhile
 * (the person's version changes) wins and the round moves on.
 */
@Component(service = FollowUpSupervisor.class, immediate = true)
public class FollowUpSupervisor {

    /** Posted after commit for each follow-up flagged overdue; ids and region only. */
    static final String TOPIC_OVERDUE = "org/civicgrid/mentalhealth/FOLLOW_UP_OVERDUE";

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpSupervisor.class);

    private final JpaTemplate jpa;
    private final SensitiveData sealing;
    private final AuditTrail audit;
    private final PlatformClock clock;
    private final EventAdmin events;

    @Activate
    public FollowUpSupervisor(@Reference(target = CareRegister.SCHEMA) SchemaReady schema,
                              @Reference(target = CareRegister.UNIT) JpaTemplate jpa,
                              @Reference SensitiveData sealing,
                              @Reference AuditTrail audit,
                              @Reference PlatformClock clock,
                              @Reference EventAdmin events) {
        this.jpa = jpa;
        this.sealing = sealing;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** One supervision round; how many follow-ups it flagged overdue. */
    public synchronized int supervise() {
        LocalDateTime now = LocalDateTime.ofInstant(clock.now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        List<String> due = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select p.id from PersonEntity p where p.nextFollowUpAt <= :now and p.overdueFlaggedAt is null "
                                + "order by p.nextFollowUpAt", String.class)
                .setParameter("now", now).setMaxResults(1000).getResultList());
        int flagged = 0;
        for (String personId : due) {
            try {
                String[] alert = new String[3];
                boolean[] done = new boolean[1];
                jpa.tx(TransactionType.Required, em -> {
                    PersonEntity p = em.find(PersonEntity.class, personId);
                    if (p == null || p.overdueFlaggedAt() != null || p.nextFollowUpAt() == null
                            || p.nextFollowUpAt().isAfter(now)) {
                        return;
                    }
                    p.overdueFlaggedAt(now);
                    done[0] = true;
                    if (p.counsellorId() != null) {
                        alert[0] = UUID.randomUUID().toString();
                        alert[1] = p.regionCode();
                        alert[2] = p.counsellorId();
                        em.persist(new AlertEntity(alert[0], p.id(), null, p.regionCode(), p.counsellorId(),
                                sealing.seal(AlertEntity.KIND, AlertKind.FOLLOW_UP_OVERDUE.name()), now));
                    }
                    // Constraint errors surface before the audit entry (its own transaction) is written.
                    em.flush();
                    audit.record(AuditEntry.ok("platform", "followup.overdue", "mh_person", p.id(), p.regionCode(),
                            "due " + p.nextFollowUpAt() + " UTC"));
                });
                if (done[0]) {
                    flagged++;
                }
                if (alert[0] != null) {
                    events.postEvent(new Event(TOPIC_OVERDUE, Map.of("personId", personId, "alertId", alert[0],
                            "regionCode", alert[1], "counsellorId", alert[2])));
                }
            } catch (RuntimeException e) {
                // Another node or a counsellor changed the person meanwhile; the next round looks again.
                LOG.warn("Follow-up of person {} not flagged this round: {}", personId, e.toString());
            }
        }
        return flagged;
    }
}
