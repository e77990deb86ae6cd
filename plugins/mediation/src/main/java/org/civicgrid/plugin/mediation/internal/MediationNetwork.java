package org.civicgrid.plugin.mediation.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.DirectoryService;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.directory.User;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ProblemException;
import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.AuditTrail;
import org.civicgrid.core.api.time.PlatformClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The mediation network: organisations (village, township and county committees, a court's studio, industry
 * committees) and the mediators registered to them; who a dispute goes to by its type and place.
 */
@Component(service = MediationNetwork.class, immediate = true)
public class MediationNetwork {

    static final Set<Role> ADMINS = EnumSet.of(Role.COUNTY_ADMIN, Role.CITY_ADMIN);
    /** Disputes a mediator has that are still being worked on, for spreading the load. */
    private static final List<String> OPEN = List.of(DisputeStatus.ASSIGNED.name(), DisputeStatus.IN_MEDIATION.name());

    private final JpaTemplate jpa;
    private final RegionService regions;
    private final DirectoryService directory;
    private final PlatformClock clock;
    private final AuditTrail audit;

    @Activate
    public MediationNetwork(@Reference(target = DisputeRegistry.SCHEMA) SchemaReady schema,
                            @Reference(target = "(osgi.unit.name=civicgrid-mediation)") JpaTemplate jpa,
                            @Reference RegionService regions,
                            @Reference DirectoryService directory,
                            @Reference PlatformClock clock,
                            @Reference AuditTrail audit) {
        this.jpa = jpa;
        this.regions = regions;
        this.directory = directory;
        this.clock = clock;
        this.audit = audit;
    }

    /** Registers an organisation; county and city administrators only, inside their area. */
    public Organisation createOrganisation(Caller caller, Organisation input) {
        requireAdmin(caller);
        if (input == null || input.name() == null || input.name().isBlank() || input.name().strip().length() > 100) {
            throw ProblemException.badRequest("name is required, at most 100 characters.");
        }
        if (input.kind() == null) {
            throw ProblemException.badRequest("kind is required, one of " + List.of(Organisation.Kind.values()) + ".");
        }
        String code = input.regionCode() == null ? "" : input.regionCode().trim();
        Region region = regions.find(code).orElseThrow(() -> ProblemException.badRequest(
                "regionCode " + input.regionCode() + " is not a region of this platform."));
        if (region.level() == RegionLevel.PROVINCE) {
            throw ProblemException.badRequest("A mediation organisation serves a city, county, township or village.");
        }
        if (!caller.reaches(code)) {
            throw new ProblemException(403, "Forbidden", "Region " + code + " is outside your area.");
        }
        OrganisationEntity entity = new OrganisationEntity(UUID.randomUUID().toString(), input.name().strip(),
                input.kind(), code, input.types(), now());
        jpa.tx(TransactionType.Required, em -> em.persist(entity));
        audit.record(AuditEntry.ok(caller.userId(), "mediation.organisation.create", "mediation-organisation",
                entity.id(), code, entity.name()));
        return entity.toOrganisation();
    }

