package org.civicgrid.core.grid.internal;

import java.io.Serializable;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** A row of {@code cg_grid_worker}: a grid worker assigned to a grid. */
@Entity
@Table(name = "cg_grid_worker")
@IdClass(GridWorkerEntity.Key.class)
public class GridWorkerEntity {

    @Id
    @Column(name = "grid_code", length = 15)
    private String gridCode;

    @Id
    @Column(name = "user_id", length = 64)
    private String userId;

    protected GridWorkerEntity() {
    }

    GridWorkerEntity(String gridCode, String userId) {
        this.gridCode = gridCode;
        this.userId = userId;
    }

    String gridCode() {
        return gridCode;
    }

    String userId() {
        return userId;
    }

    /** The composite key. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String gridCode;
        private String userId;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(gridCode, key.gridCode) && Objects.equals(userId, key.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(gridCode, userId);
        }
    }
}
