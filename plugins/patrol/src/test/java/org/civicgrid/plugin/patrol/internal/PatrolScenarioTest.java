package org.civicgrid.plugin.patrol.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.civicgrid.core.api.cases.CaseIntake;
import org.civicgrid.core.api.cases.CaseLevel;
import org.civicgrid.core.api.cases.CaseRecord;
import org.civicgrid.core.api.cases.CaseService;
import org.civicgrid.core.api.cases.CaseState;
import org.civicgrid.core.api.cases.Channel;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.DirectoryService;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.directory.User;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ProblemException;
import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.AuditTrail;
import org.civicgrid.core.api.security.SensitiveData;
import org.civicgrid.core.api.time.PlatformClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.osgi.service.event.Event;

/**
 * The patrol's services on a real (in-memory H2) database with the plug-in's changelog, the core's services faked:
 * a team in 陵川县 walks a route in 城内社区, checks in on the spot, away and too late, reports a hazard, and
 * supervisors see coverage, missed checkpoints, hours and what became of the hazard.
 */
class PatrolScenarioTest {

    static final String VILLAGE = "140524100001";
    static final Caller ADMIN = new Caller("lc-admin", Set.of(Role.COUNTY_ADMIN), "140524", null);
    static final Caller LEADER = new Caller("lc-leader", Set.of(Role.GRID_LEADER), "140524100", null);
    static final Caller VOLUNTEER = new Caller("vol-1", Set.of(Role.RESIDENT), VILLAGE, null);
    static final Caller CADRE = new Caller("cadre-1", Set.of(Role.RESIDENT), "140524100002", null);
    static final Caller NEIGHBOUR = new Caller("res-x", Set.of(Role.RESIDENT), VILLAGE, null);
    static final Caller QINSHUI = new Caller("qs-admin", Set.of(Role.COUNTY_ADMIN), "140521", null);

    /** Checkpoints in 陵川县城 (WGS 84). */
    static final double[][] POINTS = {{113.2800, 35.7760}, {113.2815, 35.7768}, {113.2830, 35.7755}};

    private final Instant[] now = {Instant.parse("2024-05-06T00:30:00Z")}; // 08:30 in Lingchuan
    private final Map<String, CaseState> caseStates = new HashMap<>();
    private final CaseService cases = mock(CaseService.class);
    private final AuditTrail audit = mock(AuditTrail.class);
    private PatrolDatabase db;
    private PlatformFacilities facilities;
    private PatrolRegistry registry;
    private ShiftLog shifts;
    private HazardDesk desk;
    private PatrolStatistics statistics;
    private CaseStateListener listener;

