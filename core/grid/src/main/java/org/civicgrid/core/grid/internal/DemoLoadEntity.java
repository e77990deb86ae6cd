package org.civicgrid.core.grid.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code cg_grid_demo_load}: demo grids were generated for a city, so they are generated only once. */
@Entity
@Table(name = "cg_grid_demo_load")
public class DemoLoadEntity {

    @Id
    @Column(name = "city_code", length = 4)
    private String cityCode;

    @Column(name = "grids", nullable = false)
    private int grids;

    @Column(name = "generated_at", nullable = false)
    private LocalDateTime generatedAt;

    protected DemoLoadEntity() {
    }

    DemoLoadEntity(String cityCode, int grids, LocalDateTime generatedAt) {
        this.cityCode = cityCode;
        this.grids = grids;
        this.generatedAt = generatedAt;
    }
}
