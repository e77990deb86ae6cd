package org.civicgrid.plugin.patrol.internal;

import static org.civicgrid.plugin.patrol.internal.PatrolAccess.requireText;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.DirectoryService;
import org.civicgrid.core.api.directory.User;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Patrol teams, their members and their routes ({@code pat_team}, {@code pat_member}, {@code pat_route}, {@code pat_checkpoint}). */
@Component(service = PatrolRegistry.class)
public class PatrolRegistry {

    static final String SCHEMA = "(" + SchemaReady.OWNER + "=org.civicgrid.plugin.patrol)";
    static final String UNIT = "(osgi.unit.name=civicgrid-patrol)";
    static final int CHECKPOINTS_MAX = 50;
    static final int LIST_MAX = 200;
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("\\+?[0-9][0-9 -]{4,18}[0-9]");

    private static final Logger LOG = LoggerFactory.getLogger(PatrolRegistry.class);

    private final JpaTemplate jpa;
    private final RegionService regions;
    private final DirectoryService directory;
    private final PlatformFacilities platform;

    @Activate
    public PatrolRegistry(@Reference(target = SCHEMA) SchemaReady schema,
                          @Reference(target = UNIT) JpaTemplate jpa,
                          @Reference RegionService regions,
                          @Reference DirectoryService directory,
                          @Reference PlatformFacilities platform) {
        this.jpa = jpa;
        this.regions = regions;
        this.directory = directory;
        this.platform = platform;
    }

    /** Registers a team for a county, township or village/community of the caller's area. */
    public Team createTeam(Caller caller, TeamDraft draft) {
        PatrolAccess.requireManagerRole(caller);
        if (draft == null) {
            throw ProblemException.badRequest("Send the team as a JSON object with regionCode and name.");
        }
        String name = requireText("name", draft.name(), 100);
        Region region = region(draft.regionCode(), "regionCode");
        if (region.level() == RegionLevel.PROVINCE || region.level() == RegionLevel.CITY) {
            throw ProblemException.badRequest("A patrol team belongs to a county, township or village/community, not to "
                    + region.name() + ".");
        }
        PatrolAccess.requireManaged(caller, region.code());
        TeamEntity team = new TeamEntity(UUID.randomUUID().toString(), region.code(), name, caller.userId(),
                platform.nowUtc());
        jpa.tx(TransactionType.Required, em -> em.persist(team));
        platform.audit(caller.userId(), "patrol.team.create", "patrol-team", team.id, team.regionCode, name);
        LOG.info("Patrol team {} ({}) registered in {} by {}", team.id, name, team.regionCode, caller.userId());
        return toTeam(team, List.of(), List.of());
    }

