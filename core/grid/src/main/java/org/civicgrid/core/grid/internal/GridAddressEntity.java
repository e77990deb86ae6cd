package org.civicgrid.core.grid.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code cg_grid_address}: one entry of the standard address library. */
@Entity
@Table(name = "cg_grid_address")
public class GridAddressEntity {

    @Id
    @Column(name = "address", length = StandardAddress.MAX_LENGTH)
    private String address;

    @Column(name = "original", nullable = false, length = 500)
    private String original;

    @Column(name = "grid_code", nullable = false, length = 15)
    private String gridCode;

    @Column(name = "changed_at", nullable = false)
    private LocalDateTime changedAt;

    protected GridAddressEntity() {
    }

    GridAddressEntity(String address) {
        this.address = address;
    }

    void update(String original, String gridCode, LocalDateTime changedAt) {
        this.original = original;
        this.gridCode = gridCode;
        this.changedAt = changedAt;
    }

    String address() {
        return address;
    }

    String gridCode() {
        return gridCode;
    }
}
