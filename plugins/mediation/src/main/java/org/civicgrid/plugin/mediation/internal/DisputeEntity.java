package org.civicgrid.plugin.mediation.internal;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code med_dispute}. Times are stored in UTC. */
@Entity
@Table(name = "med_dispute")
public class DisputeEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "region_code", nullable = false, length = 12)
    private String regionCode;

    @Column(name = "dispute_type", nullable = false, length = 32)
    private String disputeType;

    @Column(name = "summary", nullable = false, length = 2000)
    private String summary;

    @Column(name = "amount_in_dispute", precision = 14, scale = 2)
    private BigDecimal amountInDispute;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "received_at", nullable = false)
    private LocalDateTime receivedAt;

    protected DisputeEntity() {
    }

    DisputeEntity(String id, DisputeIntake intake, DisputeStatus status, LocalDateTime receivedAt) {
        this.id = id;
        this.regionCode = intake.regionCode();
        this.disputeType = intake.type().name();
        this.summary = intake.summary();
        this.amountInDispute = intake.amountInDispute();
        this.status = status.name();
        this.receivedAt = receivedAt;
    }

    String regionCode() {
        return regionCode;
    }

    Dispute toDispute(String regionName) {
        return new Dispute(id, regionCode, regionName, DisputeType.valueOf(disputeType), summary, amountInDispute,
                DisputeStatus.valueOf(status), receivedAt.atOffset(ZoneOffset.UTC));
    }
}
