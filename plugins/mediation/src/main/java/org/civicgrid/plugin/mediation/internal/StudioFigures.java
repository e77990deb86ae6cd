package org.civicgrid.plugin.mediation.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ProblemException;
import org.civicgrid.core.api.time.PlatformClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The studio's figures for a region, counted with GROUP BY over the indexed columns. */
@Component(service = StudioFigures.class, immediate = true)
public class StudioFigures {

    /**
     * A region's figures.
     *
     * @param regionCode the region
     * @param total disputes received
     * @param byType by dispute type
     * @param byStatus by status (outcome)
     * @param byPlace by the region's direct subdivisions (division code → count)
     * @param concluded disputes with an outcome (agreed, failed, withdrawn, referred)
     * @param successRate agreed / concluded, or {@code null} with none concluded
     * @param agreements agreements reached
     * @param confirmed agreements judicially confirmed
     * @param confirmationRate confirmed / agreements, or {@code null} with none
     * @param averageDays mean days from intake to conclusion, or {@code null}
     * @param failedNotReferred failed disputes still to be referred on (the loop is not closed for them)
     * @param courtSent disputes sent by a court (诉前调解)
     * @param courtOverdue of those, still open after the court's deadline
     */
    public record Figures(String regionCode, long total, Map<String, Long> byType, Map<String, Long> byStatus,
                          Map<String, Long> byPlace, long concluded, Double successRate, long agreements,
                          long confirmed, Double confirmationRate, Double averageDays, long failedNotReferred,
                          long courtSent, long courtOverdue) {
    }

    private final JpaTemplate jpa;
    private final RegionService regions;
    private final PlatformClock clock;

    @Activate
    public StudioFigures(@Reference(target = DisputeRegistry.SCHEMA) SchemaReady schema,
                         @Reference(target = "(osgi.unit.name=civicgrid-mediation)") JpaTemplate jpa,
                         @Reference RegionService regions,
                         @Reference PlatformClock clock) {
        this.jpa = jpa;
        this.regions = regions;
        this.clock = clock;
    }

    public Figures figures(Caller caller, String regionCode) {
        DisputeRegistry.requireStudioRole(caller);
        String code = regionCode == null || regionCode.isBlank() ? caller.regionCode() : regionCode.trim();
        if (!caller.reaches(code)) {
            throw new ProblemException(403, "Forbidden", "Region " + code + " is outside your area.");
        }
        Region region = regions.find(code).orElseThrow(() -> new ProblemException(404, "Unknown region",
                "No region with code " + code + " is loaded."));
        int childLength = switch (region.code().length()) {
            case 2 -> 4;
            case 4 -> 6;
            case 6 -> 9;
            default -> 12;
        };
        String prefix = code + "%";
        LocalDate today = LocalDate.ofInstant(clock.now(), clock.zone());
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<String, Long> byType = grouped(em.createQuery("select d.disputeType, count(d) from DisputeEntity d "
                    + "where d.regionCode like :p group by d.disputeType", Object[].class).setParameter("p", prefix).getResultList());
            Map<String, Long> byStatus = grouped(em.createQuery("select d.status, count(d) from DisputeEntity d "
                    + "where d.regionCode like :p group by d.status", Object[].class).setParameter("p", prefix).getResultList());
            // Grouped by the full code and summed per subdivision here: PostgreSQL refuses a GROUP BY on a
            // substring whose bounds are bound as parameters (as EclipseLink binds them).
            Map<String, Long> byPlace = new TreeMap<>();
            em.createQuery("select d.regionCode, count(d) from DisputeEntity d where d.regionCode like :p "
                    + "group by d.regionCode", Object[].class).setParameter("p", prefix).getResultList()
                    .forEach(r -> byPlace.merge(place((String) r[0], childLength), ((Number) r[1]).longValue(), Long::sum));
            long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
            long agreed = byStatus.getOrDefault(DisputeStatus.AGREED.name(), 0L);
            long failed = byStatus.getOrDefault(DisputeStatus.FAILED.name(), 0L);
            long concluded = agreed + failed + byStatus.getOrDefault(DisputeStatus.WITHDRAWN.name(), 0L)
                    + byStatus.getOrDefault(DisputeStatus.REFERRED.name(), 0L);
            long confirmed = em.createQuery("select count(a) from AgreementEntity a, DisputeEntity d where "
                    + "d.id = a.disputeId and d.regionCode like :p and a.confirmationStatus = :s", Long.class)
                    .setParameter("p", prefix).setParameter("s", ConfirmationStatus.CONFIRMED.name()).getSingleResult();
            long agreements = em.createQuery("select count(a) from AgreementEntity a, DisputeEntity d where "
                    + "d.id = a.disputeId and d.regionCode like :p", Long.class).setParameter("p", prefix).getSingleResult();
            List<Object[]> durations = em.createQuery("select d.receivedAt, d.closedAt from DisputeEntity d "
                    + "where d.regionCode like :p and d.closedAt is not null", Object[].class)
                    .setParameter("p", prefix).getResultList();
            Double averageDays = durations.isEmpty() ? null : durations.stream()
                    .mapToLong(r -> Duration.between((LocalDateTime) r[0], (LocalDateTime) r[1]).toMinutes())
                    .average().orElse(0) / (60.0 * 24);
            long courtSent = em.createQuery("select count(d) from DisputeEntity d where d.regionCode like :p "
                    + "and d.source = 'COURT'", Long.class).setParameter("p", prefix).getSingleResult();
            long courtOverdue = em.createQuery("select count(d) from DisputeEntity d where d.regionCode like :p "
                    + "and d.source = 'COURT' and d.courtDeadline < :today and d.status in :open", Long.class)
                    .setParameter("p", prefix).setParameter("today", today)
                    .setParameter("open", List.of(DisputeStatus.RECEIVED.name(), DisputeStatus.ASSIGNED.name(),
                            DisputeStatus.IN_MEDIATION.name()))
                    .getSingleResult();
            return new Figures(code, total, byType, byStatus, byPlace, concluded, ratio(agreed, concluded), agreements,
                    confirmed, ratio(confirmed, agreements), averageDays == null ? null
                    : Math.round(averageDays * 10) / 10.0, failed, courtSent, courtOverdue);
        });
    }

    /** The subdivision a code lies in (the code itself if it is no deeper than the subdivisions). */
    static String place(String code, int childLength) {
        return code.length() <= childLength ? code : code.substring(0, childLength);
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
    }

    private static Map<String, Long> grouped(List<Object[]> rows) {
        Map<String, Long> map = new TreeMap<>();
        rows.forEach(r -> map.put(String.valueOf(r[0]), ((Number) r[1]).longValue()));
        return map;
    }
}
