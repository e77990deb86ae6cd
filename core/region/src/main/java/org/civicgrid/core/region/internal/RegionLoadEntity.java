package org.civicgrid.core.region.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code cg_region_load}: a city whose divisions were loaded, so they are loaded only once. */
@Entity
@Table(name = "cg_region_load")
public class RegionLoadEntity {

    @Id
    @Column(name = "city_code", length = 4)
    private String cityCode;

    @Column(name = "regions", nullable = false)
    private int regions;

    @Column(name = "source", nullable = false, length = 200)
    private String source;

    @Column(name = "loaded_at", nullable = false)
    private LocalDateTime loadedAt;

    protected RegionLoadEntity() {
    }

    RegionLoadEntity(String cityCode, int regions, String source, LocalDateTime loadedAt) {
        this.cityCode = cityCode;
        this.regions = regions;
        this.source = source;
        this.loadedAt = loadedAt;
    }
}
