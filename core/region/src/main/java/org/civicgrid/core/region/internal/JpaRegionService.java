package org.civicgrid.core.region.internal;

import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.civicgrid.core.api.region.RegionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The region tree in {@code cg_region}. */
@Component(service = RegionService.class, immediate = true)
public class JpaRegionService implements RegionService {

    static final String SCHEMA = "(" + SchemaReady.OWNER + "=org.civicgrid.core.region)";

    private final JpaTemplate jpa;

    @Activate
    public JpaRegionService(@Reference(target = SCHEMA) SchemaReady schema,
                            @Reference(target = "(osgi.unit.name=civicgrid-region)") JpaTemplate jpa) {
        this.jpa = jpa;
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

    private static boolean isCode(String code) {
        try {
            RegionLevel.ofCode(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
