package org.civicgrid.plugin.mentalhealth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.DirectoryService;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.directory.User;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The register against the real changelog and mappings (in-memory H2): what a counsellor, a grid worker, a
 * counsellor of another county and an auditor would notice.
 */
class CareRegisterTest {

    private static final Caller COUNSELLOR = new Caller("zz-counsellor", Set.of(Role.COUNSELLOR), TestPlatform.ZEZHOU, null);
    private static final Caller WORKER = new Caller("zz-worker", Set.of(Role.GRID_WORKER), TestPlatform.NANCUN, null);
    private static final Caller OTHER_COUNSELLOR = new Caller("qs-counsellor", Set.of(Role.COUNSELLOR), TestPlatform.QINSHUI, null);
    private static final Caller MEDIATOR = new Caller("zz-mediator", Set.of(Role.MEDIATOR), TestPlatform.ZEZHOU, null);
    private static final Caller ADMIN = new Caller("zz-admin", Set.of(Role.COUNTY_ADMIN), TestPlatform.ZEZHOU, null);
    private static final String ID = TestPlatform.residentId("14052519900307123");
    private static final String NAME = "王小明";
    private static final List<Integer> SELF_HARM = List.of(2, 1, 3, 0, 2, 1, 3, 0, 1);

    private TestDatabase db;
    private final TestPlatform.MovableClock clock = new TestPlatform.MovableClock();
    private final TestPlatform.RecordingAudit audit = new TestPlatform.RecordingAudit();
    private final EventAdmin events = mock(EventAdmin.class);
    private final DirectoryService directory = mock(DirectoryService.class);
    private final RegionService regions = TestPlatform.regions();
    private CareRegister register;
    private CampaignRegister campaigns;
    private FollowUpSupervisor supervisor;
    private MentalHealthFigures figures;

