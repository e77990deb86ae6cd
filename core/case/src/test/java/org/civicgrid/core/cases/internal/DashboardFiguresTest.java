package org.civicgrid.core.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.cases.CaseAction;
import org.civicgrid.core.api.cases.CaseIntake;
import org.civicgrid.core.api.cases.CaseLevel;
import org.civicgrid.core.api.cases.CaseState;
import org.civicgrid.core.api.cases.CaseTrend;
import org.civicgrid.core.api.cases.Channel;
import org.civicgrid.core.api.cases.GridWorkerFigures;
import org.civicgrid.core.api.cases.UnitCaseFigures;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.DirectoryService;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.directory.Unit;
import org.civicgrid.core.api.directory.UnitKind;
import org.civicgrid.core.api.directory.User;
import org.civicgrid.core.api.grid.Grid;
import org.civicgrid.core.api.grid.GridService;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ProblemException;
import org.civicgrid.core.api.security.AuditTrail;
import org.civicgrid.core.api.security.SensitiveData;
import org.civicgrid.core.api.time.PlatformClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.EventAdmin;

/**
 * The dashboards' figures per unit, per grid worker and over time, on a real database (H2 with the changelog applied),
 * from a small county whose every count is worked out by hand below; a case of the neighbouring county, with the
 * same unit, reporter and verifier, must count nowhere in 沁水县 140521.
 */
class DashboardFiguresTest {

    /** 10:00 on 23 November in Asia/Shanghai, the configured zone. */
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private static final LocalDateTime NOW_UTC = LocalDateTime.ofInstant(NOW, ZoneOffset.UTC);
    private static final String VILLAGE = "140521100200";
    private static final String G1 = VILLAGE + "001";
    private static final String G2 = VILLAGE + "002";
    private static final String G3 = "140521101200001";
    private static final Caller OPERATOR = new Caller("op", Set.of(Role.COMMAND_OPERATOR), "140521", null);
    private static final Caller CITY = new Caller("city", Set.of(Role.CITY_ADMIN), "1405", null);

    private CasesDatabase db;
    private JpaCaseService service;

