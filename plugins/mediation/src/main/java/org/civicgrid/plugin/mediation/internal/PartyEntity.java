package org.civicgrid.plugin.mediation.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code med_party}: identities sealed, never in the clear. */
@Entity
@Table(name = "med_party")
public class PartyEntity {

    static final String NAME = "med_party.name";
    static final String ID_NUMBER = "med_party.id_number";
    static final String PHONE = "med_party.phone";
    static final String ADDRESS = "med_party.address";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "dispute_id", nullable = false, length = 36)
    private String disputeId;

    @Column(name = "seq", nullable = false)
    private int seq;

    @Column(name = "party_role", nullable = false, length = 16)
    private String role;

    @Column(name = "party_kind", nullable = false, length = 16)
    private String kind;

    @Column(name = "name_sealed", nullable = false, length = 600)
    private String nameSealed;

    @Column(name = "id_number_sealed", length = 200)
    private String idNumberSealed;

    @Column(name = "id_fingerprint", length = 64)
    private String idFingerprint;

    @Column(name = "phone_sealed", length = 200)
    private String phoneSealed;

    @Column(name = "address_sealed", length = 1000)
    private String addressSealed;

    protected PartyEntity() {
    }

    PartyEntity(String id, String disputeId, int seq, Party.Role role, Party.Kind kind, String nameSealed,
                String idNumberSealed, String idFingerprint, String phoneSealed, String addressSealed) {
        this.id = id;
        this.disputeId = disputeId;
        this.seq = seq;
        this.role = role.name();
        this.kind = kind.name();
        this.nameSealed = nameSealed;
        this.idNumberSealed = idNumberSealed;
        this.idFingerprint = idFingerprint;
        this.phoneSealed = phoneSealed;
        this.addressSealed = addressSealed;
    }

    Party.Role role() {
        return Party.Role.valueOf(role);
    }

    Party.Kind kind() {
        return Party.Kind.valueOf(kind);
    }

    String nameSealed() {
        return nameSealed;
    }

    String idNumberSealed() {
        return idNumberSealed;
    }

    String phoneSealed() {
        return phoneSealed;
    }

    String addressSealed() {
        return addressSealed;
    }
}
