package org.civicgrid.core.region.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.civicgrid.core.api.region.RegionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The region tree in {@code cg_region}, held in memory: every report and every check of a caller's region looks a
 * region up, and divisions change only when {@link DivisionLoader} loads a city. The tree is read on first use and
 * again after each load; a code it lacks is looked for in the database (another node may have loaded a city since),
 * and if found there the tree is read again.
 */
@Component(service = {RegionService.class, JpaRegionService.class}, immediate = true)
public class JpaRegionService implements RegionService {

    static final String SCHEMA = "(" + SchemaReady.OWNER + "=org.civicgrid.core.region)";

    private static final Logger LOG = LoggerFactory.getLogger(JpaRegionService.class);

    private final JpaTemplate jpa;
    private volatile Tree tree;
    /** Counts {@link #reload}s, so that a tree read while divisions were being loaded is not kept. */
    private volatile long generation;

    /** The whole tree: each region by code, and each region's children ordered by code. */
    private record Tree(Map<String, Region> byCode, Map<String, List<Region>> children) {

        static Tree of(List<Region> regions) {
            Map<String, Region> byCode = new HashMap<>();
            Map<String, List<Region>> children = new HashMap<>();
            for (Region region : regions) {
                byCode.put(region.code(), region);
                if (region.parentCode() != null) {
                    children.computeIfAbsent(region.parentCode(), k -> new ArrayList<>()).add(region);
                }
            }
            children.replaceAll((parent, list) -> List.copyOf(list));
            return new Tree(Map.copyOf(byCode), Map.copyOf(children));
        }
    }

    @Activate
    public JpaRegionService(@Reference(target = SCHEMA) SchemaReady schema,
                            @Reference(target = "(osgi.unit.name=civicgrid-region)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    JpaRegionService(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    /** Forgets the tree in memory, to be read again at the next lookup: divisions were loaded. */
    void reload() {
        synchronized (this) {
            generation++;
            tree = null;
        }
    }

    private Tree tree() {
        Tree current = tree;
        if (current != null) {
            return current;
        }
        long seen = generation;
        current = Tree.of(jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select r from RegionEntity r order by r.code", RegionEntity.class)
                .getResultList().stream().map(RegionEntity::toRegion).toList()));
        synchronized (this) {
            if (generation == seen) {
                tree = current;
            }
        }
        LOG.debug("Read {} regions into memory", current.byCode().size());
        return current;
    }

    @Override
    public Optional<Region> find(String code) {
        if (!isCode(code)) {
            return Optional.empty();
        }
        Region region = tree().byCode().get(code);
        if (region != null) {
            return Optional.of(region);
        }
        Optional<Region> stored = Optional.ofNullable(jpa.txExpr(TransactionType.Supports,
                em -> em.find(RegionEntity.class, code))).map(RegionEntity::toRegion);
        if (stored.isPresent()) {
            LOG.info("Region {} was loaded after this node read the divisions; reading them again", code);
            reload();
        }
        return stored;
    }

    @Override
    public List<Region> children(String code) {
        if (!isCode(code)) {
            return List.of();
        }
        Tree current = tree();
        if (!current.byCode().containsKey(code) && find(code).isEmpty()) {
            return List.of();
        }
        return tree().children().getOrDefault(code, List.of());
    }

    @Override
    public long count() {
        return jpa.txExpr(TransactionType.Supports,
                em -> em.createQuery("select count(r) from RegionEntity r", Long.class).getSingleResult());
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
