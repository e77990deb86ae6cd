package org.civicgrid.plugin.patrol.internal;

import static org.civicgrid.plugin.patrol.internal.PatrolAccess.requireText;
import static org.civicgrid.plugin.patrol.internal.PlatformFacilities.offset;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.cases.CaseIntake;
import org.civicgrid.core.api.cases.CaseRecord;
import org.civicgrid.core.api.cases.CaseService;
import org.civicgrid.core.api.cases.Channel;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hazards found on patrol ({@code pat_hazard}). Each becomes a core case of category {@code patrol-hazard} through
 * the patrol channel, in the village of the shift's route; the core places it in the grid at the reported point.
 * The patrol keeps the case id and shows the case's state.
 */
@Component(service = HazardDesk.class)
public class HazardDesk {

    private static final Logger LOG = LoggerFactory.getLogger(HazardDesk.class);

    private final JpaTemplate jpa;
    private final CaseService cases;
    private final PlatformFacilities platform;

    @Activate
    public HazardDesk(@Reference(target = PatrolRegistry.SCHEMA) SchemaReady schema,
                      @Reference(target = PatrolRegistry.UNIT) JpaTemplate jpa,
                      @Reference CaseService cases,
                      @Reference PlatformFacilities platform) {
        this.jpa = jpa;
        this.cases = cases;
        this.platform = platform;
    }

    /**
     * Reports a hazard found on a shift as a case. A member on the roster reports under their own name; the team's
     * registration by an administrator of the area is their mandate to report in the route's village even when
     * their own account belongs elsewhere (a volunteer from the next village), so the case is reported for them
     * with the route's village as their region. Staff report on a member's behalf under their own name.
     */
    public Hazard report(Caller caller, String shiftId, HazardReport report) {
        if (report == null) {
            throw ProblemException.badRequest("Send the hazard as a JSON object with title, description, longitude and latitude.");
        }
        String title = requireText("title", report.title(), 200);
        String description = requireText("description", report.description(), 3000);
        PatrolAccess.requirePosition("hazard", report.longitude(), report.latitude());
        String address = report.address() == null || report.address().isBlank() ? null : requireText("address", report.address(), 300);
        ShiftLog.Duty duty = jpa.txExpr(TransactionType.Supports, em -> ShiftLog.onDuty(em, caller, shiftId, report.memberId()));
        RouteEntity route = jpa.txExpr(TransactionType.Supports, em -> em.find(RouteEntity.class, duty.shift().routeId));
        Caller reporter = duty.onBehalf() || caller.reaches(route.regionCode) ? caller
                : new Caller(caller.userId(), caller.roles(), route.regionCode, caller.unitId());
        String told = description + "\n——巡防发现：" + duty.team().name + "，路线 " + route.name + "，巡防员 "
                + duty.member().name + (duty.onBehalf() ? "（由 " + caller.userId() + " 代报）" : "");
        CaseRecord c = cases.report(reporter, new CaseIntake(title, told, PatrolHazardCategory.CODE, Channel.PATROL,
                route.regionCode, report.longitude(), report.latitude(), address));
        HazardEntity hazard = new HazardEntity(UUID.randomUUID().toString(), duty.shift().id, duty.member().id,
                route.regionCode, caller.userId(), PlatformFacilities.utc(c.reportedAt().toInstant()), title,
                report.longitude(), report.latitude(), c.id(), c.gridCode(), c.state().name());
        try {
            jpa.tx(TransactionType.Required, em -> em.persist(hazard));
        } catch (RuntimeException e) {
            // The case stands (the core committed it); only the patrol's link to it is lost. Say which case it is.
            LOG.error("Case {} was reported for a hazard on shift {}, but the patrol could not record it", c.id(), shiftId, e);
            throw e;
        }
        platform.audit(caller.userId(), "patrol.hazard.report", "patrol-hazard", hazard.id, hazard.regionCode,
                "shift " + shiftId + ", case " + c.id() + (duty.onBehalf() ? ", for " + duty.member().userId : ""));
        LOG.info("Hazard on shift {} reported as case {} in {} (grid {})", shiftId, c.id(), route.regionCode, c.gridCode());
        return toHazard(hazard, duty.member().userId, c);
    }

    /** A hazard with its case's current state (read from the core when the caller may see the case). */
    public Hazard hazard(Caller caller, String hazardId) {
        Found found = jpa.txExpr(TransactionType.Supports, em -> {
            HazardEntity h = hazardId == null ? null : em.find(HazardEntity.class, hazardId);
            if (h == null) {
                throw ProblemException.notFound("No hazard " + hazardId + " in your area.");
            }
            try {
                ShiftLog.visibleShift(em, caller, h.shiftId);
            } catch (ProblemException outside) {
                // Answered as for an unknown hazard: the refusal must not name the hazard's shift.
                throw ProblemException.notFound("No hazard " + hazardId + " in your area.");
            }
            return new Found(h, em.find(MemberEntity.class, h.memberId).userId);
        });
        Optional<CaseRecord> live = cases.find(caller, found.hazard().caseId);
        return toHazard(found.hazard(), found.userId(), live.orElse(null));
    }

    private record Found(HazardEntity hazard, String userId) {
    }

    /** The hazards of a region, newest first. */
    public List<Hazard> hazards(Caller caller, String regionCode) {
        String code = regionCode == null || regionCode.isBlank() ? caller.regionCode() : regionCode.strip();
        PatrolAccess.requireManaged(caller, code);
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select h, m.userId from HazardEntity h, MemberEntity m where m.id = h.memberId "
                        + "and h.regionCode like :p order by h.reportedAt desc", Object[].class)
                .setParameter("p", code + "%").setMaxResults(PatrolRegistry.LIST_MAX).getResultList()
                .stream().map(row -> toHazard((HazardEntity) row[0], (String) row[1], null)).toList());
    }

    /** The hazard as stored, or with the case as the core has it now. */
    static Hazard toHazard(HazardEntity h, String userId, CaseRecord live) {
        return new Hazard(h.id, h.shiftId, userId, h.reportedBy, offset(h.reportedAt), h.title, h.regionCode,
                h.longitude, h.latitude, h.caseId, live != null ? live.gridCode() : h.gridCode,
                live != null ? live.state().name() : h.caseState,
                live != null ? live.updatedAt() : offset(h.caseUpdatedAt));
    }
}
