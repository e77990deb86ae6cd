package org.civicgrid.core.grid.internal;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.aries.jpa.template.JpaTemplate;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.region.RegionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates demo grids once, on first start, when enabled. It works on its own thread: the divisions it lays out
 * are loaded by another component at the same time, and their load (one transaction) is waited for, not raced.
 * Provides no service, so nobody waits on it.
 */
@Component(immediate = true, configurationPid = DemoConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DemoConfiguration.class)
public class DemoGridLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoGridLoader.class);
    private static final long WAIT_FOR_REGIONS_MS = TimeUnit.MINUTES.toMillis(10);

    private final ExecutorService worker;

    @Activate
    public DemoGridLoader(@Reference(target = GridRegistry.SCHEMA) SchemaReady schema,
                          @Reference(target = GridRegistry.UNIT) JpaTemplate jpa,
                          @Reference RegionService regions,
                          DemoConfiguration configuration) {
        if (!configuration.enabled()) {
            worker = null;
            LOG.info("Demo grids are disabled (etc/{}.cfg)", DemoConfiguration.PID);
            return;
        }
        List<DemoGridLayout.CountyCentre> counties = Arrays.stream(configuration.countyCentres())
                .map(DemoGridLayout.CountyCentre::parse).toList();
        worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "civicgrid-demo-grids"));
        worker.execute(() -> generateOnce(new JpaGridStore(jpa), regions, counties));
    }

    @Deactivate
    void stop() {
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    static void generateOnce(GridStore store, RegionService regions, List<DemoGridLayout.CountyCentre> counties) {
        if (counties.isEmpty()) {
            return;
        }
        String city = counties.get(0).code().substring(0, 4);
        try {
            if (store.demoGenerated(city)) {
                LOG.info("Demo grids of city {} already generated", city);
                return;
            }
            // The divisions are loaded in one transaction: once the first county is there, all of it is.
            long deadline = System.currentTimeMillis() + WAIT_FOR_REGIONS_MS;
            while (regions.find(counties.get(0).code()).isEmpty()) {
                if (System.currentTimeMillis() > deadline) {
                    LOG.warn("County {} is not in the region tree; no demo grids generated. Is the city in "
                            + "etc/org.civicgrid.region.cfg the one etc/{}.cfg lays out?", counties.get(0).code(),
                            DemoConfiguration.PID);
                    return;
                }
                Thread.sleep(1000);
            }
            long started = System.nanoTime();
            List<GridDraft> grids = new DemoGridLayout(regions).layout(counties);
            if (store.writeDemo(city, grids)) {
                LOG.info("Generated {} demo grids for city {} in {} ms", grids.size(), city,
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) {
                LOG.error("Generating demo grids for city {} failed; it is tried again on the next start", city, e);
            }
        }
    }
}
