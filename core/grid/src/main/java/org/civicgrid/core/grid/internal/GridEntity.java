package org.civicgrid.core.grid.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/** A row of {@code cg_grid}. */
@Entity
@Table(name = "cg_grid")
public class GridEntity {

    @Id
    @Column(name = "code", length = 15)
    private String code;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "village_code", nullable = false, length = 12)
    private String villageCode;

    @Lob
    @Column(name = "geometry", nullable = false)
    private String geometry;

    @Column(name = "leader", length = 64)
    private String leader;

    @Column(name = "demo", nullable = false)
    private boolean demo;

    @Column(name = "revision", nullable = false)
    private long revision;

    @Column(name = "changed_at", nullable = false)
    private LocalDateTime changedAt;

    protected GridEntity() {
    }

    GridEntity(String code) {
        this.code = code;
    }

    void update(GridDraft draft, boolean demo, long revision, LocalDateTime changedAt) {
        this.name = draft.name();
        this.villageCode = draft.villageCode();
        this.geometry = draft.geoJson();
        this.demo = demo;
        this.revision = revision;
        this.changedAt = changedAt;
    }

    void leader(String leader) {
        this.leader = leader;
    }

    StoredGrid toStored(java.util.List<String> workers) {
        return new StoredGrid(code, name, villageCode, geometry, workers, leader, demo, revision);
    }

    String code() {
        return code;
    }
}
