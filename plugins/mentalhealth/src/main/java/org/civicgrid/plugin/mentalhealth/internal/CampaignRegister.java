package org.civicgrid.plugin.mentalhealth.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.directory.Caller;
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

/** Screening campaigns (筛查活动) of a county or township: nothing personal, so staff who plan may read them. */
@Component(service = CampaignRegister.class, immediate = true)
public class CampaignRegister {

    static final int NAME_MAX = 200;

    private final JpaTemplate jpa;
    private final RegionService regions;
    private final AuditTrail audit;
    private final PlatformClock clock;

    @Activate
    public CampaignRegister(@Reference(target = CareRegister.SCHEMA) SchemaReady schema,
                            @Reference(target = CareRegister.UNIT) JpaTemplate jpa,
                            @Reference RegionService regions,
                            @Reference AuditTrail audit,
                            @Reference PlatformClock clock) {
        this.jpa = jpa;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Plans a campaign; refused whole, with the reason, if anything in it is wrong. */
    public Campaign create(Caller caller, CampaignIntake intake) {
        Access.require(caller, Access.CAMPAIGNS, "Planning a screening campaign");
        if (intake == null) {
            throw ProblemException.badRequest("Send the campaign as JSON with regionCode, name, instruments, startsOn and endsOn.");
        }
        Region region = Input.region(regions, intake.regionCode(), "regionCode");
        if (region.level() == RegionLevel.VILLAGE) {
            throw ProblemException.badRequest("A campaign covers a county or a township, not a single village.");
        }
        Access.requireReach(caller, region.code());
        String name = Input.text("name", intake.name(), NAME_MAX, true);
        if (intake.instruments() == null || intake.instruments().isEmpty()) {
            throw ProblemException.badRequest("instruments is required: one or more of "
                    + Instrument.ALL.stream().map(Instrument::code).toList() + ".");
        }
        List<String> instruments = new ArrayList<>();
        for (String code : intake.instruments()) {
            Instrument instrument = Instrument.byCode(code).orElseThrow(() -> ProblemException.badRequest(
                    "instruments: " + code + " is not one of " + Instrument.ALL.stream().map(Instrument::code).toList() + "."));
            if (!instruments.contains(instrument.code())) {
                instruments.add(instrument.code());
            }
        }
        if (intake.startsOn() == null || intake.endsOn() == null) {
            throw ProblemException.badRequest("startsOn and endsOn are required (yyyy-mm-dd).");
        }
        if (intake.endsOn().isBefore(intake.startsOn())) {
            throw ProblemException.badRequest("endsOn " + intake.endsOn() + " is before startsOn " + intake.startsOn() + ".");
        }
        String id = UUID.randomUUID().toString();
        LocalDateTime now = LocalDateTime.ofInstant(clock.now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        CampaignEntity entity = new CampaignEntity(id, region.code(), name, instruments, intake.startsOn(),
                intake.endsOn(), caller.userId(), now);
        jpa.tx(TransactionType.Required, em -> {
            em.persist(entity);
            // Constraint errors surface before the audit entry (its own transaction) is written.
            em.flush();
            audit.record(AuditEntry.ok(caller.userId(), "campaign.create", "mh_campaign", id, region.code(), null));
        });
        return entity.toCampaign(region.name());
    }

    /** A campaign of the caller's area. */
    public Optional<Campaign> find(Caller caller, String id) {
        Access.require(caller, Access.FIGURES, "Reading screening campaigns");
        CampaignEntity entity = jpa.txExpr(TransactionType.Supports, em -> em.find(CampaignEntity.class, id));
        return Optional.ofNullable(entity).filter(c -> caller.reaches(c.regionCode()))
                .map(c -> c.toCampaign(regionName(c.regionCode())));
    }

    /** The campaigns of a region and everything under it, newest first. */
    public List<Campaign> list(Caller caller, String regionCode) {
        Access.require(caller, Access.FIGURES, "Reading screening campaigns");
        if (regionCode == null || regionCode.isBlank()) {
            throw ProblemException.badRequest("Name the region: ?region=<division code>.");
        }
        Region region = regions.find(regionCode.trim()).orElseThrow(() -> new ProblemException(404, "Unknown region",
                "No region with code " + regionCode.trim() + " is loaded."));
        Access.requireReach(caller, region.code());
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select c from CampaignEntity c where c.regionCode like :prefix order by c.startsOn desc, c.id",
                        CampaignEntity.class).setParameter("prefix", region.code() + "%")
                .setMaxResults(CareRegister.LIST_MAX).getResultList())
                .stream().map(c -> c.toCampaign(regionName(c.regionCode()))).toList();
    }

    private String regionName(String code) {
        return regions.find(code).map(Region::name).orElse(null);
    }
}
