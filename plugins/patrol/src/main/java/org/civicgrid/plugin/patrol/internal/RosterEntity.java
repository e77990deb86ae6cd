package org.civicgrid.plugin.patrol.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code pat_roster}: a member on the roster of a shift. */
@Entity
@Table(name = "pat_roster")
public class RosterEntity {

    @Id @Column(name = "id", length = 36) String id;
    @Column(name = "shift_id", nullable = false, length = 36) String shiftId;
    @Column(name = "member_id", nullable = false, length = 36) String memberId;

    RosterEntity(String id, String shiftId, String memberId) {
        this.id = id;
        this.shiftId = shiftId;
        this.memberId = memberId;
    }

    protected RosterEntity() {
    }
}
