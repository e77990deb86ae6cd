package org.civicgrid.plugin.mediation.internal;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code med_organisation}. */
@Entity
@Table(name = "med_organisation")
public class OrganisationEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "org_kind", nullable = false, length = 24)
    private String kind;

    @Column(name = "region_code", nullable = false, length = 12)
    private String regionCode;

    /** Comma-separated dispute types it takes; empty or null: every type. */
    @Column(name = "dispute_types", length = 400)
    private String disputeTypes;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected OrganisationEntity() {
    }

    OrganisationEntity(String id, String name, Organisation.Kind kind, String regionCode, Set<DisputeType> types,
                       LocalDateTime createdAt) {
        this.id = id;
        this.name = name;
        this.kind = kind.name();
        this.regionCode = regionCode;
        this.disputeTypes = types.isEmpty() ? null
                : types.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.createdAt = createdAt;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    String regionCode() {
        return regionCode;
    }

    Organisation.Kind kind() {
        return Organisation.Kind.valueOf(kind);
    }

    Set<DisputeType> types() {
        if (disputeTypes == null || disputeTypes.isBlank()) {
            return EnumSet.noneOf(DisputeType.class);
        }
        return Arrays.stream(disputeTypes.split(",")).map(DisputeType::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DisputeType.class)));
    }

    Organisation toOrganisation() {
        return new Organisation(id, name, kind(), regionCode, types());
    }
}