    /** The organisations serving a region or anything under it. */
    public List<Organisation> organisations(Caller caller, String regionCode) {
        requireArea(caller, regionCode);
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select o from OrganisationEntity o where o.regionCode like :p order by o.regionCode, o.name",
                        OrganisationEntity.class)
                .setParameter("p", regionCode + "%").getResultList().stream()
                .map(OrganisationEntity::toOrganisation).toList());
    }

    /** An organisation, if within the caller's area. */
    public Optional<Organisation> organisation(Caller caller, String id) {
        return Optional.ofNullable(jpa.txExpr(TransactionType.Supports, em -> em.find(OrganisationEntity.class, id)))
                .filter(o -> caller.reaches(o.regionCode())).map(OrganisationEntity::toOrganisation);
    }

    /**
     * Registers a platform user holding role MEDIATOR to an organisation (moving them if registered elsewhere);
     * administrators only, for a user and an organisation within their area.
     */
    public Mediator registerMediator(Caller caller, String organisationId, String userId) {
        requireAdmin(caller);
        Organisation organisation = organisation(caller, organisationId).orElseThrow(() ->
                ProblemException.notFound("No mediation organisation " + organisationId + " in your area."));
        if (userId == null || userId.isBlank()) {
            throw ProblemException.badRequest("userId is required: the login name of a user with role MEDIATOR.");
        }
        User user = directory.user(caller, userId.trim()).orElseThrow(() -> ProblemException.badRequest(
                "No user " + userId + " in your area."));
        if (!user.roles().contains(Role.MEDIATOR)) {
            throw ProblemException.badRequest("User " + user.id() + " does not hold role MEDIATOR.");
        }
        if (!user.enabled()) {
            throw ProblemException.badRequest("User " + user.id() + " is disabled.");
        }
        String name = user.name() == null || user.name().isBlank() ? user.id() : user.name();
        Mediator mediator = jpa.txExpr(TransactionType.Required, em -> {
            MediatorEntity existing = em.find(MediatorEntity.class, user.id());
            if (existing != null) {
                existing.organisationId(organisation.id());
                return existing.toMediator();
            }
            MediatorEntity entity = new MediatorEntity(user.id(), organisation.id(), name, user.regionCode(), now());
            em.persist(entity);
            return entity.toMediator();
        });
        audit.record(AuditEntry.ok(caller.userId(), "mediation.mediator.register", "mediation-organisation",
                organisation.id(), organisation.regionCode(), "mediator " + user.id()));
        return mediator;
    }

    /** The mediators of an organisation within the caller's area. */
    public List<Mediator> mediators(Caller caller, String organisationId) {
        organisation(caller, organisationId).orElseThrow(() ->
                ProblemException.notFound("No mediation organisation " + organisationId + " in your area."));
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select m from MediatorEntity m where m.organisationId = :o order by m.userId",
                        MediatorEntity.class)
                .setParameter("o", organisationId).getResultList().stream().map(MediatorEntity::toMediator).toList());
    }

    /** A registered mediator. */
    Optional<Mediator> mediator(String userId) {
        return Optional.ofNullable(jpa.txExpr(TransactionType.Supports, em -> em.find(MediatorEntity.class, userId)))
                .map(MediatorEntity::toMediator);
    }

    /** The organisation's name, or {@code null}. */
    String organisationName(String id) {
        if (id == null) {
            return null;
        }
        OrganisationEntity o = jpa.txExpr(TransactionType.Supports, em -> em.find(OrganisationEntity.class, id));
        return o == null ? null : o.name();
    }

    /**
     * Who a dispute goes to: among organisations serving its place that take its type, the one serving the
     * smallest area wins, one that names the type beats one that takes every type, and a court's studio wins for
     * a dispute a court sent; within it, the mediator with the fewest disputes in hand (then by id).
     */
    Optional<Mediator> choose(String regionCode, DisputeType type, DisputeSource source) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<OrganisationEntity> candidates = em.createQuery(
                            "select o from OrganisationEntity o where o.regionCode in :places", OrganisationEntity.class)
                    .setParameter("places", places(regionCode)).getResultList().stream()
                    .filter(o -> o.types().isEmpty() || o.types().contains(type))
                    .sorted(Comparator.comparingInt((OrganisationEntity o) -> fit(o, type, source)).reversed()
                            .thenComparing(OrganisationEntity::id))
                    .toList();
            for (OrganisationEntity organisation : candidates) {
                List<MediatorEntity> mediators = em.createQuery(
                                "select m from MediatorEntity m where m.organisationId = :o order by m.userId",
                                MediatorEntity.class)
                        .setParameter("o", organisation.id()).getResultList();
                if (mediators.isEmpty()) {
                    continue;
                }
                Map<String, Long> load = em.createQuery("select d.mediatorId, count(d) from DisputeEntity d "
                                + "where d.status in :open and d.mediatorId is not null group by d.mediatorId", Object[].class)
                        .setParameter("open", OPEN).getResultList().stream()
                        .collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
                return mediators.stream()
                        .min(Comparator.comparingLong((MediatorEntity m) -> load.getOrDefault(m.userId(), 0L))
                                .thenComparing(MediatorEntity::userId))
                        .map(MediatorEntity::toMediator);
            }
            return Optional.<Mediator>empty();
        });
    }

    /** The region and every region above it, by division code (2, 4, 6, 9 and 12 digits). */
    static List<String> places(String regionCode) {
        return java.util.stream.IntStream.of(2, 4, 6, 9, 12).filter(n -> n <= regionCode.length())
                .mapToObj(n -> regionCode.substring(0, n)).toList();
    }

    static int fit(OrganisationEntity o, DisputeType type, DisputeSource source) {
        int score = o.regionCode().length() * 10;
        if (o.types().contains(type)) {
            score += 5;
        }
        if (source == DisputeSource.COURT && o.kind() == Organisation.Kind.COURT_STUDIO) {
            score += 1000;
        }
        return score;
    }

    private void requireArea(Caller caller, String regionCode) {
        if (caller.roles().stream().noneMatch(DisputeRegistry.STUDIO_ROLES::contains)) {
            throw new ProblemException(403, "Forbidden", "The mediation studio is open to " + DisputeRegistry.STUDIO_ROLES + ".");
        }
        if (regionCode == null || regionCode.isBlank()) {
            throw ProblemException.badRequest("Name the region: ?region=<division code>.");
        }
        if (!caller.reaches(regionCode)) {
            throw new ProblemException(403, "Forbidden", "Region " + regionCode + " is outside your area.");
        }
    }

    private static void requireAdmin(Caller caller) {
        if (caller.roles().stream().noneMatch(ADMINS::contains)) {
            throw new ProblemException(403, "Forbidden", "Mediation organisations and mediators are registered by "
                    + "a county or city administrator.");
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
