package org.civicgrid.plugin.mediation.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code med_session}; attendees one per line. */
@Entity
@Table(name = "med_session")
public class SessionEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "dispute_id", nullable = false, length = 36)
    private String disputeId;

    @Column(name = "held_at", nullable = false)
    private LocalDateTime heldAt;

    @Column(name = "place", nullable = false, length = 200)
    private String place;

    @Column(name = "attendees", nullable = false, length = 1000)
    private String attendees;

    @Column(name = "record", nullable = false, length = 4000)
    private String record;

    @Column(name = "recorded_by", nullable = false, length = 64)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private LocalDateTime recordedAt;

    protected SessionEntity() {
    }

    SessionEntity(String id, String disputeId, SessionInput input, String recordedBy, LocalDateTime recordedAt) {
        this.id = id;
        this.disputeId = disputeId;
        this.heldAt = input.heldAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        this.place = input.place();
        this.attendees = String.join("\n", input.attendees());
        this.record = input.record();
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    Session toSession() {
        return new Session(id, heldAt.atOffset(ZoneOffset.UTC), place,
                Arrays.asList(attendees.split("\n")), record, recordedBy);
    }
}
