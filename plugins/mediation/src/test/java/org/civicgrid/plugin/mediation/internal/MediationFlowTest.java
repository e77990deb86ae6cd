package org.civicgrid.plugin.mediation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicgrid.plugin.mediation.internal.Studio.ADMIN;
import static org.civicgrid.plugin.mediation.internal.Studio.MEDIATOR;
import static org.civicgrid.plugin.mediation.internal.Studio.OPERATOR;
import static org.civicgrid.plugin.mediation.internal.Studio.OTHER_MEDIATOR;
import static org.civicgrid.plugin.mediation.internal.Studio.ZEZHOU;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.civicgrid.core.api.rest.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A dispute's course: assignment, sessions, outcomes and their state rules, who may do what, the figures. */
class MediationFlowTest {

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
    void assignmentGoesToTheOrganisationServingTheSmallestAreaThatTakesTheType() {
        Organisation county = studio.network.createOrganisation(ADMIN, new Organisation(null, "沁水县人民调解委员会",
                Organisation.Kind.COUNTY_COMMITTEE, "140521", Set.of()));
        studio.network.registerMediator(ADMIN, county.id(), "qs-med-2");
        Organisation township = studio.townshipCommittee();

        Dispute land = studio.landDispute();
        assertThat(registry.assign(OPERATOR, land.id(), null).mediatorId()).isEqualTo("qs-med");
        assertThat(registry.find(OPERATOR, land.id()).orElseThrow().organisationId()).isEqualTo(township.id());

        Dispute labour = registry.receive(MEDIATOR, new DisputeIntake(Studio.VILLAGE, DisputeType.LABOUR, "欠薪", null));
        assertThat(registry.assign(OPERATOR, labour.id(), null).mediatorId()).as("the township takes no labour disputes")
                .isEqualTo("qs-med-2");

        Dispute zezhou = registry.receive(ADMIN_1405(), new DisputeIntake("140525", DisputeType.LAND, "地界", null));
        assertThatThrownBy(() -> registry.assign(new org.civicgrid.core.api.directory.Caller("c", Set.of(
                org.civicgrid.core.api.directory.Role.CITY_ADMIN), "1405", null), zezhou.id(), null))
                .hasMessageContaining("No registered mediator").hasMessageContaining("140525");
    }

    @Test
    void aCourtSentDisputeGoesToTheCourtsStudio() {
        studio.townshipCommittee();
        Organisation studioOfCourt = studio.network.createOrganisation(ADMIN, new Organisation(null, "和事佬工作室",
                Organisation.Kind.COURT_STUDIO, "140521", Set.of()));
        studio.network.registerMediator(ADMIN, studioOfCourt.id(), "qs-med-2");
        Dispute sent = registry.receive(OPERATOR, new DisputeIntake(Studio.VILLAGE, DisputeType.LAND, "宅基地诉讼", null,
                null, null, DisputeSource.COURT, "沁水县人民法院", LocalDate.of(2024, 6, 5)));
        assertThat(sent.source()).isEqualTo(DisputeSource.COURT);
        assertThat(sent.courtDeadline()).isEqualTo(LocalDate.of(2024, 6, 5));
        assertThat(registry.assign(OPERATOR, sent.id(), null).mediatorId()).isEqualTo("qs-med-2");
    }

