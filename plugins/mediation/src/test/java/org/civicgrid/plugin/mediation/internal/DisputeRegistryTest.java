package org.civicgrid.plugin.mediation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicgrid.plugin.mediation.internal.Studio.MEDIATOR;
import static org.civicgrid.plugin.mediation.internal.Studio.VILLAGE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.civicgrid.core.api.rest.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Intake: bad input is refused with a reason and writes nothing; parties are sealed, shown masked, audited. */
class DisputeRegistryTest {

    private Studio studio;
    private DisputeRegistry registry;

    @BeforeEach
    void studio() throws Exception {
        studio = new Studio();
        registry = studio.registry;
    }

    @AfterEach
    void close() throws Exception {
        studio.close();
    }

    @Test
    void refusesAnUnknownRegion() throws Exception {
        assertRefused(new DisputeIntake("999999", DisputeType.LAND, "boundary", null), "not a region");
    }

    @Test
    void refusesACityLevelDispute() throws Exception {
        assertRefused(new DisputeIntake("1405", DisputeType.LAND, "boundary", null), "county, township or village");
    }

    @Test
    void refusesAMissingTypeOrSummary() throws Exception {
        assertRefused(new DisputeIntake("140521", null, "boundary", null), "type is required");
        assertRefused(new DisputeIntake("140521", DisputeType.LAND, "  ", null), "summary is required");
        assertRefused(new DisputeIntake("140521", DisputeType.LAND, "x".repeat(2001), null), "2001 characters");
    }

    @Test
    void refusesANegativeOrOverPreciseAmount() throws Exception {
        assertRefused(new DisputeIntake("140521", DisputeType.LABOUR, "wages", new BigDecimal("-1")), "yuan");
        assertRefused(new DisputeIntake("140521", DisputeType.LABOUR, "wages", new BigDecimal("1.001")), "yuan");
    }

    @Test
    void refusesAPartyWhoseIdNumberFailsTheCheckDigitOrPhoneIsNotANumber() throws Exception {
        assertRefused(withParty(new PartyInput(Party.Role.APPLICANT, Party.Kind.PERSON, "张三", "110105194912310021",
                null, null)), "parties[0].idNumber is not valid: its check digit");
        assertRefused(withParty(new PartyInput(Party.Role.APPLICANT, Party.Kind.PERSON, "张三", null, "12345", null)),
                "parties[0].phone");
        assertRefused(new DisputeIntake(VILLAGE, DisputeType.LAND, "boundary", null, null, List.of(
                new PartyInput(Party.Role.RESPONDENT, Party.Kind.PERSON, "李四", null, null, null),
                new PartyInput(Party.Role.RESPONDENT, Party.Kind.PERSON, "王五", null, null, null)), null, null, null),
                "at least one applicant");
        assertRefused(withParty(new PartyInput(Party.Role.APPLICANT, Party.Kind.ORGANISATION, "某物业公司",
                "91350100M000100Y44", null, null)), "GB 32100");
    }

    @Test
    void aCourtSentDisputeNamesTheCourtAndItsDeadline() throws Exception {
        assertRefused(new DisputeIntake("140525", DisputeType.NEIGHBOURS, "邻里", null, null, null, DisputeSource.COURT,
                null, LocalDate.of(2024, 6, 1)), "names the court");
        assertRefused(new DisputeIntake("140525", DisputeType.NEIGHBOURS, "邻里", null, null, null, DisputeSource.COURT,
                "川底人民法庭", null), "courtDeadline");
        assertRefused(new DisputeIntake("140525", DisputeType.NEIGHBOURS, "邻里", null, null, null, DisputeSource.COURT,
                "川底人民法庭", LocalDate.of(2024, 5, 1)), "already passed");
        assertRefused(new DisputeIntake("140525", DisputeType.NEIGHBOURS, "邻里", null, null, null, null,
                "川底人民法庭", null), "source COURT");
    }

    @Test
    void refusesCallersWithoutAStudioRoleOrOutsideTheirArea() throws Exception {
        DisputeIntake intake = new DisputeIntake("140521", DisputeType.LAND, "boundary", null);
        assertThatThrownBy(() -> registry.receive(Studio.RESIDENT, intake)).hasMessageContaining("open to");
        assertThatThrownBy(() -> registry.receive(Studio.ZEZHOU, intake)).hasMessageContaining("outside your area");
        assertThat(studio.db.count("med_dispute")).isZero();
    }

    @Test
    void partiesAreSealedAtRestShownMaskedAndEveryReadIsAudited() throws Exception {
        Dispute created = studio.landDispute();
        assertThat(created.parties()).extracting(Party::name).containsExactly("张*", "李*");
        assertThat(studio.db.single("select name_sealed from med_party where seq = 1")).startsWith("sealed:")
                .doesNotContain("张三");
        assertThat(studio.db.single("select id_number_sealed from med_party where seq = 1")).doesNotContain("1101");
        assertThat(studio.db.single("select id_fingerprint from med_party where seq = 1")).hasSize(64);

        Dispute read = registry.find(MEDIATOR, created.id()).orElseThrow();
        assertThat(read.parties().get(0)).isEqualTo(new Party(Party.Role.APPLICANT, Party.Kind.PERSON, "张*",
                "1101**********002X", "138****5678"));
        assertThat(read.regionName()).isEqualTo("某村委会");
        assertThat(studio.audit.actions()).containsExactly("dispute.create", "dispute.party.read");
        assertThat(studio.audit.entries.get(1).actor()).isEqualTo("qs-med");

        assertThat(registry.find(Studio.ZEZHOU, created.id())).as("another county's mediator").isEmpty();
        assertThat(studio.audit.entries).hasSize(2);
        assertThat(registry.list(MEDIATOR, "140521", 10)).singleElement()
                .satisfies(d -> assertThat(d.parties()).isEmpty());
    }

    @Test
    void anOrganisationsNameIsShownInFull() throws Exception {
        Dispute d = registry.receive(MEDIATOR, new DisputeIntake(VILLAGE, DisputeType.PROPERTY_MANAGEMENT, "物业费",
                null, null, List.of(new PartyInput(Party.Role.APPLICANT, Party.Kind.ORGANISATION, "某物业公司",
                "91350100M000100Y43", null, null)), null, null, null));
        assertThat(d.parties().get(0).name()).isEqualTo("某物业公司");
        assertThat(d.parties().get(0).idNumber()).isEqualTo("9135**********0Y43");
    }

    private static DisputeIntake withParty(PartyInput party) {
        return new DisputeIntake(VILLAGE, DisputeType.LAND, "boundary", null, null, List.of(party), null, null, null);
    }

    private void assertRefused(DisputeIntake intake, String reason) throws Exception {
        assertThatThrownBy(() -> registry.receive(MEDIATOR, intake))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(400));
        assertThat(studio.db.count("med_dispute")).isZero();
        assertThat(studio.db.count("med_party")).isZero();
    }

}
