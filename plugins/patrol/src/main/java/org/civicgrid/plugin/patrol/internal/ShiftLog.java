package org.civicgrid.plugin.patrol.internal;

import static org.civicgrid.plugin.patrol.internal.PlatformFacilities.offset;
import static org.civicgrid.plugin.patrol.internal.PlatformFacilities.utc;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shifts, their rosters and check-ins ({@code pat_shift}, {@code pat_roster}, {@code pat_check_in}), and closing a
 * shift: by a person, or by supervision once it is over, which reports the checkpoints nobody visited
 * ({@code pat_missed}).
 */
@Component(service = ShiftLog.class, configurationPid = PatrolConfiguration.PID)
@Designate(ocd = PatrolConfiguration.class)
public class ShiftLog {

    /** Who closes shifts that were left open. */
    static final String SUPERVISION = "platform";
    static final Duration LONGEST_SHIFT = Duration.ofHours(24);
    private static final int ROSTER_MAX = 50;

    private static final Logger LOG = LoggerFactory.getLogger(ShiftLog.class);

    private final JpaTemplate jpa;
    private final PlatformFacilities platform;
    private volatile PatrolConfiguration configuration;

    @Activate
    public ShiftLog(@Reference(target = PatrolRegistry.SCHEMA) SchemaReady schema,
                    @Reference(target = PatrolRegistry.UNIT) JpaTemplate jpa,
                    @Reference PlatformFacilities platform,
                    PatrolConfiguration configuration) {
        this.jpa = jpa;
        this.platform = platform;
        modified(configuration);
    }

    @Modified
    void modified(PatrolConfiguration configuration) {
        if (configuration.checkInRadiusMetres() < 1 || configuration.shiftGraceMinutes() < 0
                || configuration.closeAfterMinutes() < 0) {
            LOG.error("etc/{}.cfg is not valid (radius at least 1 m, grace and closing delay not negative); {}",
                    PatrolConfiguration.PID, this.configuration == null ? "using it anyway" : "keeping the previous settings");
            if (this.configuration != null) {
                return;
            }
        }
        this.configuration = configuration;
        LOG.info("Patrol check-ins: radius {} m, shift grace {} min; shifts closed {} min after their end",
                configuration.checkInRadiusMetres(), configuration.shiftGraceMinutes(), configuration.closeAfterMinutes());
    }

    CheckInJudge judge() {
        PatrolConfiguration c = configuration;
        return new CheckInJudge(Math.max(1, c.checkInRadiusMetres()), Duration.ofMinutes(Math.max(0, c.shiftGraceMinutes())));
    }

    /** Plans a shift of a team on one of its routes, with the members on its roster. */
    public Shift plan(Caller caller, ShiftDraft draft) {
        if (draft == null) {
            throw ProblemException.badRequest("Send the shift as a JSON object with teamId, routeId, startsAt, endsAt and roster.");
        }
        if (draft.startsAt() == null || draft.endsAt() == null) {
            throw ProblemException.badRequest("startsAt and endsAt are required (ISO 8601 with an offset, e.g. 2024-05-01T08:00:00+08:00).");
        }
        Duration length = Duration.between(draft.startsAt(), draft.endsAt());
        if (length.isNegative() || length.isZero() || length.compareTo(LONGEST_SHIFT) > 0) {
            throw ProblemException.badRequest("A shift ends after it starts and lasts at most " + LONGEST_SHIFT.toHours() + " hours.");
        }
        List<String> roster = draft.roster() == null ? List.of() : draft.roster();
        if (roster.isEmpty() || roster.size() > ROSTER_MAX) {
            throw ProblemException.badRequest("roster names 1 to " + ROSTER_MAX + " members (their user ids).");
        }
        String shiftId = UUID.randomUUID().toString();
        ShiftEntity shift = jpa.txExpr(TransactionType.Required, em -> {
            TeamEntity team = PatrolRegistry.managedTeam(em, caller, draft.teamId());
            RouteEntity route = draft.routeId() == null ? null : em.find(RouteEntity.class, draft.routeId());
            if (route == null || !route.teamId.equals(team.id)) {
                throw ProblemException.badRequest("routeId " + draft.routeId() + " is not a route of team " + team.name + ".");
            }
            ShiftEntity s = new ShiftEntity(shiftId, team.id, route.id, route.regionCode,
                    utc(draft.startsAt().toInstant()), utc(draft.endsAt().toInstant()), caller.userId());
            em.persist(s);
            em.flush();
            for (String userId : new LinkedHashSet<>(roster)) {
                MemberEntity member = PatrolRegistry.membership(em, team.id, userId).orElseThrow(() ->
                        ProblemException.badRequest("roster: " + userId + " is not a member of team " + team.name + "."));
                em.persist(new RosterEntity(UUID.randomUUID().toString(), shiftId, member.id));
            }
            return s;
        });
        platform.audit(caller.userId(), "patrol.shift.plan", "patrol-shift", shiftId, shift.regionCode,
                "team " + shift.teamId + ", route " + shift.routeId + ", " + shift.startsAt + "Z–" + shift.endsAt + "Z");
        return shift(caller, shiftId);
    }