    @Test
    void anAgreementIsReachedOnlyAfterASessionAndEndsTheDispute() {
        studio.townshipCommittee();
        Dispute d = studio.landDispute();
        registry.assign(OPERATOR, d.id(), "qs-med");
        assertThatThrownBy(() -> studio.agree(d)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("AGREE is not allowed while the dispute is ASSIGNED");
        registry.recordSession(MEDIATOR, d.id(), new SessionInput(now(), "调解室", List.of("张三", "李四"), "笔录"));
        assertThat(registry.find(MEDIATOR, d.id()).orElseThrow().status()).isEqualTo(DisputeStatus.IN_MEDIATION);

        Agreement agreement = studio.agree(d);
        assertThat(agreement.effectiveOn()).isEqualTo(LocalDate.of(2024, 5, 6));
        assertThat(agreement.confirmationDeadline()).isEqualTo(LocalDate.of(2024, 6, 5));
        assertThat(agreement.issues()).as("from the intake record").isEqualTo("界墙位置");
        assertThat(agreement.facts()).isEqualTo("两户宅基地边界争议");
        Dispute after = registry.find(MEDIATOR, d.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(DisputeStatus.AGREED);
        assertThat(after.closedAt()).isNotNull();
        verify(studio.events).postEvent(argThat(e -> e.getTopic().equals(DisputeRegistry.CONCLUDED_TOPIC)
                && "AGREED".equals(e.getProperty("status"))));

        assertThatThrownBy(() -> registry.refer(MEDIATOR, d.id(), new ReferralInput(ReferralInput.Body.COURT, "法院", "x")))
                .hasMessageContaining("REFER is not allowed while the dispute is AGREED");
        assertThatThrownBy(() -> registry.outcome(MEDIATOR, d.id(), new OutcomeInput(DisputeStatus.WITHDRAWN, "x")))
                .hasMessageContaining("not allowed");
    }

    @Test
    void aFailedMediationStaysOpenUntilItIsReferredOn() {
        Dispute d = studio.inMediation();
        assertThatThrownBy(() -> registry.outcome(MEDIATOR, d.id(), new OutcomeInput(DisputeStatus.AGREED, "x")))
                .hasMessageContaining("FAILED or WITHDRAWN");
        assertThat(registry.outcome(MEDIATOR, d.id(), new OutcomeInput(DisputeStatus.FAILED, "双方分歧过大")).status())
                .isEqualTo(DisputeStatus.FAILED);
        verify(studio.events, never()).postEvent(argThat(e -> e.getTopic().equals(DisputeRegistry.CONCLUDED_TOPIC)));
        assertThat(studio.figures.figures(OPERATOR, "140521").failedNotReferred()).isEqualTo(1);
        assertThatThrownBy(() -> registry.recordSession(MEDIATOR, d.id(), new SessionInput(now(), "x", List.of("x"), "x")))
                .hasMessageContaining("SESSION is not allowed while the dispute is FAILED");

        assertThatThrownBy(() -> registry.refer(MEDIATOR, d.id(), new ReferralInput(ReferralInput.Body.COURT, " ", "x")))
                .hasMessageContaining("receivingBody");
        Referral referral = registry.refer(MEDIATOR, d.id(), new ReferralInput(ReferralInput.Body.COURT,
                "沁水县人民法院", "调解不成，告知起诉"));
        assertThat(referral.receivingBody()).isEqualTo("沁水县人民法院");
        assertThat(registry.referrals(OPERATOR, d.id())).containsExactly(referral);
        Dispute after = registry.find(OPERATOR, d.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(DisputeStatus.REFERRED);
        assertThat(after.outcomeNote()).contains("沁水县人民法院");
        assertThat(studio.figures.figures(OPERATOR, "140521").failedNotReferred()).isZero();
        assertThatThrownBy(() -> registry.refer(MEDIATOR, d.id(), new ReferralInput(ReferralInput.Body.ARBITRATION,
                "仲裁委", "x"))).hasMessageContaining("not allowed");
    }

    @Test
    void onlyTheAssignedMediatorRecordsSessionsAndOutcomesAndNobodyOutsideTheAreaSeesTheDispute() {
        studio.townshipCommittee();
        Dispute d = studio.landDispute();
        assertThatThrownBy(() -> registry.assign(Studio.RESIDENT, d.id(), "qs-med")).hasMessageContaining("open to");
        registry.assign(OPERATOR, d.id(), "qs-med");
        SessionInput session = new SessionInput(now(), "调解室", List.of("张三"), "笔录");
        assertThatThrownBy(() -> registry.recordSession(OTHER_MEDIATOR, d.id(), session))
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(403))
                .hasMessageContaining("the mediator the dispute is assigned to");
        assertThatThrownBy(() -> registry.recordSession(OPERATOR, d.id(), session))
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(403));
        assertThatThrownBy(() -> registry.recordSession(ZEZHOU, d.id(), session))
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(404));
        assertThatThrownBy(() -> registry.sessions(ZEZHOU, d.id()))
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(404));
        assertThatThrownBy(() -> registry.recordSession(MEDIATOR, d.id(), new SessionInput(now().plusDays(1), "调解室",
                List.of("张三"), "笔录"))).hasMessageContaining("in the future");
        registry.recordSession(MEDIATOR, d.id(), session);
        assertThat(registry.sessions(OPERATOR, d.id())).singleElement()
                .satisfies(s -> assertThat(s.recordedBy()).isEqualTo("qs-med"));
        assertThat(studio.audit.actions()).contains("dispute.assign", "dispute.session");
    }

    @Test
    void onlyAnAdministratorRegistersOrganisationsAndOnlyUsersWithTheMediatorRole() {
        assertThatThrownBy(() -> studio.network.createOrganisation(OPERATOR, new Organisation(null, "x",
                Organisation.Kind.VILLAGE_COMMITTEE, Studio.VILLAGE, Set.of()))).hasMessageContaining("administrator");
        Organisation o = studio.townshipCommittee();
        assertThatThrownBy(() -> studio.network.registerMediator(ADMIN, o.id(), "qs-worker"))
                .hasMessageContaining("does not hold role MEDIATOR");
        assertThatThrownBy(() -> studio.network.createOrganisation(ADMIN, new Organisation(null, "泽州",
                Organisation.Kind.COUNTY_COMMITTEE, "140525", Set.of()))).hasMessageContaining("outside your area");
        assertThat(studio.network.organisation(ZEZHOU, o.id())).isEmpty();
        assertThat(studio.network.mediators(OPERATOR, o.id())).extracting(Mediator::userId).containsExactly("qs-med");
    }

    @Test
    void aJointConsultationNeedsTheCourtThePoliceStationAndTheJudicialOffice() {
        Dispute d = studio.inMediation();
        List<ConsultationInput.Participant> two = List.of(
                new ConsultationInput.Participant(ConsultationInput.Kind.COURT, "川底人民法庭", "王庭长"),
                new ConsultationInput.Participant(ConsultationInput.Kind.POLICE_STATION, "龙港派出所", "赵所长"));
        assertThatThrownBy(() -> registry.consult(MEDIATOR, d.id(), new ConsultationInput(now(), "综治中心", two, "结论")))
                .hasMessageContaining("missing: [JUDICIAL_OFFICE]");
        List<ConsultationInput.Participant> all = new java.util.ArrayList<>(two);
        all.add(new ConsultationInput.Participant(ConsultationInput.Kind.JUDICIAL_OFFICE, "龙港司法所", null));
        all.add(new ConsultationInput.Participant(ConsultationInput.Kind.WOMENS_FEDERATION, "镇妇联", "刘主席"));
        Consultation c = registry.consult(OPERATOR, d.id(), new ConsultationInput(now(), "综治中心", all, "先行调解，法庭释法"));
        assertThat(registry.consultations(MEDIATOR, d.id())).containsExactly(c);
        assertThat(c.participants()).hasSize(4).contains(new ConsultationInput.Participant(
                ConsultationInput.Kind.JUDICIAL_OFFICE, "龙港司法所", null));
    }

    @Test
    void figuresCountByTypePlaceAndOutcome() {
        Dispute agreed = studio.inMediation();
        studio.agree(agreed);
        Dispute withdrawn = registry.receive(MEDIATOR, new DisputeIntake("140521", DisputeType.TRAFFIC, "剐蹭", null));
        registry.outcome(OPERATOR, withdrawn.id(), new OutcomeInput(DisputeStatus.WITHDRAWN, "双方自行和解"));
        registry.receive(MEDIATOR, new DisputeIntake(Studio.TOWNSHIP, DisputeType.LAND, "承包地", null));
        studio.clock.plusDays(2);
        registry.confirmation(MEDIATOR, agreed.id(), new ConfirmationInput(ConfirmationStatus.APPLIED, "沁水县人民法院", null, null));
        registry.confirmation(MEDIATOR, agreed.id(), new ConfirmationInput(ConfirmationStatus.CONFIRMED, null, null, "（2024）晋0521民特1号"));

        StudioFigures.Figures f = studio.figures.figures(OPERATOR, "140521");
        assertThat(f.total()).isEqualTo(3);
        assertThat(f.byType()).containsEntry("LAND", 2L).containsEntry("TRAFFIC", 1L);
        assertThat(f.byStatus()).containsEntry("AGREED", 1L).containsEntry("WITHDRAWN", 1L).containsEntry("RECEIVED", 1L);
        assertThat(f.byPlace()).containsEntry(Studio.TOWNSHIP, 2L).containsEntry("140521", 1L);
        assertThat(f.concluded()).isEqualTo(2);
        assertThat(f.successRate()).isEqualTo(0.5);
        assertThat(f.confirmationRate()).isEqualTo(1.0);
        assertThat(f.averageDays()).isEqualTo(0.0);
        assertThat(studio.figures.figures(ZEZHOU, "140525").total()).isZero();
        assertThatThrownBy(() -> studio.figures.figures(ZEZHOU, "140521")).hasMessageContaining("outside your area");
    }

    private OffsetDateTime now() {
        return studio.clock.now().atOffset(ZoneOffset.UTC);
    }

    private static org.civicgrid.core.api.directory.Caller ADMIN_1405() {
        return new org.civicgrid.core.api.directory.Caller("city", Set.of(org.civicgrid.core.api.directory.Role.CITY_ADMIN),
                "1405", null);
    }
}
