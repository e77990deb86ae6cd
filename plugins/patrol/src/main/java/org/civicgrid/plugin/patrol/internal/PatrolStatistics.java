package org.civicgrid.plugin.patrol.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Patrol figures of a region over a period of calendar days (in the platform's zone), from grouped queries. */
@Component(service = PatrolStatistics.class)
public class PatrolStatistics {

    private final JpaTemplate jpa;
    private final PlatformFacilities platform;

    @Activate
    public PatrolStatistics(@Reference(target = PatrolRegistry.SCHEMA) SchemaReady schema,
                            @Reference(target = PatrolRegistry.UNIT) JpaTemplate jpa,
                            @Reference PlatformFacilities platform) {
        this.jpa = jpa;
        this.platform = platform;
    }

    /**
     * @param regionCode a region the caller manages (their own if {@code null})
     * @param from the first day, or {@code null} for no lower bound
     * @param to the last day (included), or {@code null} for no upper bound
     */
    public PatrolFigures figures(Caller caller, String regionCode, LocalDate from, LocalDate to) {
        String code = regionCode == null || regionCode.isBlank() ? caller.regionCode() : regionCode.strip();
        PatrolAccess.requireManaged(caller, code);
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.badRequest("to (" + to + ") is before from (" + from + ").");
        }
        LocalDateTime start = from == null ? LocalDateTime.of(1970, 1, 1, 0, 0)
                : PlatformFacilities.utc(from.atStartOfDay(platform.zone()).toInstant());
        LocalDateTime end = to == null ? LocalDateTime.of(9999, 1, 1, 0, 0)
                : PlatformFacilities.utc(to.plusDays(1).atStartOfDay(platform.zone()).toInstant());
        return jpa.txExpr(TransactionType.Supports, em -> {
            String inPeriod = " s.regionCode like :p and s.startsAt >= :from and s.startsAt < :to";
            List<ShiftEntity> shifts = bind(em.createQuery("select s from ShiftEntity s where" + inPeriod,
                    ShiftEntity.class), code, start, end).getResultList();
            Map<String, Long> planned = new HashMap<>();
            for (Object[] row : bind(em.createQuery("select s.id, count(c) from ShiftEntity s, CheckpointEntity c "
                    + "where c.routeId = s.routeId and" + inPeriod + " group by s.id", Object[].class), code, start, end)
                    .getResultList()) {
                planned.put((String) row[0], (Long) row[1]);
            }
            Map<String, Long> visited = new HashMap<>();
            for (Object[] row : bind(em.createQuery("select c.shiftId, count(distinct c.checkpointId) from CheckInEntity c, "
                    + "ShiftEntity s where s.id = c.shiftId and c.away = false and c.offShift = false and" + inPeriod
                    + " group by c.shiftId", Object[].class), code, start, end).getResultList()) {
                visited.put((String) row[0], (Long) row[1]);
            }
            List<PatrolTally.ShiftFact> facts = shifts.stream().map(s -> new PatrolTally.ShiftFact(s.id, s.startsAt,
                    s.effectiveEnd(), s.closedAt != null, planned.getOrDefault(s.id, 0L).intValue(),
                    visited.getOrDefault(s.id, 0L).intValue())).toList();
            List<PatrolTally.Credit> credits = bind(em.createQuery("select distinct c.shiftId, c.memberId from CheckInEntity c, "
                    + "ShiftEntity s where s.id = c.shiftId and c.away = false and c.offShift = false and" + inPeriod,
                    Object[].class), code, start, end).getResultList().stream()
                    .map(row -> new PatrolTally.Credit((String) row[0], (String) row[1])).toList();
            long flagged = bind(em.createQuery("select count(c) from CheckInEntity c, ShiftEntity s where s.id = c.shiftId "
                    + "and (c.away = true or c.offShift = true) and" + inPeriod, Long.class), code, start, end).getSingleResult();
            Map<String, Long> hazards = new HashMap<>();
            for (Object[] row : em.createQuery("select h.caseState, count(h) from HazardEntity h where h.regionCode like :p "
                    + "and h.reportedAt >= :from and h.reportedAt < :to group by h.caseState", Object[].class)
                    .setParameter("p", code + "%").setParameter("from", start).setParameter("to", end).getResultList()) {
                hazards.put((String) row[0], (Long) row[1]);
            }
            return PatrolTally.tally(code, from, to, facts, credits, members(em, credits), flagged, hazards);
        });
    }

    /** Service hours as CSV, for the volunteer service record. */
    public String serviceHoursCsv(Caller caller, String regionCode, LocalDate from, LocalDate to) {
        PatrolFigures figures = figures(caller, regionCode, from, to);
        platform.audit(caller.userId(), "patrol.hours.export", "patrol-hours", null, figures.regionCode(),
                figures.members().size() + " members, " + from + " to " + to);
        return ServiceHoursCsv.write(figures.members());
    }

    private static Map<String, PatrolTally.MemberFact> members(EntityManager em, List<PatrolTally.Credit> credits) {
        if (credits.isEmpty()) {
            return Map.of();
        }
        List<String> ids = credits.stream().map(PatrolTally.Credit::memberId).distinct().toList();
        Map<String, PatrolTally.MemberFact> facts = new HashMap<>();
        // Chunks keep the IN list within what every database accepts.
        for (int i = 0; i < ids.size(); i += 500) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            for (Object[] row : em.createQuery("select m, t.name from MemberEntity m, TeamEntity t where t.id = m.teamId "
                    + "and m.id in :ids", Object[].class).setParameter("ids", chunk).getResultList()) {
                MemberEntity m = (MemberEntity) row[0];
                facts.put(m.id, new PatrolTally.MemberFact(m.id, m.userId, m.name, MemberKind.valueOf(m.kind), (String) row[1]));
            }
        }
        return facts;
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, String code, LocalDateTime from, LocalDateTime to) {
        return query.setParameter("p", code + "%").setParameter("from", from).setParameter("to", to);
    }
}
