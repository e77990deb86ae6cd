package org.civicgrid.core.region.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.region.Region;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the configured city's divisions into {@code cg_region} the first time the platform starts, in one
 * transaction, and records that it did so nothing is ever loaded twice. Provides no service: the platform's
 * health shows it ACTIVE once the load is done.
 */
@Component(immediate = true, configurationPid = RegionConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RegionConfiguration.class)
public class DivisionLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DivisionLoader.class);

    @Activate
    public DivisionLoader(@Reference(target = JpaRegionService.SCHEMA) SchemaReady schema,
                          @Reference(target = "(osgi.unit.name=civicgrid-region)") JpaTemplate jpa,
                          @Reference JpaRegionService regions,
                          RegionConfiguration configuration) {
        if (loadOnce(jpa, configuration.city().trim())) {
            regions.reload();
        }
    }

    /** @return whether divisions were loaded now */
    static boolean loadOnce(JpaTemplate jpa, String cityCode) {
        boolean loaded = jpa.txExpr(TransactionType.Required, em -> em.find(RegionLoadEntity.class, cityCode) != null);
        if (loaded) {
            LOG.info("Divisions of city {} already loaded", cityCode);
            return false;
        }
        long started = System.nanoTime();
        List<Region> regions = DivisionCatalog.city(cityCode);
        if (regions.isEmpty()) {
            LOG.warn("City code {} is not in the shipped division codes; no regions loaded. Check etc/{}.cfg",
                    cityCode, RegionConfiguration.PID);
            return false;
        }
        jpa.tx(TransactionType.Required, em -> {
            for (Region region : regions) {
                if (em.find(RegionEntity.class, region.code()) == null) {
                    em.persist(new RegionEntity(region));
                }
            }
            em.persist(new RegionLoadEntity(cityCode, regions.size(), DivisionCatalog.SOURCE,
                    LocalDateTime.now(ZoneOffset.UTC)));
        });
        LOG.info("Loaded {} divisions of city {} in {} ms", regions.size(), cityCode,
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }
}
