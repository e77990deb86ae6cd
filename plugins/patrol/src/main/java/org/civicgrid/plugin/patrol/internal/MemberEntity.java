package org.civicgrid.plugin.patrol.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code pat_member}: a platform user registered as a member of a team; the phone number only sealed. */
@Entity
@Table(name = "pat_member")
public class MemberEntity {

    @Id @Column(name = "id", length = 36) String id;
    @Column(name = "team_id", nullable = false, length = 36) String teamId;
    @Column(name = "user_id", nullable = false, length = 64) String userId;
    @Column(name = "name", nullable = false, length = 100) String name;
    @Column(name = "kind", nullable = false, length = 24) String kind;
    @Column(name = "phone_sealed", length = 300) String phoneSealed;
    @Column(name = "joined_at", nullable = false) LocalDateTime joinedAt;

    MemberEntity(String id, String teamId, String userId, String name, MemberKind kind, String phoneSealed,
                 LocalDateTime joinedAt) {
        this.id = id;
        this.teamId = teamId;
        this.userId = userId;
        this.name = name;
        this.kind = kind.name();
        this.phoneSealed = phoneSealed;
        this.joinedAt = joinedAt;
    }

    protected MemberEntity() {
    }
}