    /** A team with its members and routes, if the caller manages its region or is one of its members. */
    public Team team(Caller caller, String teamId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            TeamEntity team = visibleTeam(em, caller, teamId);
            return toTeam(team, members(em, team.id), routes(em, team.id));
        });
    }

    /** The teams of a region and everything under it. */
    public List<Team> teams(Caller caller, String regionCode) {
        String code = regionCode == null || regionCode.isBlank() ? caller.regionCode() : regionCode.strip();
        PatrolAccess.requireManaged(caller, code);
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select t from TeamEntity t where t.regionCode like :prefix order by t.regionCode, t.name",
                        TeamEntity.class)
                .setParameter("prefix", code + "%").setMaxResults(LIST_MAX).getResultList()
                .stream().map(t -> toTeam(t, List.of(), List.of())).toList());
    }

    /** Registers a platform user of the caller's area as a member of a team. */
    public Member addMember(Caller caller, String teamId, MemberDraft draft) {
        if (draft == null) {
            throw ProblemException.badRequest("Send the member as a JSON object with userId and kind.");
        }
        String userId = requireText("userId", draft.userId(), 64);
        if (draft.kind() == null) {
            throw ProblemException.badRequest("kind is required, one of " + List.of(MemberKind.values()) + ".");
        }
        String phone = draft.phone() == null || draft.phone().isBlank() ? null : draft.phone().strip();
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw ProblemException.badRequest("phone is a phone number of 6 to 20 digits (spaces, '-' and a leading '+' allowed).");
        }
        TeamEntity team = jpa.txExpr(TransactionType.Supports, em -> managedTeam(em, caller, teamId));
        User user = directory.user(caller, userId).orElseThrow(() -> ProblemException.badRequest(
                "No user " + userId + " in your area: create the user first (civicgrid:user-add or POST /api/users)."));
        if (!user.enabled()) {
            throw ProblemException.badRequest("User " + userId + " is disabled.");
        }
        String sealed = platform.sealPhone(phone);
        MemberEntity member = new MemberEntity(UUID.randomUUID().toString(), team.id, user.id(),
                user.name() == null || user.name().isBlank() ? user.id() : user.name(), draft.kind(), sealed,
                platform.nowUtc());
        jpa.tx(TransactionType.Required, em -> {
            Long already = em.createQuery("select count(m) from MemberEntity m where m.teamId = :t and m.userId = :u",
                    Long.class).setParameter("t", team.id).setParameter("u", user.id()).getSingleResult();
            if (already > 0) {
                throw PatrolAccess.conflict("User " + user.id() + " is already a member of team " + team.name + ".");
            }
            em.persist(member);
        });
        platform.audit(caller.userId(), "patrol.member.add", "patrol-member", member.id, team.regionCode,
                "team " + team.id + ", user " + user.id() + ", " + draft.kind() + (phone == null ? "" : ", phone sealed"));
        return toMember(member);
    }

    /** Adds a route over one village/community of the team's region, with its checkpoints in order. */
    public Route addRoute(Caller caller, String teamId, RouteDraft draft) {
        if (draft == null) {
            throw ProblemException.badRequest("Send the route as a JSON object with name, regionCode and checkpoints.");
        }
        String name = requireText("name", draft.name(), 100);
        Region village = region(draft.regionCode(), "regionCode");
        if (village.level() != RegionLevel.VILLAGE) {
            throw ProblemException.badRequest("A route runs in one village/community (a 12-digit code), not in "
                    + village.name() + ".");
        }
        List<CheckpointDraft> drafts = draft.checkpoints();
        if (drafts == null || drafts.isEmpty() || drafts.size() > CHECKPOINTS_MAX) {
            throw ProblemException.badRequest("A route has 1 to " + CHECKPOINTS_MAX + " checkpoints, in the order they are walked.");
        }
        String routeId = UUID.randomUUID().toString();
        List<CheckpointEntity> checkpoints = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            CheckpointDraft c = drafts.get(i);
            String what = "checkpoint " + (i + 1);
            if (c == null) {
                throw ProblemException.badRequest(what + " is empty.");
            }
            String cpName = requireText(what + " name", c.name(), 100);
            if (!names.add(cpName)) {
                throw ProblemException.badRequest("Two checkpoints are called " + cpName + ".");
            }
            PatrolAccess.requirePosition(what, c.longitude(), c.latitude());
            checkpoints.add(new CheckpointEntity(UUID.randomUUID().toString(), routeId, i + 1, cpName, c.longitude(),
                    c.latitude()));
        }
        RouteEntity route = jpa.txExpr(TransactionType.Required, em -> {
            TeamEntity team = managedTeam(em, caller, teamId);
            if (!village.code().startsWith(team.regionCode)) {
                throw ProblemException.badRequest(village.name() + " (" + village.code() + ") is outside the team's region "
                        + team.regionCode + ".");
            }
            RouteEntity r = new RouteEntity(routeId, team.id, village.code(), name, platform.nowUtc());
            em.persist(r);
            // No mapped relations: flush the route before rows that refer to it, or the foreign key refuses them.
            em.flush();
            checkpoints.forEach(em::persist);
            return r;
        });
        platform.audit(caller.userId(), "patrol.route.create", "patrol-route", route.id, route.regionCode,
                "team " + route.teamId + ", " + checkpoints.size() + " checkpoints");
        return new Route(route.id, route.teamId, route.regionCode, village.name(), route.name,
                checkpoints.stream().map(CheckpointEntity::toCheckpoint).toList());
    }

    /** A route with its checkpoints. */
    public Route route(Caller caller, String routeId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            RouteEntity route = routeId == null ? null : em.find(RouteEntity.class, routeId);
            if (route == null) {
                throw ProblemException.notFound("No route " + routeId + " in your area.");
            }
            try {
                visibleTeam(em, caller, route.teamId);
            } catch (ProblemException outside) {
                // Answered as for an unknown route: the refusal must not name the route's team.
                throw ProblemException.notFound("No route " + routeId + " in your area.");
            }
            return toRoute(em, route);
        });
    }

    // --- shared with the other parts of the plug-in, inside their transactions ---

    /** The team, if the caller manages its region or is a member; else 404/403. */
    static TeamEntity visibleTeam(EntityManager em, Caller caller, String teamId) {
        TeamEntity team = teamId == null ? null : em.find(TeamEntity.class, teamId);
        if (team == null) {
            throw ProblemException.notFound("No patrol team " + teamId + " in your area.");
        }
        PatrolAccess.requireVisible(caller, team.regionCode, membership(em, team.id, caller.userId()).isPresent(),
                "patrol team " + teamId);
        return team;
    }

    /** The team, if the caller manages its region; else 404 outside it, 403 without the role. */
    static TeamEntity managedTeam(EntityManager em, Caller caller, String teamId) {
        TeamEntity team = teamId == null ? null : em.find(TeamEntity.class, teamId);
        if (team == null || !caller.reaches(team.regionCode)) {
            throw ProblemException.notFound("No patrol team " + teamId + " in your area.");
        }
        PatrolAccess.requireManagerRole(caller);
        return team;
    }

    static Optional<MemberEntity> membership(EntityManager em, String teamId, String userId) {
        return em.createQuery("select m from MemberEntity m where m.teamId = :t and m.userId = :u", MemberEntity.class)
                .setParameter("t", teamId).setParameter("u", userId).getResultStream().findFirst();
    }

    static List<CheckpointEntity> checkpoints(EntityManager em, String routeId) {
        return em.createQuery("select c from CheckpointEntity c where c.routeId = :r order by c.seq", CheckpointEntity.class)
                .setParameter("r", routeId).getResultList();
    }

    private List<Member> members(EntityManager em, String teamId) {
        return em.createQuery("select m from MemberEntity m where m.teamId = :t order by m.joinedAt, m.userId",
                MemberEntity.class).setParameter("t", teamId).getResultList().stream().map(this::toMember).toList();
    }

    private List<Route> routes(EntityManager em, String teamId) {
        return em.createQuery("select r from RouteEntity r where r.teamId = :t order by r.createdAt, r.name",
                RouteEntity.class).setParameter("t", teamId).getResultList().stream().map(r -> toRoute(em, r)).toList();
    }

    private Route toRoute(EntityManager em, RouteEntity route) {
        return new Route(route.id, route.teamId, route.regionCode, regionName(route.regionCode), route.name,
                checkpoints(em, route.id).stream().map(CheckpointEntity::toCheckpoint).toList());
    }

    private Team toTeam(TeamEntity team, List<Member> members, List<Route> routes) {
        return new Team(team.id, team.regionCode, regionName(team.regionCode), team.name,
                PlatformFacilities.offset(team.createdAt), members, routes);
    }

    Member toMember(MemberEntity m) {
        return new Member(m.id, m.teamId, m.userId, m.name, MemberKind.valueOf(m.kind), platform.maskedPhone(m.phoneSealed),
                PlatformFacilities.offset(m.joinedAt));
    }

    private Region region(String code, String field) {
        if (code == null || code.isBlank()) {
            throw ProblemException.badRequest(field + " is required: a division code.");
        }
        return regions.find(code.strip()).orElseThrow(() -> ProblemException.badRequest(
                field + " " + code + " is not a region of this platform."));
    }

    private String regionName(String code) {
        return regions.find(code).map(Region::name).orElse(null);
    }
}
