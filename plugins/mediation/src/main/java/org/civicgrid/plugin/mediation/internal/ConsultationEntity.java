package org.civicgrid.plugin.mediation.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code med_consultation}; participants one per line, fields tab-separated. */
@Entity
@Table(name = "med_consultation")
public class ConsultationEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "dispute_id", nullable = false, length = 36)
    private String disputeId;

    @Column(name = "held_at", nullable = false)
    private LocalDateTime heldAt;

    @Column(name = "place", nullable = false, length = 200)
    private String place;

    @Column(name = "participants", nullable = false, length = 4000)
    private String participants;

    @Column(name = "conclusions", nullable = false, length = 4000)
    private String conclusions;

    @Column(name = "recorded_by", nullable = false, length = 64)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private LocalDateTime recordedAt;

    protected ConsultationEntity() {
    }

    ConsultationEntity(String id, String disputeId, ConsultationInput input, String recordedBy,
                       LocalDateTime recordedAt) {
        this.id = id;
        this.disputeId = disputeId;
        this.heldAt = input.heldAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        this.place = input.place();
        this.participants = input.participants().stream()
                .map(p -> p.kind().name() + "\t" + p.organisation() + "\t" + (p.person() == null ? "" : p.person()))
                .collect(Collectors.joining("\n"));
        this.conclusions = input.conclusions();
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    static int storedLength(List<ConsultationInput.Participant> participants) {
        return participants.stream().mapToInt(p -> p.kind().name().length() + 2 + p.organisation().length()
                + (p.person() == null ? 0 : p.person().length()) + 1).sum();
    }

    Consultation toConsultation() {
        List<ConsultationInput.Participant> list = Arrays.stream(participants.split("\n")).map(line -> {
            String[] f = line.split("\t", -1);
            return new ConsultationInput.Participant(ConsultationInput.Kind.valueOf(f[0]), f[1],
                    f[2].isEmpty() ? null : f[2]);
        }).toList();
        return new Consultation(id, heldAt.atOffset(ZoneOffset.UTC), place, list, conclusions, recordedBy);
    }
}
