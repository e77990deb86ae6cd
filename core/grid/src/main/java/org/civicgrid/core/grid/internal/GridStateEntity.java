package org.civicgrid.core.grid.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * The one row of {@code cg_grid_state}: a counter every grid write bumps in its own transaction. Nodes compare it
 * with the revision of their point index; locking it also makes concurrent imports take turns.
 */
@Entity
@Table(name = "cg_grid_state")
public class GridStateEntity {

    static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "revision", nullable = false)
    private long revision;

    protected GridStateEntity() {
    }

    long revision() {
        return revision;
    }

    long next() {
        return ++revision;
    }
}
