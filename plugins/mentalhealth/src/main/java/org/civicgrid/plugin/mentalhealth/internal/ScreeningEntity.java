package org.civicgrid.plugin.mentalhealth.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code mh_screening}: the answers and the result are sealed; the tier drives follow-up and figures. */
@Entity
@Table(name = "mh_screening")
public class ScreeningEntity {

    static final String ANSWERS = "mh_screening.answers";
    static final String RESULT = "mh_screening.result";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "person_id", nullable = false, length = 36)
    private String personId;

    @Column(name = "campaign_id", length = 36)
    private String campaignId;

    @Column(name = "region_code", nullable = false, length = 12)
    private String regionCode;

    @Column(name = "instrument", nullable = false, length = 16)
    private String instrument;

    @Column(name = "answers_sealed", nullable = false, length = 400)
    private String answersSealed;

    @Column(name = "result_sealed", nullable = false, length = 400)
    private String resultSealed;

    @Column(name = "tier", nullable = false, length = 16)
    private String tier;

    @Column(name = "recorded_by", nullable = false, length = 64)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private LocalDateTime recordedAt;

    protected ScreeningEntity() {
    }

    ScreeningEntity(String id, String personId, String campaignId, String regionCode, String instrument,
                    String answersSealed, String resultSealed, RiskTier tier, String recordedBy,
                    LocalDateTime recordedAt) {
        this.id = id;
        this.personId = personId;
        this.campaignId = campaignId;
        this.regionCode = regionCode;
        this.instrument = instrument;
        this.answersSealed = answersSealed;
        this.resultSealed = resultSealed;
        this.tier = tier.name();
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    String id() {
        return id;
    }

    String personId() {
        return personId;
    }

    String campaignId() {
        return campaignId;
    }

    String regionCode() {
        return regionCode;
    }

    String instrument() {
        return instrument;
    }

    String answersSealed() {
        return answersSealed;
    }

    String resultSealed() {
        return resultSealed;
    }

    RiskTier tier() {
        return RiskTier.valueOf(tier);
    }

    String recordedBy() {
        return recordedBy;
    }

    LocalDateTime recordedAt() {
        return recordedAt;
    }
}