    /** A shift with its roster, coverage, missed checkpoints, check-ins and hazards. */
    public Shift shift(Caller caller, String shiftId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            ShiftEntity shift = visibleShift(em, caller, shiftId);
            return view(em, shift);
        });
    }

    /** The shifts of a team starting in [from, to), newest first. */
    public List<Shift> shifts(Caller caller, String teamId, OffsetDateTime from, OffsetDateTime to) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            PatrolRegistry.visibleTeam(em, caller, teamId);
            return em.createQuery("select s from ShiftEntity s where s.teamId = :t and s.startsAt >= :from "
                            + "and s.startsAt < :to order by s.startsAt desc", ShiftEntity.class)
                    .setParameter("t", teamId)
                    .setParameter("from", from == null ? LocalDateTime.of(1970, 1, 1, 0, 0) : utc(from.toInstant()))
                    .setParameter("to", to == null ? LocalDateTime.of(9999, 1, 1, 0, 0) : utc(to.toInstant()))
                    .setMaxResults(PatrolRegistry.LIST_MAX).getResultList()
                    .stream().map(s -> view(em, s)).toList();
        });
    }

    /** Records a check-in at a checkpoint of the shift's route, judged by distance and time. */
    public CheckIn checkIn(Caller caller, String shiftId, CheckInRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("Send the check-in as a JSON object with checkpointId, longitude and latitude.");
        }
        PatrolAccess.requirePosition("check-in", request.longitude(), request.latitude());
        LocalDateTime now = platform.nowUtc();
        CheckInJudge judge = judge();
        Recorded recorded = jpa.txExpr(TransactionType.Required, em -> {
            Duty duty = onDuty(em, caller, shiftId, request.memberId());
            CheckpointEntity checkpoint = request.checkpointId() == null ? null
                    : em.find(CheckpointEntity.class, request.checkpointId());
            if (checkpoint == null || !checkpoint.routeId.equals(duty.shift().routeId)) {
                throw ProblemException.badRequest("checkpointId " + request.checkpointId()
                        + " is not a checkpoint of this shift's route.");
            }
            CheckInJudge.Verdict verdict = judge.judge(checkpoint.longitude, checkpoint.latitude, request.longitude(),
                    request.latitude(), now, duty.shift().startsAt, duty.shift().effectiveEnd());
            CheckInEntity entity = new CheckInEntity(UUID.randomUUID().toString(), shiftId, checkpoint.id,
                    duty.member().id, caller.userId(), now, request.longitude(), request.latitude(), verdict);
            em.persist(entity);
            return new Recorded(entity, checkpoint, duty);
        });
        CheckInEntity entity = recorded.entity();
        CheckpointEntity checkpoint = recorded.checkpoint();
        Duty duty = recorded.duty();
        platform.audit(caller.userId(), "patrol.check-in", "patrol-shift", shiftId, duty.shift().regionCode,
                "checkpoint " + checkpoint.seq + " for " + duty.member().userId + ", " + entity.distanceMetres + " m"
                        + (entity.away ? ", away" : "") + (entity.offShift ? ", off shift" : ""));
        if (!entity.counts()) {
            LOG.info("Flagged check-in on shift {} at checkpoint {} by {}: {} m away{}", shiftId, checkpoint.seq,
                    duty.member().userId, entity.distanceMetres, entity.offShift ? ", outside the shift" : "");
        }
        return toCheckIn(entity, checkpoint.name, duty.member().userId);
    }

    private record Recorded(CheckInEntity entity, CheckpointEntity checkpoint, Duty duty) {
    }

    /** Closes a shift now and reports its missed checkpoints; by a manager of its area or a member on its roster. */
    public Shift close(Caller caller, String shiftId) {
        int missed = jpa.txExpr(TransactionType.Required, em -> {
            ShiftEntity shift = visibleShift(em, caller, shiftId);
            boolean rostered = PatrolRegistry.membership(em, shift.teamId, caller.userId())
                    .map(m -> onRoster(em, shift.id, m.id)).orElse(false);
            if (!rostered && !PatrolAccess.manages(caller, shift.regionCode)) {
                throw PatrolAccess.forbidden("Only a member on the shift's roster or " + PatrolAccess.MANAGERS
                        + " of its area close a shift.");
            }
            if (shift.closedAt != null) {
                throw PatrolAccess.conflict("The shift was closed at " + offset(shift.closedAt) + " by " + shift.closedBy + ".");
            }
            return closeShift(em, shift, caller.userId(), platform.nowUtc());
        });
        Shift shift = shift(caller, shiftId);
        platform.audit(caller.userId(), "patrol.shift.close", "patrol-shift", shiftId, shift.regionCode(),
                shift.visited() + "/" + shift.planned() + " checkpoints visited, " + missed + " missed");
        return shift;
    }

    /** What a supervision round did. */
    public record Round(int closed, int missedCheckpoints) {
    }

    /**
     * Closes every shift that ended more than the configured delay ago and is still open, each in its own
     * transaction, and reports its missed checkpoints. A shift closed meanwhile (by a person or another node) is
     * left as it is.
     */
    public Round supervise() {
        LocalDateTime now = platform.nowUtc();
        LocalDateTime endedBefore = now.minusMinutes(Math.max(0, configuration.closeAfterMinutes()));
        List<String> due = jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select s.id from ShiftEntity s where s.closedAt is null and s.endsAt <= :t order by s.endsAt",
                        String.class).setParameter("t", endedBefore).setMaxResults(1000).getResultList());
        int closed = 0;
        int missed = 0;
        for (String id : due) {
            try {
                Integer m = jpa.txExpr(TransactionType.Required, em -> {
                    ShiftEntity shift = em.find(ShiftEntity.class, id);
                    if (shift == null || shift.closedAt != null) {
                        return null;
                    }
                    return closeShift(em, shift, SUPERVISION, now);
                });
                if (m != null) {
                    closed++;
                    missed += m;
                    platform.audit(SUPERVISION, "patrol.shift.close", "patrol-shift", id, null,
                            "closed by supervision, " + m + " checkpoints missed");
                }
            } catch (RuntimeException e) {
                // Most likely closed at the same moment elsewhere (the unique missed rows collide): the next round sees it.
                LOG.warn("Shift {} could not be closed by supervision: {}", id, e.getMessage());
            }
        }
        return new Round(closed, missed);
    }

    /** Closes the shift, records the checkpoints without a check-in that counts; how many were missed. */
    private int closeShift(EntityManager em, ShiftEntity shift, String actor, LocalDateTime now) {
        Set<String> visited = visited(em, shift.id);
        List<CheckpointEntity> missed = PatrolRegistry.checkpoints(em, shift.routeId).stream()
                .filter(c -> !visited.contains(c.id)).toList();
        for (CheckpointEntity c : missed) {
            em.persist(new MissedEntity(UUID.randomUUID().toString(), shift.id, c.id, now));
        }
        shift.closedAt = now;
        shift.closedBy = actor;
        em.flush();
        if (!missed.isEmpty()) {
            LOG.info("Shift {} of team {} closed by {}: missed checkpoint(s) {}", shift.id, shift.teamId, actor,
                    missed.stream().map(c -> c.seq + " " + c.name).toList());
        }
        return missed.size();
    }

    /** The member a check-in or hazard report is for, on the shift's roster. */
    record Duty(ShiftEntity shift, TeamEntity team, MemberEntity member, boolean onBehalf) {
    }

    /**
     * The caller as a member on the shift's roster, or — when {@code memberUserId} names someone else — staff
     * recording for that member. Outside the caller's region and not a member: 404; otherwise refused with 403.
     */
    static Duty onDuty(EntityManager em, Caller caller, String shiftId, String memberUserId) {
        ShiftEntity shift = shiftId == null ? null : em.find(ShiftEntity.class, shiftId);
        if (shift == null) {
            throw ProblemException.notFound("No patrol shift " + shiftId + " in your area.");
        }
        TeamEntity team = em.find(TeamEntity.class, shift.teamId);
        boolean onBehalf = memberUserId != null && !memberUserId.isBlank() && !memberUserId.strip().equals(caller.userId());
        MemberEntity member;
        if (onBehalf) {
            if (!caller.reaches(shift.regionCode) && PatrolRegistry.membership(em, team.id, caller.userId()).isEmpty()) {
                throw ProblemException.notFound("No patrol shift " + shiftId + " in your area.");
            }
            if (!PatrolAccess.actsOnBehalf(caller, shift.regionCode)) {
                throw PatrolAccess.forbidden("Only " + PatrolAccess.ON_BEHALF + " of the area record for a member.");
            }
            member = PatrolRegistry.membership(em, team.id, memberUserId.strip()).orElseThrow(() ->
                    ProblemException.badRequest(memberUserId + " is not a member of team " + team.name + "."));
        } else {
            member = PatrolRegistry.membership(em, team.id, caller.userId()).orElse(null);
            if (member == null) {
                if (!caller.reaches(shift.regionCode)) {
                    throw ProblemException.notFound("No patrol shift " + shiftId + " in your area.");
                }
                throw PatrolAccess.forbidden("You are not a member of team " + team.name
                        + "; staff recording for a member name them in memberId.");
            }
        }
        if (!onRoster(em, shift.id, member.id)) {
            throw PatrolAccess.forbidden(member.userId + " is not on the roster of this shift.");
        }
        return new Duty(shift, team, member, onBehalf);
    }

    static ShiftEntity visibleShift(EntityManager em, Caller caller, String shiftId) {
        ShiftEntity shift = shiftId == null ? null : em.find(ShiftEntity.class, shiftId);
        if (shift == null) {
            throw ProblemException.notFound("No patrol shift " + shiftId + " in your area.");
        }
        PatrolAccess.requireVisible(caller, shift.regionCode,
                PatrolRegistry.membership(em, shift.teamId, caller.userId()).isPresent(), "patrol shift " + shiftId);
        return shift;
    }

    private static boolean onRoster(EntityManager em, String shiftId, String memberId) {
        return em.createQuery("select count(r) from RosterEntity r where r.shiftId = :s and r.memberId = :m", Long.class)
                .setParameter("s", shiftId).setParameter("m", memberId).getSingleResult() > 0;
    }

    /** The checkpoints of a shift with a check-in that counts (on the spot and on time). */
    private static Set<String> visited(EntityManager em, String shiftId) {
        return new HashSet<>(em.createQuery("select distinct c.checkpointId from CheckInEntity c where c.shiftId = :s "
                + "and c.away = false and c.offShift = false", String.class).setParameter("s", shiftId).getResultList());
    }

    private Shift view(EntityManager em, ShiftEntity shift) {
        TeamEntity team = em.find(TeamEntity.class, shift.teamId);
        RouteEntity route = em.find(RouteEntity.class, shift.routeId);
        List<CheckpointEntity> checkpoints = PatrolRegistry.checkpoints(em, shift.routeId);
        Map<String, CheckpointEntity> byId = checkpoints.stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
        List<MemberEntity> members = em.createQuery("select m from MemberEntity m where m.teamId = :t", MemberEntity.class)
                .setParameter("t", shift.teamId).getResultList();
        Map<String, MemberEntity> memberById = members.stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
        List<String> roster = em.createQuery("select r.memberId from RosterEntity r where r.shiftId = :s", String.class)
                .setParameter("s", shift.id).getResultList().stream().map(id -> memberById.get(id).userId).sorted().toList();
        List<CheckIn> checkIns = em.createQuery("select c from CheckInEntity c where c.shiftId = :s order by c.checkedAt, c.id",
                        CheckInEntity.class).setParameter("s", shift.id).getResultList().stream()
                .map(c -> toCheckIn(c, byId.get(c.checkpointId).name, memberById.get(c.memberId).userId)).toList();
        Set<String> visited = visited(em, shift.id);
        List<Checkpoint> missed = new ArrayList<>();
        if (shift.closedAt != null) {
            Set<String> missedIds = new HashSet<>(em.createQuery("select m.checkpointId from MissedEntity m where m.shiftId = :s",
                    String.class).setParameter("s", shift.id).getResultList());
            checkpoints.stream().filter(c -> missedIds.contains(c.id)).map(CheckpointEntity::toCheckpoint).forEach(missed::add);
        }
        List<Hazard> hazards = em.createQuery("select h from HazardEntity h where h.shiftId = :s order by h.reportedAt",
                HazardEntity.class).setParameter("s", shift.id).getResultList().stream()
                .map(h -> HazardDesk.toHazard(h, memberById.get(h.memberId).userId, null)).toList();
        int planned = checkpoints.size();
        return new Shift(shift.id, team.id, team.name, route.id, route.name, shift.regionCode, offset(shift.startsAt),
                offset(shift.endsAt), offset(shift.closedAt), shift.closedBy, roster, planned, visited.size(),
                PatrolFigures.ratio(visited.size(), planned), missed, checkIns, hazards);
    }

    private static CheckIn toCheckIn(CheckInEntity c, String checkpointName, String userId) {
        return new CheckIn(c.id, c.shiftId, c.checkpointId, checkpointName, userId, c.recordedBy, offset(c.checkedAt),
                c.longitude, c.latitude, c.distanceMetres, c.away, c.offShift);
    }
}
