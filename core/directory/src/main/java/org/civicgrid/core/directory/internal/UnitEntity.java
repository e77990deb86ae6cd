package org.civicgrid.core.directory.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.civicgrid.core.api.directory.Unit;
import org.civicgrid.core.api.directory.UnitKind;

/** A row of {@code cg_unit}. */
@Entity
@Table(name = "cg_unit")
public class UnitEntity {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "kind", nullable = false, length = 32)
    private String kind;

    @Column(name = "region_code", nullable = false, length = 12)
    private String regionCode;

    protected UnitEntity() {
    }

    UnitEntity(Unit unit) {
        this.id = unit.id();
        this.name = unit.name();
        this.kind = unit.kind().name();
        this.regionCode = unit.regionCode();
    }

    Unit toUnit() {
        return new Unit(id, name, UnitKind.valueOf(kind), regionCode);
    }
}
