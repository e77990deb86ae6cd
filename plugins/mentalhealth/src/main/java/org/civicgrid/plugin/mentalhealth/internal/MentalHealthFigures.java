package org.civicgrid.plugin.mentalhealth.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Anonymised figures: how many people per tier and region, follow-ups overdue. Nothing sealed is opened and no
 * identity is read, so they are open to the staff who plan and supervise; small counts are hidden.
 */
@Component(service = MentalHealthFigures.class, immediate = true, configurationPid = MentalHealthConfiguration.PID)
public class MentalHealthFigures {

    static final String UNSCREENED = "UNSCREENED";

    private final JpaTemplate jpa;
    private final RegionService regions;
    private final PlatformClock clock;
    private volatile int threshold;

    @Activate
    public MentalHealthFigures(@Reference(target = CareRegister.SCHEMA) SchemaReady schema,
                               @Reference(target = CareRegister.UNIT) JpaTemplate jpa,
                               @Reference RegionService regions,
                               @Reference PlatformClock clock,
                               MentalHealthConfiguration config) {
        this.jpa = jpa;
        this.regions = regions;
        this.clock = clock;
        modified(config);
    }

    @Modified
    void modified(MentalHealthConfiguration config) {
        this.threshold = Math.max(1, config.smallCountThreshold());
    }

    /** The figures of a region (and per child region), of the whole register or of one campaign's screenings. */
    public Figures figures(Caller caller, String regionCode, String campaignId) {
        Access.require(caller, Access.FIGURES, "Mental-health figures");
        if (regionCode == null || regionCode.isBlank()) {
            throw ProblemException.badRequest("Name the region: ?region=<division code>.");
        }
        Region region = regions.find(regionCode.trim()).orElseThrow(() -> new ProblemException(404, "Unknown region",
                "No region with code " + regionCode.trim() + " is loaded."));
        Access.requireReach(caller, region.code());
        String prefix = region.code() + "%";
        // person id → (region, tier): the register, or each person's highest tier among the campaign's screenings
        Map<String, String[]> people = new HashMap<>();
        long overdue;
        if (campaignId == null || campaignId.isBlank()) {
            List<Object[]> rows = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                    "select p.id, p.regionCode, p.tier from PersonEntity p where p.regionCode like :prefix", Object[].class)
                    .setParameter("prefix", prefix).getResultList());
            rows.forEach(r -> people.put((String) r[0], new String[] {(String) r[1], r[2] == null ? UNSCREENED : (String) r[2]}));
            LocalDateTime now = LocalDateTime.ofInstant(clock.now(), ZoneOffset.UTC);
            overdue = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                    "select count(p) from PersonEntity p where p.regionCode like :prefix and p.nextFollowUpAt <= :now",
                    Long.class).setParameter("prefix", prefix).setParameter("now", now).getSingleResult());
        } else {
            CampaignEntity campaign = jpa.txExpr(TransactionType.Supports, em -> em.find(CampaignEntity.class, campaignId.trim()));
            if (campaign == null || !caller.reaches(campaign.regionCode())) {
                throw ProblemException.notFound("No campaign " + campaignId + " in your area.");
            }
            List<Object[]> rows = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                    "select s.personId, s.regionCode, s.tier from ScreeningEntity s "
                            + "where s.campaignId = :c and s.regionCode like :prefix", Object[].class)
                    .setParameter("c", campaign.id()).setParameter("prefix", prefix).getResultList());
            for (Object[] r : rows) {
                people.merge((String) r[0], new String[] {(String) r[1], (String) r[2]}, (a, b) ->
                        RiskTier.valueOf(a[1]).compareTo(RiskTier.valueOf(b[1])) >= 0 ? a : b);
            }
            overdue = 0;
        }
        Map<String, Long> byTier = tierCells();
        people.values().forEach(p -> byTier.merge(p[1], 1L, Long::sum));
        Map<String, Long> childPeople = new LinkedHashMap<>();
        Map<String, Map<String, Long>> childTiers = new LinkedHashMap<>();
        List<Region> children = regions.children(region.code());
        for (Region child : children) {
            childPeople.put(child.code(), 0L);
            childTiers.put(child.code(), tierCells());
        }
        for (String[] p : people.values()) {
            for (Region child : children) {
                if (p[0].startsWith(child.code())) {
                    childPeople.merge(child.code(), 1L, Long::sum);
                    childTiers.get(child.code()).merge(p[1], 1L, Long::sum);
                }
            }
        }
        Map<String, String> childPeopleShown = SmallCounts.breakdown(childPeople, threshold);
        Map<String, Figures.RegionFigures> byRegion = new LinkedHashMap<>();
        for (Region child : children) {
            byRegion.put(child.code(), new Figures.RegionFigures(child.name(), childPeopleShown.get(child.code()),
                    SmallCounts.breakdown(childTiers.get(child.code()), threshold)));
        }
        return new Figures(region.code(), region.name(), campaignId == null || campaignId.isBlank() ? null : campaignId.trim(),
                SmallCounts.shown(people.size(), threshold), SmallCounts.breakdown(byTier, threshold),
                SmallCounts.shown(overdue, threshold), byRegion, threshold);
    }

    private static Map<String, Long> tierCells() {
        Map<String, Long> cells = new LinkedHashMap<>();
        cells.put(UNSCREENED, 0L);
        for (RiskTier tier : RiskTier.values()) {
            cells.put(tier.name(), 0L);
        }
        return cells;
    }
}
