package org.civicgrid.plugin.mediation.internal;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A 三长会商 ("3+N") joint consultation on a hard dispute: the court, the police station and the judicial
 * office, with whoever else helps.
 *
 * @param heldAt when it was held
 * @param place where
 * @param participants who took part: at least one court, police station and judicial office
 * @param conclusions what was concluded
 */
public record ConsultationInput(OffsetDateTime heldAt, String place, List<Participant> participants,
                                String conclusions) {

    public ConsultationInput {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    /**
     * One participant.
     *
     * @param kind what they stand for
     * @param organisation the organisation, e.g. 川底人民法庭
     * @param person the person, or {@code null}
     */
    public record Participant(Kind kind, String organisation, String person) {
    }

    /** What a participant stands for. */
    public enum Kind {
        /** 人民法庭 / 法院. */
        COURT,
        /** 派出所. */
        POLICE_STATION,
        /** 司法所. */
        JUDICIAL_OFFICE,
        /** 妇联. */
        WOMENS_FEDERATION,
        /** 民政. */
        CIVIL_AFFAIRS,
        /** 网格员. */
        GRID_WORKER,
        /** 村（社区）干部. */
        VILLAGE_CADRE,
        /** Anyone else (the N). */
        OTHER
    }
}
