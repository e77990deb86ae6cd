package org.civicgrid.core.cases.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.civicgrid.core.api.cases.CaseParty;
import org.civicgrid.core.api.security.Masking;
import org.civicgrid.core.api.security.SensitiveData;

/** A row of {@code cg_case_party}: name and phone sealed, never stored in the clear. */
@Entity
@Table(name = "cg_case_party")
public class PartyEntity {

    static final String NAME = "cg_case_party.name";
    static final String PHONE = "cg_case_party.phone";

    @Id
    @Column(name = "id", length = 36)
    private String id;
    @Column(name = "case_id", nullable = false, length = 36)
    private String caseId;
    @Column(name = "seq", nullable = false)
    private int seq;
    @Column(name = "party_role", nullable = false, length = 16)
    private String role;
    @Column(name = "party_kind", nullable = false, length = 16)
    private String kind;
    @Column(name = "name_sealed", nullable = false, length = 400)
    private String name;
    @Column(name = "phone_sealed", length = 200)
    private String phone;

    protected PartyEntity() {
    }

    PartyEntity(String id, String caseId, int seq, CaseParty party, SensitiveData sealer) {
        this.id = id;
        this.caseId = caseId;
        this.seq = seq;
        this.role = party.role().name();
        this.kind = party.kind().name();
        this.name = sealer.seal(NAME, party.name().strip());
        this.phone = party.phone() == null || party.phone().isBlank() ? null : sealer.seal(PHONE, party.phone().strip());
    }

    String caseId() { return caseId; }
    int seq() { return seq; }

    /** The party in full, for a permitted and audited reveal. */
    CaseParty revealed(SensitiveData sealer) {
        return new CaseParty(CaseParty.Role.valueOf(role), CaseParty.Kind.valueOf(kind), sealer.open(NAME, name),
                sealer.open(PHONE, phone));
    }

    /** The party as shown by default: a person's name and every phone number masked. */
    CaseParty masked(SensitiveData sealer) {
        CaseParty.Kind k = CaseParty.Kind.valueOf(kind);
        String plainName = sealer.open(NAME, name);
        return new CaseParty(CaseParty.Role.valueOf(role), k,
                k == CaseParty.Kind.PERSON ? Masking.name(plainName) : plainName,
                Masking.phone(sealer.open(PHONE, phone)));
    }
}
