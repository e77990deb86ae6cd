package org.civicgrid.core.region.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.persistence.SchemaMigrator;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.civicgrid.core.api.region.RegionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The region tree in {@code cg_region}; loads the configured city's divisions the first time it starts. */
@Component(service = RegionService.class, immediate = true,
        configurationPid = RegionConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RegionConfiguration.class)
public class JpaRegionService implements RegionService {

    static final String OWNER = "org.civicgrid.core.region";
    static final String CHANGELOG = "db/changelog/org.civicgrid.core.region.xml";

    private static final Logger LOG = LoggerFactory.getLogger(JpaRegionService.class);

    private final JpaTemplate jpa;

    @Activate
    public JpaRegionService(@Reference SchemaMigrator migrator,
                            @Reference(target = "(osgi.unit.name=civicgrid-region)") JpaTemplate jpa,
                            RegionConfiguration configuration) {
        this.jpa = jpa;
        migrator.migrate(OWNER, JpaRegionService.class.getClassLoader(), CHANGELOG);
        loadOnce(configuration.city().trim());
    }

    @Override
    public Optional<Region> find(String code) {
        if (!isCode(code)) {
            return Optional.empty();
        }
        return Optional.ofNullable(jpa.txExpr(TransactionType.Supports, em -> em.find(RegionEntity.class, code)))
                .map(RegionEntity::toRegion);
    }

    @Override
    public List<Region> children(String code) {
        if (!isCode(code)) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select r from RegionEntity r where r.parentCode = :code order by r.code", RegionEntity.class)
                .setParameter("code", code)
                .getResultList()
                .stream().map(RegionEntity::toRegion).toList());
    }

    @Override
    public long count() {
        return jpa.txExpr(TransactionType.Supports,
                em -> em.createQuery("select count(r) from RegionEntity r", Long.class).getSingleResult());
    }

    /** Loads the city's divisions in one transaction, unless an earlier start already did. */
    private void loadOnce(String cityCode) {
        boolean loaded = jpa.txExpr(TransactionType.Required, em -> em.find(RegionLoadEntity.class, cityCode) != null);
        if (loaded) {
            LOG.info("Divisions of city {} already loaded", cityCode);
            return;
        }
        long started = System.nanoTime();
        List<Region> regions = DivisionCatalog.city(cityCode);
        if (regions.isEmpty()) {
            LOG.warn("City code {} is not in the shipped division codes; no regions loaded. Check etc/{}.cfg",
                    cityCode, RegionConfiguration.PID);
            return;
        }
        jpa.tx(TransactionType.Required, em -> {
            for (Region region : regions) {
                if (em.find(RegionEntity.class, region.code()) == null) {
                    em.persist(new RegionEntity(region));
                }
            }
            em.persist(new RegionLoadEntity(cityCode, regions.size(), DivisionCatalog.SOURCE, LocalDateTime.now(ZoneOffset.UTC)));
        });
        LOG.info("Loaded {} divisions of city {} in {} ms", regions.size(), cityCode,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static boolean isCode(String code) {
        try {
            RegionLevel.ofCode(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
