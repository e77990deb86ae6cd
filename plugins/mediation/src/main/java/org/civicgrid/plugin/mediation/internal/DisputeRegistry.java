package org.civicgrid.plugin.mediation.internal;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;
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

/** The studio's register of disputes, in {@code med_dispute}. */
@Component(service = DisputeRegistry.class, immediate = true)
public class DisputeRegistry {

    static final String SCHEMA = "(" + SchemaReady.OWNER + "=org.civicgrid.plugin.mediation)";
    static final int SUMMARY_MAX = 2000;
    static final int LIST_MAX = 200;
    private static final BigDecimal AMOUNT_MAX = new BigDecimal("999999999999.99");

    private static final Logger LOG = LoggerFactory.getLogger(DisputeRegistry.class);

    private final JpaTemplate jpa;
    private final RegionService regions;

    @Activate
    public DisputeRegistry(@Reference(target = SCHEMA) SchemaReady schema,
                           @Reference(target = "(osgi.unit.name=civicgrid-mediation)") JpaTemplate jpa,
                           @Reference RegionService regions) {
        this.jpa = jpa;
        this.regions = regions;
    }

    /** Who works the studio's window and registers: mediators, command centres, grid staff, administrators. */
    static final Set<Role> STUDIO_ROLES = EnumSet.of(Role.MEDIATOR, Role.COMMAND_OPERATOR, Role.GRID_WORKER,
            Role.GRID_LEADER, Role.COUNTY_ADMIN, Role.CITY_ADMIN);

    /** Takes a dispute in; refuses it whole, with the reason, if anything in it is wrong. */
    public Dispute receive(Caller caller, DisputeIntake intake) {
        requireStudioRole(caller);
        Region region = validate(intake);
        if (!caller.reaches(region.code())) {
            throw new ProblemException(403, "Forbidden", "Region " + region.code() + " is outside your area.");
        }
        String id = UUID.randomUUID().toString();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        DisputeEntity entity = new DisputeEntity(id, normalised(intake), DisputeStatus.RECEIVED, now);
        jpa.tx(TransactionType.Required, em -> em.persist(entity));
        LOG.info("Dispute {} ({}) received in {}", id, intake.type(), region.code());
        return entity.toDispute(region.name());
    }

    /** A dispute, if it lies in the caller's area (one outside it is as good as missing). */
    public Optional<Dispute> find(Caller caller, String id) {
        requireStudioRole(caller);
        DisputeEntity entity = jpa.txExpr(TransactionType.Supports, em -> em.find(DisputeEntity.class, id));
        return Optional.ofNullable(entity).filter(e -> caller.reaches(e.regionCode()))
                .map(e -> e.toDispute(regionName(e.regionCode())));
    }

    /** The newest disputes of a region and everything under it. */
    public List<Dispute> list(Caller caller, String regionCode, int limit) {
        requireStudioRole(caller);
        if (!caller.reaches(regionCode)) {
            throw new ProblemException(403, "Forbidden", "Region " + regionCode + " is outside your area.");
        }
        if (regions.find(regionCode).isEmpty()) {
            throw new ProblemException(404, "Unknown region", "No region with code " + regionCode + " is loaded.");
        }
        if (limit < 1 || limit > LIST_MAX) {
            throw ProblemException.badRequest("limit must be between 1 and " + LIST_MAX + ", not " + limit);
        }
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select d from DisputeEntity d where d.regionCode like :prefix "
                        + "order by d.receivedAt desc, d.id", DisputeEntity.class)
                .setParameter("prefix", regionCode + "%")
                .setMaxResults(limit)
                .getResultList()
                .stream().map(e -> e.toDispute(regionName(e.regionCode()))).toList());
    }

    private static void requireStudioRole(Caller caller) {
        if (caller.roles().stream().noneMatch(STUDIO_ROLES::contains)) {
            throw new ProblemException(403, "Forbidden", "The mediation studio is open to " + STUDIO_ROLES + ".");
        }
    }

    private Region validate(DisputeIntake intake) {
        if (intake == null) {
            throw ProblemException.badRequest("Send the dispute as a JSON object with regionCode, type and summary.");
        }
        if (intake.regionCode() == null || intake.regionCode().isBlank()) {
            throw ProblemException.badRequest("regionCode is required: the county, township or village where it arose.");
        }
        Region region = regions.find(intake.regionCode().trim()).orElseThrow(() -> ProblemException.badRequest(
                "regionCode " + intake.regionCode() + " is not a region of this platform."));
        if (region.level() == RegionLevel.PROVINCE || region.level() == RegionLevel.CITY) {
            throw ProblemException.badRequest("A dispute belongs to a county, township or village/community, not to "
                    + region.name() + " (" + region.level().name().toLowerCase() + ").");
        }
        if (intake.type() == null) {
            throw ProblemException.badRequest("type is required, one of " + List.of(DisputeType.values()) + ".");
        }
        if (intake.summary() == null || intake.summary().isBlank()) {
            throw ProblemException.badRequest("summary is required: what the parties disagree about.");
        }
        if (intake.summary().length() > SUMMARY_MAX) {
            throw ProblemException.badRequest("summary has " + intake.summary().length() + " characters; at most "
                    + SUMMARY_MAX + " are kept.");
        }
        BigDecimal amount = intake.amountInDispute();
        if (amount != null && (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(AMOUNT_MAX) > 0)) {
            throw ProblemException.badRequest("amountInDispute is in yuan: not negative, at most two decimals, below "
                    + AMOUNT_MAX + ".");
        }
        return region;
    }

    private static DisputeIntake normalised(DisputeIntake intake) {
        return new DisputeIntake(intake.regionCode().trim(), intake.type(), intake.summary().strip(),
                intake.amountInDispute());
    }

    private String regionName(String code) {
        return regions.find(code).map(Region::name).orElse(null);
    }
}