    @BeforeEach
    void service() throws Exception {
        db = new CasesDatabase();
        CasesConfiguration defaults = mock(CasesConfiguration.class, call -> call.getMethod().getDefaultValue());
        PlatformClock clock = mock(PlatformClock.class);
        when(clock.now()).thenReturn(NOW);
        DirectoryService directory = mock(DirectoryService.class);
        when(directory.units(any(), anyString())).thenReturn(List.of(
                new Unit("police", "沁水县公安局", UnitKind.POLICE_STATION, "140521"),
                new Unit("judicial", "沁水县司法局", UnitKind.JUDICIAL_OFFICE, "140521")));
        when(directory.users(any(), anyString())).thenReturn(List.of(
                new User("w1", "张网格", Set.of(Role.GRID_WORKER), VILLAGE, null, true)));
        service = new JpaCaseService(mock(SchemaReady.class), db, mock(RegionService.class), directory,
                mock(EventAdmin.class), clock, mock(SensitiveData.class), mock(AuditTrail.class), defaults);
        GridService grids = mock(GridService.class);
        when(grids.within(any(), eq("140521"))).thenReturn(List.of(
                new Grid(G1, "第1网格", VILLAGE, "{}", List.of("w1"), "lead"),
                new Grid(G2, "第2网格", VILLAGE, "{}", List.of("w1", "w2"), null),
                new Grid(G3, "第3网格", "140521101200", "{}", List.of("w3"), null)));
        service.setGrids(grids);

        insert("a", VILLAGE, G1, "police", CaseState.CLOSED, 5, "w1", at("2026-11-20T03:00"), null);
        step("a", "w1", CaseAction.VERIFY, at("2026-11-21T03:00"));
        step("a", "op", CaseAction.CLOSE, at("2026-11-21T04:00"));
        insert("b", VILLAGE, G1, "police", CaseState.CLOSED, 3, "resident", at("2026-11-20T05:00"), null);
        step("b", JpaCaseService.PLATFORM, CaseAction.SUPERVISE, at("2026-11-20T10:00"));
        step("b", "lead", CaseAction.VERIFY, at("2026-11-22T00:30"));
        step("b", "op", CaseAction.CLOSE, at("2026-11-22T01:00"));
        // 04:00 on 23 November in Shanghai: that day's, not the 22nd's.
        insert("c", VILLAGE, G2, "police", CaseState.IN_HANDLING, null, "w2", at("2026-11-22T20:00"),
                NOW_UTC.minusHours(1));
        insert("d", VILLAGE, G2, "judicial", CaseState.DISPATCHED, null, "w1", at("2026-11-23T01:00"),
                NOW_UTC.plusHours(5));
        insert("e", "140521100", null, "judicial", CaseState.CLOSED, 4, "resident", at("2026-11-10T01:00"), null);
        step("e", "w2", CaseAction.VERIFY, at("2026-11-22T05:00"));
        step("e", "w2", CaseAction.VERIFY, at("2026-11-22T05:10"));
        step("e", "op", CaseAction.CLOSE, at("2026-11-22T06:00"));
        // The neighbouring county: the same unit, reporter and verifier, a closing in the range. Not 140521's.
        insert("outside", "140522100200", "140522100200001", "police", CaseState.CLOSED, 1, "w1",
                at("2026-11-22T02:00"), null);
        step("outside", "w1", CaseAction.VERIFY, at("2026-11-22T03:00"));
        step("outside", "op2", CaseAction.CLOSE, at("2026-11-22T04:00"));
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void eachUnitIsCountedWithTheCasesItHasInTheRegion() {
        assertThat(service.figuresByUnit(OPERATOR, "140521")).containsExactly(
                new UnitCaseFigures("judicial", "沁水县司法局", 2, 1, 1, 0, 1, 1.0, 4.0),
                new UnitCaseFigures("police", "沁水县公安局", 3, 1, 2, 1, 1, 0.5, 4.0));
        // The city counts the neighbouring county's case too: closed on time, rated 1.
        assertThat(service.figuresByUnit(CITY, "1405")).contains(
                new UnitCaseFigures("police", "沁水县公安局", 4, 1, 3, 1, 2, 2.0 / 3, 3.0));
        assertThat(service.figuresByUnit(OPERATOR, "140521101")).isEmpty();
    }

    @Test
    void eachGridWorkerIsCountedWithWhatTheyReportedVerifiedAndTheCasesOfTheirGrids() {
        assertThat(service.figuresByGridWorker(OPERATOR, null)).containsExactly(
                new GridWorkerFigures("lead", null, List.of(G1), 0, 2, 1, 2, 0, 1, 0.5, 4.0),
                new GridWorkerFigures("w1", "张网格", List.of(G1, G2), 2, 4, 1, 2, 1, 1, 0.5, 4.0),
                new GridWorkerFigures("w2", null, List.of(G2), 1, 2, 1, 0, 1, 0, null, null),
                new GridWorkerFigures("w3", null, List.of(G3), 0, 0, 0, 0, 0, 0, null, null));
    }

    @Test
    void theTrendCountsReportsAndClosingsPerDayOfTheCountysCalendar() {
        CaseTrend trend = service.trend(OPERATOR, "140521", LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-23"));
        assertThat(trend.interval()).isEqualTo(CaseTrend.Interval.DAY);
        assertThat(trend.points()).extracting(CaseTrend.Point::start).containsExactly(LocalDate.parse("2026-11-20"),
                LocalDate.parse("2026-11-21"), LocalDate.parse("2026-11-22"), LocalDate.parse("2026-11-23"));
        assertThat(trend.points()).extracting(CaseTrend.Point::reported).containsExactly(2L, 0L, 0L, 2L);
        assertThat(trend.points()).extracting(CaseTrend.Point::closed).containsExactly(0L, 1L, 2L, 0L);
        assertThat(trend.points()).extracting(CaseTrend.Point::closedOnTime).containsExactly(0L, 1L, 1L, 0L);
        assertThat(trend.points()).extracting(CaseTrend.Point::onTimeShare).containsExactly(null, 1.0, 0.5, null);
        // The city's trend has the neighbouring county's report and closing on the 22nd.
        CaseTrend city = service.trend(CITY, "1405", LocalDate.parse("2026-11-22"), LocalDate.parse("2026-11-22"));
        assertThat(city.points()).singleElement().satisfies(p -> {
            assertThat(p.reported()).isEqualTo(1);
            assertThat(p.closed()).isEqualTo(3);
        });
    }

    @Test
    void theTrendIsTheLast30DaysByDefaultAndPerWeekOverLongRanges() {
        CaseTrend recent = service.trend(OPERATOR, null, null, null);
        assertThat(recent.from()).isEqualTo(LocalDate.parse("2026-10-25"));
        assertThat(recent.to()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(recent.points()).hasSize(30);
        assertThat(recent.points().stream().mapToLong(CaseTrend.Point::reported).sum()).isEqualTo(5);

        CaseTrend longer = service.trend(OPERATOR, null, LocalDate.parse("2026-08-17"), LocalDate.parse("2026-11-23"));
        assertThat(longer.interval()).isEqualTo(CaseTrend.Interval.WEEK);
        assertThat(longer.points()).hasSize(15);
        assertThat(longer.points().get(14).start()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(longer.points().get(14).end()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(longer.points().get(13).end()).isEqualTo(LocalDate.parse("2026-11-22"));
        assertThat(longer.points().stream().mapToLong(CaseTrend.Point::reported).sum()).isEqualTo(5);
        assertThat(longer.points().stream().mapToLong(CaseTrend.Point::closed).sum()).isEqualTo(3);
    }

    @Test
    void badRangesAndCallersOutsideAreRefusedAsTheFiguresAre() {
        assertThatThrownBy(() -> service.trend(OPERATOR, null, LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-23")))
                .isInstanceOf(ProblemException.class).hasMessageContaining("after")
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(400));
        assertThatThrownBy(() -> service.trend(OPERATOR, null, LocalDate.parse("2025-11-22"), LocalDate.parse("2026-11-23")))
                .isInstanceOf(ProblemException.class).hasMessageContaining("at most 366 days")
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(400));
        assertThat(service.trend(OPERATOR, null, LocalDate.parse("2025-11-23"), LocalDate.parse("2026-11-23")).points())
                .hasSize(53);

        Caller township = new Caller("t", Set.of(Role.COMMAND_OPERATOR), "140521100", null);
        Caller neighbour = new Caller("n", Set.of(Role.COMMAND_OPERATOR), "140522", null);
        Caller resident = new Caller("w1", Set.of(Role.RESIDENT), VILLAGE, null);
        for (Caller caller : List.of(township, neighbour)) {
            assertThatThrownBy(() -> service.figuresByUnit(caller, "140521")).hasMessageContaining("outside your area");
            assertThatThrownBy(() -> service.figuresByGridWorker(caller, "140521")).hasMessageContaining("outside your area");
            assertThatThrownBy(() -> service.trend(caller, "140521", null, null)).hasMessageContaining("outside your area");
        }
        assertThatThrownBy(() -> service.figuresByUnit(resident, null)).hasMessageContaining("staff");
        assertThatThrownBy(() -> service.figuresByGridWorker(resident, null)).hasMessageContaining("staff");
        assertThatThrownBy(() -> service.trend(resident, null, null, null)).hasMessageContaining("staff");
        // A grid worker sees the figures of their own area, as with the other figures.
        Caller worker = new Caller("w2", Set.of(Role.GRID_WORKER), "140521100", null);
        assertThat(service.figuresByUnit(worker, null)).extracting(UnitCaseFigures::received).containsExactly(2L, 3L);
    }

    private static LocalDateTime at(String utc) {
        return LocalDateTime.parse(utc);
    }

    private void insert(String id, String region, String grid, String unit, CaseState state, Integer rating,
                        String reporter, LocalDateTime reported, LocalDateTime deadline) {
        CaseEntity c = new CaseEntity(id, new CaseIntake("标题 " + id, "描述", "noise", Channel.APP, region, null, null,
                null), CaseLevel.VILLAGE, grid, reporter, reported, deadline);
        c.state(state);
        c.unitId(unit);
        c.rating(rating);
        db.tx(TransactionType.Required, em -> em.persist(c));
    }

    private void step(String caseId, String actor, CaseAction action, LocalDateTime at) {
        db.tx(TransactionType.Required, em -> {
            long seq = em.createQuery("select count(s) from CaseStepEntity s where s.caseId = :id", Long.class)
                    .setParameter("id", caseId).getSingleResult();
            em.persist(new CaseStepEntity(UUID.randomUUID().toString(), caseId, (int) seq + 2, at, actor, action,
                    CaseState.HANDLED, CaseState.CLOSED, null, null));
        });
    }
}