    @BeforeEach
    void platform() throws Exception {
        db = new TestDatabase();
        MentalHealthConfiguration defaults = mock(MentalHealthConfiguration.class, call -> call.getMethod().getDefaultValue());
        TestPlatform.FakeSealing sealing = new TestPlatform.FakeSealing();
        register = new CareRegister(mock(SchemaReady.class), db, regions, directory, new Scoring(), sealing, audit,
                clock, events, defaults);
        campaigns = new CampaignRegister(mock(SchemaReady.class), db, regions, audit, clock);
        supervisor = new FollowUpSupervisor(mock(SchemaReady.class), db, sealing, audit, clock, events);
        figures = new MentalHealthFigures(mock(SchemaReady.class), db, regions, clock, defaults);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void theServerScoresAPhq9AndItemNineAlertsTheResponsibleCounsellor() {
        Campaign campaign = campaigns.create(COUNSELLOR, new CampaignIntake(TestPlatform.ZEZHOU, "2025年春季心理健康筛查",
                List.of("phq9", "GAD-7"), LocalDate.of(2025, 3, 1), LocalDate.of(2025, 5, 31)));
        assertThat(campaign.instruments()).containsExactly("PHQ-9", "GAD-7");

        Screening screening = register.screen(COUNSELLOR, new ScreeningIntake(null, person(), campaign.id(), "PHQ-9",
                SELF_HARM, null, null, null));

        assertThat(screening.score()).isEqualTo(13);
        assertThat(screening.band()).isEqualTo("moderate");
        assertThat(screening.tier()).isEqualTo(RiskTier.CRISIS);
        assertThat(screening.alert()).isTrue();
        List<Alert> inbox = register.alerts(COUNSELLOR, true);
        assertThat(inbox).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.SELF_HARM_ITEM);
            assertThat(alert.personId()).isEqualTo(screening.personId());
            assertThat(alert.personName()).isEqualTo("王**");
        });
        ArgumentCaptor<Event> event = ArgumentCaptor.forClass(Event.class);
        verify(events).postEvent(event.capture());
        assertThat(event.getValue().getTopic()).isEqualTo("org/civicgrid/mentalhealth/ALERT");
        assertThat(event.getValue().getProperty("counsellorId")).isEqualTo("zz-counsellor");
        assertThat(event.getValue().getPropertyNames()).doesNotContain("name", "idNumber", "score");

        Person person = register.person(COUNSELLOR, screening.personId(), false).orElseThrow();
        assertThat(person.tier()).isEqualTo(RiskTier.CRISIS);
        assertThat(person.followUpEveryDays()).isEqualTo(7);
        assertThat(person.nextFollowUpDue()).isEqualTo(screening.recordedAt().plusDays(7));
        assertThat(person.name()).isEqualTo("王**");
        assertThat(person.idNumber()).isEqualTo("1405**********1231");
        assertThat(register.person(COUNSELLOR, screening.personId(), true).orElseThrow().idNumber()).isEqualTo(ID);
        assertThat(register.screenings(COUNSELLOR, person.id())).singleElement()
                .satisfies(s -> assertThat(s.answers()).isEqualTo(SELF_HARM));
        assertThat(audit.actions()).contains("zz-counsellor:screening.create:ok", "zz-counsellor:alert.read:ok",
                "zz-counsellor:person.read:ok", "zz-counsellor:person.reveal:ok", "zz-counsellor:screening.read:ok");
    }

    @Test
    void aScoreSentByTheClientIsRefusedAndNothingIsWritten() throws Exception {
        assertThatThrownBy(() -> register.screen(COUNSELLOR, new ScreeningIntake(null, person(), null, "PHQ-9",
                SELF_HARM, 0, null, null))).isInstanceOf(ProblemException.class).hasMessageContaining("computed by the server");
        assertThatThrownBy(() -> register.screen(COUNSELLOR, new ScreeningIntake(null, person(), null, "PHQ-9",
                List.of(1, 1), null, null, null))).hasMessageContaining("9 items");
        assertThat(rows("mh_person")).isZero();
        assertThat(rows("mh_screening")).isZero();
        verify(events, never()).postEvent(any());
    }

    @Test
    void aGridWorkerFlagsAPersonAndReadsBackNothingButTheFlag() {
        FlagReceipt receipt = register.flag(WORKER, new FlagIntake(TestPlatform.VILLAGE, NAME, ID, null, "邻居反映情绪低落"));
        assertThat(receipt.status()).isEqualTo("FLAGGED");
        String personId = register.flagged(COUNSELLOR, TestPlatform.ZEZHOU, 50).get(0).personId();
        clock.advance(Duration.ofHours(1));
        register.screen(COUNSELLOR, new ScreeningIntake(personId, null, null, "PHQ-9", SELF_HARM, null, null, null));

        assertThat(register.flagReceipt(WORKER, receipt.id())).contains(receipt);
        assertThatThrownBy(() -> register.person(WORKER, personId, false)).hasMessageContaining("Only counsellors");
        assertThatThrownBy(() -> register.screenings(WORKER, personId)).hasMessageContaining("Only counsellors");
        assertThatThrownBy(() -> register.alerts(WORKER, false)).hasMessageContaining("Only counsellors");
        // Flagging again tells nothing new either: the same receipt shape, whether screened or not.
        clock.advance(Duration.ofHours(1));
        FlagReceipt again = register.flag(WORKER, new FlagIntake(TestPlatform.VILLAGE, NAME, ID, null, null));
        assertThat(again.status()).isEqualTo("FLAGGED");
        List<FlaggedPerson> worklist = register.flagged(COUNSELLOR, TestPlatform.ZEZHOU, 50);
        assertThat(worklist).extracting(FlaggedPerson::flagId).containsExactly(again.id(), receipt.id());
        assertThat(worklist).extracting(FlaggedPerson::screened).containsExactly(false, true);
        assertThat(worklist).extracting(FlaggedPerson::personId).containsOnly(personId);
        assertThat(worklist.get(1).reason()).isEqualTo("邻居反映情绪低落");
        assertThat(worklist.get(1).name()).isEqualTo("王**");
    }

    @Test
    void anotherCountysCounsellorAndOtherRolesSeeNoIdentityOrAnswer() {
        Screening screening = register.screen(COUNSELLOR, new ScreeningIntake(null, person(), null, "PHQ-9", SELF_HARM,
                null, null, null));
        assertThat(register.person(OTHER_COUNSELLOR, screening.personId(), true)).isEmpty();
        assertThat(register.screening(OTHER_COUNSELLOR, screening.id())).isEmpty();
        assertThatThrownBy(() -> register.screenings(OTHER_COUNSELLOR, screening.personId()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(register.alerts(OTHER_COUNSELLOR, false)).isEmpty();
        assertThat(audit.entries).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("qs-counsellor");
            assertThat(e.outcome()).isEqualTo("refused");
            assertThat(e.regionCode()).isEqualTo(TestPlatform.VILLAGE);
        });
        for (Caller caller : List.of(MEDIATOR, ADMIN, WORKER)) {
            assertThatThrownBy(() -> register.person(caller, screening.personId(), false))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(403));
        }
        // The other county's counsellor cannot register the same person into their own area either.
        assertThatThrownBy(() -> register.register(OTHER_COUNSELLOR, new PersonIntake(TestPlatform.QINSHUI_VILLAGE, NAME, ID, null)))
                .hasMessageContaining("another area");
    }

    @Test
    void theDatabaseHoldsNoPlaintextIdentityOrAnswers() throws Exception {
        register.screen(COUNSELLOR, new ScreeningIntake(null, new PersonIntake(TestPlatform.VILLAGE, NAME, ID, "13812345678"),
                null, "PHQ-9", SELF_HARM, null, null, null));
        String dump = dump("mh_person") + dump("mh_screening") + dump("mh_alert") + dump("mh_flag");
        assertThat(dump).contains(TestPlatform.VILLAGE).doesNotContain(ID).doesNotContain(NAME)
                .doesNotContain("13812345678").doesNotContain("2,1,3,0,2,1,3,0,1").doesNotContain("score=")
                .doesNotContain("SELF_HARM");
    }

    @Test
    void aReadIsNotHandedOutWhenItCannotBeAudited() {
        Screening screening = register.screen(COUNSELLOR, new ScreeningIntake(null, person(), null, "GAD-7",
                List.of(1, 1, 1, 1, 1, 1, 1), null, null, null));
        audit.failing = true;
        assertThatThrownBy(() -> register.screenings(COUNSELLOR, screening.personId())).hasMessageContaining("audit");
        assertThatThrownBy(() -> register.screen(COUNSELLOR, new ScreeningIntake(screening.personId(), null, null, "GAD-7",
                List.of(1, 1, 1, 1, 1, 1, 1), null, null, null))).hasMessageContaining("audit");
        audit.failing = false;
        assertThat(register.screenings(COUNSELLOR, screening.personId())).as("the unaudited write was rolled back").hasSize(1);
    }

    @Test
    void anOverdueFollowUpIsFlaggedOnceAndAFollowUpReplansIt() {
        Screening screening = register.screen(COUNSELLOR, new ScreeningIntake(null, person(), null, "PHQ-9",
                List.of(2, 2, 2, 2, 2, 2, 2, 2, 0), null, null, null));
        assertThat(screening.tier()).isEqualTo(RiskTier.HIGH);
        clock.advance(Duration.ofDays(13));
        assertThat(supervisor.supervise()).isZero();
        clock.advance(Duration.ofDays(2));
        assertThat(supervisor.supervise()).isEqualTo(1);
        assertThat(supervisor.supervise()).as("once per due date").isZero();
        Person overdue = register.person(COUNSELLOR, screening.personId(), false).orElseThrow();
        assertThat(overdue.followUpOverdue()).isTrue();
        assertThat(overdue.overdueFlaggedAt()).isNotNull();
        assertThat(register.people(COUNSELLOR, TestPlatform.ZEZHOU, null, true, 50)).extracting(Person::id)
                .containsExactly(screening.personId());
        assertThat(register.alerts(COUNSELLOR, true)).extracting(Alert::kind).containsExactly(AlertKind.FOLLOW_UP_OVERDUE);

        // A later screening with a lower result keeps the tier: lowering it is the counsellor's decision.
        register.screen(COUNSELLOR, new ScreeningIntake(screening.personId(), null, null, "GAD-7",
                List.of(0, 0, 0, 0, 0, 0, 0), null, null, null));
        assertThat(register.person(COUNSELLOR, screening.personId(), false).orElseThrow().tier()).isEqualTo(RiskTier.HIGH);

        FollowUp followUp = register.followUp(COUNSELLOR, screening.personId(), new FollowUpIntake("危险性评估0级，病情稳定", "low"));
        assertThat(followUp.tier()).isEqualTo(RiskTier.LOW);
        Person replanned = register.person(COUNSELLOR, screening.personId(), false).orElseThrow();
        assertThat(replanned.followUpOverdue()).isFalse();
        assertThat(replanned.overdueFlaggedAt()).isNull();
        assertThat(replanned.nextFollowUpDue()).isEqualTo(followUp.doneAt().plusDays(90));
        assertThat(register.followUps(COUNSELLOR, screening.personId())).extracting(FollowUp::note)
                .containsExactly("危险性评估0级，病情稳定");
    }

    @Test
    void referralToAnotherCounsellorMovesResponsibilityAndCrisisInterventionRaisesTheTier() {
        Screening screening = register.screen(COUNSELLOR, new ScreeningIntake(null, person(), null, "GAD-7",
                List.of(1, 1, 1, 1, 1, 1, 1), null, null, null));
        when(directory.user(COUNSELLOR, "nc-counsellor")).thenReturn(Optional.of(
                new User("nc-counsellor", "南村镇心理咨询师", Set.of(Role.COUNSELLOR), TestPlatform.NANCUN, null, true)));
        when(directory.user(COUNSELLOR, "zz-mediator")).thenReturn(Optional.of(
                new User("zz-mediator", "调解员", Set.of(Role.MEDIATOR), TestPlatform.ZEZHOU, null, true)));
        assertThatThrownBy(() -> register.refer(COUNSELLOR, screening.personId(), new ReferralIntake("COUNSELLOR", "zz-mediator", null)))
                .hasMessageContaining("counsellor whose area");
        register.refer(COUNSELLOR, screening.personId(), new ReferralIntake("counsellor", "nc-counsellor", "就近随访"));
        assertThat(register.person(COUNSELLOR, screening.personId(), false).orElseThrow().counsellorId()).isEqualTo("nc-counsellor");
        clock.advance(Duration.ofMinutes(5));
        register.refer(COUNSELLOR, screening.personId(), new ReferralIntake("CRISIS_INTERVENTION", "县心理危机干预热线", null));
        assertThat(register.person(COUNSELLOR, screening.personId(), false).orElseThrow().tier()).isEqualTo(RiskTier.CRISIS);
        assertThat(register.referrals(COUNSELLOR, screening.personId())).extracting(Referral::target)
                .containsExactly("县心理危机干预热线", "nc-counsellor");
        assertThatThrownBy(() -> register.refer(COUNSELLOR, screening.personId(), new ReferralIntake("POLICE", "x", null)))
                .hasMessageContaining("HOSPITAL");
    }

    @Test
    void figuresAreCountsWithSmallOnesHiddenAndOpenOnlyToPlanningStaff() {
        for (int i = 0; i < 7; i++) {
            String id = TestPlatform.residentId("1405251990030" + (7100 + i));
            register.screen(COUNSELLOR, new ScreeningIntake(null, new PersonIntake(TestPlatform.VILLAGE, "张" + i, id, null),
                    null, "GAD-7", List.of(0, 0, 0, 0, 0, 0, 0), null, null, null));
        }
        register.screen(COUNSELLOR, new ScreeningIntake(null, person(), null, "PHQ-9", SELF_HARM, null, null, null));

        Figures f = figures.figures(ADMIN, TestPlatform.ZEZHOU, null);
        assertThat(f.people()).isEqualTo("8");
        assertThat(f.byTier()).containsEntry("CRISIS", "<5").containsEntry("LOW", "7").containsEntry("HIGH", "<5");
        assertThat(f.byRegion()).containsKeys(TestPlatform.NANCUN, "140525101");
        assertThat(f.byRegion().get(TestPlatform.NANCUN).people()).isEqualTo(">=5");
        assertThat(f.byRegion().get("140525101").people()).isEqualTo("<5");
        assertThat(f.toString()).doesNotContain("王").doesNotContain(ID);
        assertThatThrownBy(() -> figures.figures(MEDIATOR, TestPlatform.ZEZHOU, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> figures.figures(OTHER_COUNSELLOR, TestPlatform.ZEZHOU, null))
                .hasMessageContaining("outside your area");
    }

    @Test
    void badIdentityInputIsRefusedWithoutEchoingIt() {
        String mistyped = ID.substring(0, 17) + (ID.charAt(17) == '0' ? '1' : '0');
        assertThatThrownBy(() -> register.flag(WORKER, new FlagIntake(TestPlatform.VILLAGE, NAME, mistyped, null, null)))
                .hasMessageContaining("check digit").hasMessageNotContaining(mistyped);
        assertThatThrownBy(() -> register.flag(WORKER, new FlagIntake(TestPlatform.QINSHUI_VILLAGE, NAME, ID, null, null)))
                .hasMessageContaining("outside your area");
        assertThatThrownBy(() -> register.flag(MEDIATOR, new FlagIntake(TestPlatform.VILLAGE, NAME, ID, null, null)))
                .hasMessageContaining("open to");
    }

    private static PersonIntake person() {
        return new PersonIntake(TestPlatform.VILLAGE, NAME, ID, null);
    }

    private long rows(String table) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    private String dump(String table) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select * from " + table)) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    out.append(r.getString(i)).append('|');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }
}