    @BeforeEach
    void platform() throws Exception {
        db = new PatrolDatabase();
        PlatformClock clock = mock(PlatformClock.class);
        when(clock.now()).thenAnswer(i -> now[0]);
        when(clock.zone()).thenReturn(ZoneId.of("Asia/Shanghai"));
        SensitiveData sensitive = mock(SensitiveData.class);
        when(sensitive.seal(anyString(), anyString())).thenAnswer(i -> "sealed:" + new StringBuilder(i.<String>getArgument(1)).reverse());
        when(sensitive.open(anyString(), anyString())).thenAnswer(i -> new StringBuilder(i.<String>getArgument(1).substring(7)).reverse().toString());
        facilities = new PlatformFacilities(clock, audit);
        facilities.sensitive = sensitive;

        RegionService regions = mock(RegionService.class);
        Map<String, Region> known = Map.of(
                "1405", new Region("1405", "晋城市", RegionLevel.CITY, "14"),
                "140524", new Region("140524", "陵川县", RegionLevel.COUNTY, "1405"),
                "140524100", new Region("140524100", "崇文镇", RegionLevel.TOWNSHIP, "140524"),
                VILLAGE, new Region(VILLAGE, "城内社区居委会", RegionLevel.VILLAGE, "140524100"),
                "140524100002", new Region("140524100002", "城西社区居委会", RegionLevel.VILLAGE, "140524100"),
                "140521100200", new Region("140521100200", "沁水某村", RegionLevel.VILLAGE, "140521100"));
        when(regions.find(anyString())).thenAnswer(i -> Optional.ofNullable(known.get(i.<String>getArgument(0))));
        DirectoryService directory = mock(DirectoryService.class);
        Map<String, User> users = Map.of(
                "vol-1", new User("vol-1", "王志愿", Set.of(Role.RESIDENT), VILLAGE, null, true),
                "cadre-1", new User("cadre-1", "李老干部", Set.of(Role.RESIDENT), "140524100002", null, true),
                "res-x", new User("res-x", "赵居民", Set.of(Role.RESIDENT), VILLAGE, null, true));
        when(directory.user(any(), anyString())).thenAnswer(i -> {
            Caller asking = i.getArgument(0);
            User u = users.get(i.<String>getArgument(1));
            return Optional.ofNullable(u).filter(x -> asking.reaches(x.regionCode()));
        });
        when(cases.report(any(), any())).thenAnswer(i -> {
            CaseIntake intake = i.getArgument(1);
            String id = "case-" + (caseStates.size() + 1);
            caseStates.put(id, CaseState.REPORTED);
            return record(id, intake.regionCode(), CaseState.REPORTED);
        });
        when(cases.find(any(), anyString())).thenAnswer(i -> {
            Caller asking = i.getArgument(0);
            String id = i.getArgument(1);
            return Optional.ofNullable(caseStates.get(id)).filter(s -> asking.reaches(VILLAGE))
                    .map(s -> record(id, VILLAGE, s));
        });

        SchemaReady schema = mock(SchemaReady.class);
        registry = new PatrolRegistry(schema, db, regions, directory, facilities);
        shifts = new ShiftLog(schema, db, facilities, configuration(100, 10, 30));
        desk = new HazardDesk(schema, db, cases, facilities);
        statistics = new PatrolStatistics(schema, db, facilities);
        listener = new CaseStateListener(schema, db, facilities);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void checkInsAreJudgedByDistanceAndTimeAndMissedCheckpointsAreReportedOnClosing() {
        Fixture f = fixture();
        Shift morning = plan(f, "2024-05-06T08:00:00+08:00", "2024-05-06T11:00:00+08:00");

        CheckIn onTheSpot = shifts.checkIn(VOLUNTEER, morning.id(), at(f.route.checkpoints().get(0), 0.0001, 0));
        assertThat(onTheSpot.away()).isFalse();
        assertThat(onTheSpot.offShift()).isFalse();
        assertThat(onTheSpot.distanceMetres()).isBetween(5.0, 15.0);

        // 500 m east of checkpoint 2 (1° of longitude is about 90.3 km at 35.8°N).
        CheckIn away = shifts.checkIn(VOLUNTEER, morning.id(), at(f.route.checkpoints().get(1), 500 / 90_300.0, 0));
        assertThat(away.away()).isTrue();
        assertThat(away.offShift()).isFalse();
        assertThat(away.distanceMetres()).isBetween(480.0, 520.0);

        Shift walked = shifts.shift(ADMIN, morning.id());
        assertThat(walked.visited()).isEqualTo(1);
        assertThat(walked.planned()).isEqualTo(3);
        assertThat(walked.missed()).as("missed checkpoints are reported once the shift closes").isEmpty();

        now[0] = now[0].plus(Duration.ofHours(1));
        Shift closed = shifts.close(VOLUNTEER, morning.id());
        assertThat(closed.closedBy()).isEqualTo("vol-1");
        assertThat(closed.missed()).extracting(Checkpoint::seq).containsExactly(2, 3);
        assertThat(closed.coverage()).isEqualTo(0.333);
        assertThatThrownBy(() -> shifts.close(ADMIN, morning.id())).hasMessageContaining("was closed");

        // After closing, a check-in is outside the shift, kept and flagged, and does not count.
        now[0] = now[0].plus(Duration.ofMinutes(15));
        CheckIn late = shifts.checkIn(VOLUNTEER, morning.id(), at(f.route.checkpoints().get(2), 0, 0));
        assertThat(late.offShift()).isTrue();
        assertThat(late.away()).isFalse();
        assertThat(shifts.shift(ADMIN, morning.id()).visited()).isEqualTo(1);
        assertThat(shifts.shift(ADMIN, morning.id()).checkIns()).hasSize(3);
    }

    @Test
    void aCheckInWithinTheGraceCountsAndOneBeforeItDoesNot() {
        Fixture f = fixture();
        Shift later = plan(f, "2024-05-06T08:45:00+08:00", "2024-05-06T10:00:00+08:00");
        // 08:30: 15 minutes early, beyond the 10 minutes' grace.
        assertThat(shifts.checkIn(VOLUNTEER, later.id(), at(f.route.checkpoints().get(0), 0, 0)).offShift()).isTrue();
        now[0] = now[0].plus(Duration.ofMinutes(6));
        assertThat(shifts.checkIn(VOLUNTEER, later.id(), at(f.route.checkpoints().get(0), 0, 0)).offShift()).isFalse();
    }

    @Test
    void supervisionClosesEndedShiftsOnceAfterTheConfiguredDelay() {
        Fixture f = fixture();
        Shift early = plan(f, "2024-05-06T06:00:00+08:00", "2024-05-06T08:10:00+08:00");
        plan(f, "2024-05-06T08:00:00+08:00", "2024-05-06T11:00:00+08:00");
        // 08:30: the early shift ended 20 minutes ago, closing waits 30.
        assertThat(shifts.supervise().closed()).isZero();
        now[0] = now[0].plus(Duration.ofMinutes(15));
        ShiftLog.Round round = shifts.supervise();
        assertThat(round.closed()).isEqualTo(1);
        assertThat(round.missedCheckpoints()).isEqualTo(3);
        assertThat(shifts.supervise().closed()).isZero();
        Shift closed = shifts.shift(LEADER, early.id());
        assertThat(closed.closedBy()).isEqualTo("platform");
        assertThat(closed.missed()).hasSize(3);
        assertThat(db.count("pat_missed")).isEqualTo(3);
    }

    @Test
    void aHazardBecomesAPatrolCaseInTheRoutesVillageAndFollowsItsState() {
        Fixture f = fixture();
        Shift morning = plan(f, "2024-05-06T08:00:00+08:00", "2024-05-06T11:00:00+08:00");
        Hazard hazard = desk.report(CADRE, morning.id(), new HazardReport("护栏松动", "桥头护栏松动，有坠落危险",
                113.2816, 35.7769, "城内社区桥头", null));
        ArgumentCaptor<Caller> reporter = ArgumentCaptor.forClass(Caller.class);
        ArgumentCaptor<CaseIntake> intake = ArgumentCaptor.forClass(CaseIntake.class);
        verify(cases).report(reporter.capture(), intake.capture());
        assertThat(intake.getValue().category()).isEqualTo("patrol-hazard");
        assertThat(intake.getValue().channel()).isEqualTo(Channel.PATROL);
        assertThat(intake.getValue().regionCode()).isEqualTo(VILLAGE);
        assertThat(intake.getValue().longitude()).isEqualTo(113.2816);
        assertThat(intake.getValue().description()).contains("李老干部").contains("城内巡防队");
        // The cadre lives in 城西社区; membership of the team is the mandate to report in the route's village.
        assertThat(reporter.getValue().userId()).isEqualTo("cadre-1");
        assertThat(reporter.getValue().regionCode()).isEqualTo(VILLAGE);
        assertThat(hazard.caseId()).isEqualTo("case-1");
        assertThat(hazard.gridCode()).isEqualTo(VILLAGE + "001");
        assertThat(hazard.caseState()).isEqualTo("REPORTED");

        caseStates.put("case-1", CaseState.REGISTERED);
        long registered = now[0].plusSeconds(60).toEpochMilli();
        listener.handleEvent(new Event("org/civicgrid/case/REGISTER", Map.of("caseId", "case-1", "state", "REGISTERED",
                "updatedAt", registered)));
        assertThat(desk.hazard(ADMIN, hazard.id()).caseState()).isEqualTo("REGISTERED");
        assertThat(desk.hazards(LEADER, "140524100").get(0).caseState()).as("kept current from the events").isEqualTo("REGISTERED");
        assertThat(shifts.shift(ADMIN, morning.id()).hazards()).extracting(Hazard::caseId).containsExactly("case-1");

        caseStates.put("case-1", CaseState.CLOSED);
        listener.handleEvent(new Event("org/civicgrid/case/CLOSE", Map.of("caseId", "case-1", "state", "CLOSED",
                "updatedAt", registered + 120_000)));
        // The verification a moment before the closing, delivered after it (another thread): it changes nothing.
        listener.handleEvent(new Event("org/civicgrid/case/VERIFY", Map.of("caseId", "case-1", "state", "VERIFIED",
                "updatedAt", registered + 119_000)));
        listener.handleEvent(new Event("org/civicgrid/case/CLOSE", Map.of("caseId", "not-ours", "state", "CLOSED",
                "updatedAt", registered)));
        assertThat(desk.hazards(LEADER, "140524100").get(0).caseState()).as("the newest step counts").isEqualTo("CLOSED");
        PatrolFigures figures = statistics.figures(ADMIN, "140524", null, null);
        assertThat(figures.hazardsReported()).isEqualTo(1);
        assertThat(figures.hazardsResolved()).isEqualTo(1);
    }

    @Test
    void staffRecordForAMemberButResidentsOnlyForThemselves() {
        Fixture f = fixture();
        Shift morning = plan(f, "2024-05-06T08:00:00+08:00", "2024-05-06T11:00:00+08:00");
        CheckInRequest forVolunteer = new CheckInRequest(f.route.checkpoints().get(0).id(), POINTS[0][0], POINTS[0][1], "vol-1");
        CheckIn recorded = shifts.checkIn(LEADER, morning.id(), forVolunteer);
        assertThat(recorded.userId()).isEqualTo("vol-1");
        assertThat(recorded.recordedBy()).isEqualTo("lc-leader");
        assertRefused(() -> shifts.checkIn(CADRE, morning.id(), forVolunteer), 403, "record for a member");
        assertRefused(() -> shifts.checkIn(NEIGHBOUR, morning.id(), at(f.route.checkpoints().get(0), 0, 0)), 403, "not a member");
        assertRefused(() -> shifts.checkIn(QINSHUI, morning.id(), forVolunteer), 404, "in your area");
        assertRefused(() -> shifts.shift(QINSHUI, morning.id()), 404, "in your area");
        assertRefused(() -> registry.team(QINSHUI, f.team.id()), 404, "in your area");
        assertRefused(() -> statistics.figures(QINSHUI, "140524", null, null), 403, "outside your area");
        assertRefused(() -> desk.report(QINSHUI, morning.id(), new HazardReport("x", "y", POINTS[0][0], POINTS[0][1], null, "vol-1")),
                404, "in your area");
        assertThat(registry.team(VOLUNTEER, f.team.id()).members()).as("members see their team").hasSize(2);
        assertRefused(() -> registry.team(NEIGHBOUR, f.team.id()), 404, "in your area");
        assertRefused(() -> registry.team(new Caller("res-t", Set.of(Role.RESIDENT), "140524100", null), f.team.id()), 403, "members");
    }

    @Test
    void aMemberNotOnTheRosterCannotCheckIn() {
        Fixture f = fixture();
        Shift onlyCadre = shifts.plan(ADMIN, new ShiftDraft(f.team.id(), f.route.id(),
                OffsetDateTime.parse("2024-05-06T08:00:00+08:00"), OffsetDateTime.parse("2024-05-06T11:00:00+08:00"),
                List.of("cadre-1")));
        assertRefused(() -> shifts.checkIn(VOLUNTEER, onlyCadre.id(), at(f.route.checkpoints().get(0), 0, 0)), 403, "roster");
        assertThat(db.count("pat_check_in")).isZero();
    }

    @Test
    void figuresCountCoverageAndHoursOfClosedShiftsAndTheCsvListsThem() {
        Fixture f = fixture();
        Shift morning = plan(f, "2024-05-06T08:00:00+08:00", "2024-05-06T11:00:00+08:00");
        for (Checkpoint c : f.route.checkpoints()) {
            shifts.checkIn(VOLUNTEER, morning.id(), at(c, 0, 0));
        }
        shifts.checkIn(CADRE, morning.id(), at(f.route.checkpoints().get(0), 0.01, 0));
        assertThat(statistics.figures(ADMIN, null, null, null).closedShifts()).as("open shifts do not count yet").isZero();
        now[0] = Instant.parse("2024-05-06T03:00:00Z");
        shifts.close(ADMIN, morning.id());

        PatrolFigures figures = statistics.figures(LEADER, "140524100", LocalDate.parse("2024-05-06"), LocalDate.parse("2024-05-06"));
        assertThat(figures.shifts()).isEqualTo(1);
        assertThat(figures.coverage()).isEqualTo(1.0);
        assertThat(figures.flaggedCheckIns()).isEqualTo(1);
        assertThat(figures.members()).singleElement().satisfies(h -> {
            assertThat(h.userId()).isEqualTo("vol-1");
            assertThat(h.hours()).isEqualTo(3.0);
            assertThat(h.kind()).isEqualTo(MemberKind.SAFETY_VOLUNTEER);
        });
        assertThat(statistics.figures(ADMIN, "140524", LocalDate.parse("2024-05-07"), null).shifts()).isZero();

        String csv = statistics.serviceHoursCsv(ADMIN, "140524", null, null);
        assertThat(csv).startsWith("\uFEFFuser_id,name,kind,team,shifts,hours\r\n")
                .contains("vol-1,王志愿,SAFETY_VOLUNTEER,城内巡防队,1,3.0");
    }

    @Test
    void phoneNumbersAreSealedAndShownMasked() {
        Fixture f = fixture();
        Member member = registry.team(ADMIN, f.team.id()).members().stream()
                .filter(m -> m.userId().equals("cadre-1")).findFirst().orElseThrow();
        assertThat(member.phone()).isEqualTo("139****5678");
        try (var c = db.connection(); var rs = c.createStatement().executeQuery(
                "select phone_sealed from pat_member where user_id = 'cadre-1'")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("sealed:").doesNotContain("13912345678");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void withoutDataProtectionAPhoneNumberIsRefusedAndNothingIsStored() {
        Fixture f = fixture();
        facilities.sensitive = null;
        long members = db.count("pat_member");
        assertRefused(() -> registry.addMember(ADMIN, f.team.id(), new MemberDraft("res-x", MemberKind.SAFETY_VOLUNTEER,
                "13800000000")), 503, "register the member without a phone number");
        assertThat(db.count("pat_member")).isEqualTo(members);
        assertThat(registry.addMember(ADMIN, f.team.id(), new MemberDraft("res-x", MemberKind.SAFETY_VOLUNTEER, null))
                .phone()).isNull();
    }

    @Test
    void badInputIsRefusedWithAReasonAndWritesNothing() {
        Fixture f = fixture();
        long routes = db.count("pat_route");
        assertRefused(() -> registry.createTeam(ADMIN, new TeamDraft("1405", "市队")), 400, "county, township or village");
        assertRefused(() -> registry.createTeam(VOLUNTEER, new TeamDraft(VILLAGE, "自发")), 403, "open to");
        assertRefused(() -> registry.createTeam(ADMIN, new TeamDraft("140521100200", "越界")), 403, "outside your area");
        assertRefused(() -> registry.addRoute(ADMIN, f.team.id(), new RouteDraft("镇路线", "140524100",
                List.of(new CheckpointDraft("a", 113.28, 35.77)))), 400, "one village/community");
        assertRefused(() -> registry.addRoute(ADMIN, f.team.id(), new RouteDraft("反了", VILLAGE,
                List.of(new CheckpointDraft("a", 35.77, 113.28)))), 400, "not in China");
        assertRefused(() -> registry.addRoute(ADMIN, f.team.id(), new RouteDraft("空", VILLAGE, List.of())), 400, "1 to 50");
        assertRefused(() -> registry.addMember(ADMIN, f.team.id(), new MemberDraft("vol-1", MemberKind.SAFETY_VOLUNTEER, null)),
                409, "already a member");
        assertRefused(() -> registry.addMember(ADMIN, f.team.id(), new MemberDraft("nobody", MemberKind.SAFETY_VOLUNTEER, null)),
                400, "No user nobody");
        assertRefused(() -> shifts.plan(ADMIN, new ShiftDraft(f.team.id(), f.route.id(),
                OffsetDateTime.parse("2024-05-06T11:00:00+08:00"), OffsetDateTime.parse("2024-05-06T08:00:00+08:00"),
                List.of("vol-1"))), 400, "ends after it starts");
        assertRefused(() -> shifts.plan(ADMIN, new ShiftDraft(f.team.id(), f.route.id(),
                OffsetDateTime.parse("2024-05-06T08:00:00+08:00"), OffsetDateTime.parse("2024-05-06T11:00:00+08:00"),
                List.of("vol-1", "res-x"))), 400, "res-x is not a member");
        assertThat(db.count("pat_route")).isEqualTo(routes);
        assertThat(db.count("pat_shift")).isZero();
        assertThat(db.count("pat_roster")).isZero();
        verify(cases, never()).report(any(), any());
    }

    @Test
    void writesAreAudited() {
        fixture();
        ArgumentCaptor<AuditEntry> entries = ArgumentCaptor.forClass(AuditEntry.class);
        verify(audit, org.mockito.Mockito.atLeast(4)).record(entries.capture());
        assertThat(entries.getAllValues()).extracting(AuditEntry::action)
                .contains("patrol.team.create", "patrol.member.add", "patrol.route.create");
        assertThat(entries.getAllValues()).allSatisfy(e -> assertThat(e.actor()).isEqualTo("lc-admin"));
        assertThat(entries.getAllValues()).noneSatisfy(e -> assertThat(String.valueOf(e.detail())).contains("13912345678"));
    }

    @Test
    void theChangelogAppliesOnceOnTheSameDatabase() throws Exception {
        db.migrate();
        assertThat(db.count("pat_team")).isZero();
    }

    record Fixture(Team team, Route route) {
    }

    private Fixture fixture() {
        Team team = registry.createTeam(ADMIN, new TeamDraft("140524100", "城内巡防队"));
        registry.addMember(ADMIN, team.id(), new MemberDraft("vol-1", MemberKind.SAFETY_VOLUNTEER, null));
        registry.addMember(ADMIN, team.id(), new MemberDraft("cadre-1", MemberKind.VETERAN_CADRE, "139 1234 5678".replace(" ", "")));
        Route route = registry.addRoute(ADMIN, team.id(), new RouteDraft("县城中心线", VILLAGE, List.of(
                new CheckpointDraft("城内社区居委会", POINTS[0][0], POINTS[0][1]),
                new CheckpointDraft("桥头", POINTS[1][0], POINTS[1][1]),
                new CheckpointDraft("农贸市场", POINTS[2][0], POINTS[2][1]))));
        return new Fixture(team, route);
    }

    private Shift plan(Fixture f, String start, String end) {
        return shifts.plan(ADMIN, new ShiftDraft(f.team.id(), f.route.id(), OffsetDateTime.parse(start),
                OffsetDateTime.parse(end), List.of("vol-1", "cadre-1")));
    }

    private static CheckInRequest at(Checkpoint c, double dLon, double dLat) {
        return new CheckInRequest(c.id(), c.longitude() + dLon, c.latitude() + dLat, null);
    }

    private static void assertRefused(Runnable call, int status, String reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.detail()).contains(reason);
        });
    }

    private CaseRecord record(String id, String region, CaseState state) {
        OffsetDateTime at = now[0].atOffset(ZoneOffset.UTC);
        return new CaseRecord(id, "t", "d", "patrol-hazard", Channel.PATROL, state, CaseLevel.VILLAGE, region,
                region + "001", 113.2816, 35.7769, null, "cadre-1", null, null, false, null, at, at, List.of());
    }

    static PatrolConfiguration configuration(int radius, int grace, int closeAfter) {
        return new PatrolConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PatrolConfiguration.class;
            }

            @Override
            public int checkInRadiusMetres() {
                return radius;
            }

            @Override
            public int shiftGraceMinutes() {
                return grace;
            }

            @Override
            public int closeAfterMinutes() {
                return closeAfter;
            }
        };
    }
}
