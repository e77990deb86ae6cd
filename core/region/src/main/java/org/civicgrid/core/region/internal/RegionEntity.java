package org.civicgrid.core.region.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;

/** A row of {@code cg_region}. */
@Entity
@Table(name = "cg_region")
public class RegionEntity {

    @Id
    @Column(name = "code", length = 12)
    private String code;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "level", nullable = false, length = 16)
    private String level;

    @Column(name = "parent_code", length = 12)
    private String parentCode;

    protected RegionEntity() {
    }

    RegionEntity(Region region) {
        this.code = region.code();
        this.name = region.name();
        this.level = region.level().name();
        this.parentCode = region.parentCode();
    }

    Region toRegion() {
        return new Region(code, name, RegionLevel.valueOf(level), parentCode);
    }
}
