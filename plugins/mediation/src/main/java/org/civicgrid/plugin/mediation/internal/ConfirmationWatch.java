package org.civicgrid.plugin.mediation.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.OptimisticLockException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.rest.ProblemException;
import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.AuditTrail;
import org.civicgrid.core.api.time.PlatformClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the 30-day judicial-confirmation windows: once an agreement without an application is within the
 * configured number of days of its deadline, the studio warns (once: {@code warned_at}, the audit trail, the log
 * and an EventAdmin event {@value #DUE_TOPIC}); once the deadline has passed, the agreement is marked LAPSED.
 */
@Component(service = ConfirmationWatch.class, immediate = true)
public class ConfirmationWatch {

    static final String DUE_TOPIC = "org/civicgrid/mediation/CONFIRMATION_DUE";
    private static final String PLATFORM = "platform";
    private static final Logger LOG = LoggerFactory.getLogger(ConfirmationWatch.class);

    private final JpaTemplate jpa;
    private final PlatformClock clock;
    private final StudioSettings settings;
    private final AuditTrail audit;
    private final EventAdmin events;

    @Activate
    public ConfirmationWatch(@Reference(target = DisputeRegistry.SCHEMA) SchemaReady schema,
                             @Reference(target = "(osgi.unit.name=civicgrid-mediation)") JpaTemplate jpa,
                             @Reference PlatformClock clock,
                             @Reference StudioSettings settings,
                             @Reference AuditTrail audit,
                             @Reference EventAdmin events) {
        this.jpa = jpa;
        this.clock = clock;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
    }

    /**
     * An agreement whose window is open.
     *
     * @param disputeId the dispute
     * @param regionCode where it arose
     * @param mediatorId its mediator
     * @param effectiveOn the day the agreement took effect
     * @param deadline the last day to apply
     * @param daysLeft days left
     * @param warned whether the studio has warned
     */
    public record Due(String disputeId, String regionCode, String mediatorId, LocalDate effectiveOn,
                      LocalDate deadline, long daysLeft, boolean warned) {
    }

    /** What a round did. */
    record Round(List<Due> warned, int lapsed) {
    }

    /** One round: warn of windows closing soon, mark the closed ones LAPSED; each agreement its own transaction. */
    Round run() {
        LocalDate today = LocalDate.ofInstant(clock.now(), clock.zone());
        int warnDays = settings.warnDays();
        LocalDateTime now = LocalDateTime.ofInstant(clock.now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        List<Object[]> open = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select a.disputeId, d.regionCode, d.mediatorId from AgreementEntity a, DisputeEntity d "
                                + "where d.id = a.disputeId and a.confirmationStatus = :s and "
                                + "a.confirmationDeadline <= :horizon order by a.confirmationDeadline", Object[].class)
                .setParameter("s", ConfirmationStatus.NOT_APPLIED.name())
                .setParameter("horizon", today.plusDays(warnDays))
                .setMaxResults(1000)
                .getResultList());
        List<Due> warned = new ArrayList<>();
        int lapsed = 0;
        for (Object[] row : open) {
            String id = (String) row[0];
            try {
                Due due = jpa.txExpr(TransactionType.Required, em -> {
                    AgreementEntity a = em.find(AgreementEntity.class, id);
                    if (a == null || a.confirmationStatus() != ConfirmationStatus.NOT_APPLIED) {
                        return null;
                    }
                    ConfirmationWindow window = a.window();
                    if (window.daysLeft(today) < 0) {
                        a.confirmation(ConfirmationStatus.LAPSED, null, window.deadline(),
                                "30-day window closed without an application");
                        return new Due(id, (String) row[1], (String) row[2], window.effectiveOn(), window.deadline(),
                                window.daysLeft(today), false);
                    }
                    if (a.warnedAt() == null && window.warn(today, warnDays)) {
                        a.warnedAt(now);
                        return new Due(id, (String) row[1], (String) row[2], window.effectiveOn(), window.deadline(),
                                window.daysLeft(today), true);
                    }
                    return null;
                });
                if (due == null) {
                    continue;
                }
                if (due.warned()) {
                    warned.add(due);
                    warn(due);
                } else {
                    lapsed++;
                    audit.record(AuditEntry.ok(PLATFORM, "dispute.confirmation.lapsed", "dispute", id, due.regionCode(),
                            "window closed " + due.deadline()));
                }
            } catch (RuntimeException e) {
                if (!(e instanceof OptimisticLockException) && !(e.getCause() instanceof OptimisticLockException)) {
                    throw e;
                }
            }
        }
        return new Round(warned, lapsed);
    }

    /** Runs a round and says what it did, one line per warning, for the shell. */
    public String runAndReport() {
        Round round = run();
        StringBuilder out = new StringBuilder("Confirmation round: ").append(round.warned().size())
                .append(" warned, ").append(round.lapsed()).append(" lapsed (warning ").append(settings.warnDays())
                .append(" day(s) ahead)");
        for (Due due : round.warned()) {
            out.append(System.lineSeparator()).append("  dispute ").append(due.disputeId()).append(" in ")
                    .append(due.regionCode()).append(": apply by ").append(due.deadline()).append(", ")
                    .append(due.daysLeft()).append(" day(s) left, mediator ").append(due.mediatorId());
        }
        return out.toString();
    }

    private void warn(Due due) {
        LOG.info("Judicial confirmation of the agreement of dispute {} ({}) must be applied for by {}: {} day(s) left",
                due.disputeId(), due.regionCode(), due.deadline(), due.daysLeft());
        audit.record(AuditEntry.ok(PLATFORM, "dispute.confirmation.warn", "dispute", due.disputeId(), due.regionCode(),
                "apply by " + due.deadline() + ", " + due.daysLeft() + " day(s) left"));
        Map<String, Object> properties = new HashMap<>();
        properties.put("disputeId", due.disputeId());
        properties.put("regionCode", due.regionCode());
        properties.put("deadline", due.deadline().toString());
        properties.put("daysLeft", due.daysLeft());
        if (due.mediatorId() != null) {
            properties.put("mediatorId", due.mediatorId());
        }
        events.postEvent(new Event(DUE_TOPIC, properties));
    }

    /** The agreements of a region whose window is still open, the closest deadline first. */
    public List<Due> due(Caller caller, String regionCode) {
        DisputeRegistry.requireStudioRole(caller);
        if (regionCode == null || regionCode.isBlank()) {
            throw ProblemException.badRequest("Name the region: ?region=<division code>.");
        }
        if (!caller.reaches(regionCode)) {
            throw new ProblemException(403, "Forbidden", "Region " + regionCode + " is outside your area.");
        }
        LocalDate today = LocalDate.ofInstant(clock.now(), clock.zone());
        List<Object[]> rows = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select a, d.regionCode, d.mediatorId from AgreementEntity a, DisputeEntity d "
                                + "where d.id = a.disputeId and d.regionCode like :p and a.confirmationStatus = :s "
                                + "and a.confirmationDeadline >= :today order by a.confirmationDeadline", Object[].class)
                .setParameter("p", regionCode + "%")
                .setParameter("s", ConfirmationStatus.NOT_APPLIED.name())
                .setParameter("today", today)
                .setMaxResults(500)
                .getResultList());
        return rows.stream().map(r -> {
            AgreementEntity a = (AgreementEntity) r[0];
            ConfirmationWindow w = a.window();
            return new Due(a.disputeId(), (String) r[1], (String) r[2], w.effectiveOn(), w.deadline(),
                    w.daysLeft(today), a.warnedAt() != null);
        }).toList();
    }
}
