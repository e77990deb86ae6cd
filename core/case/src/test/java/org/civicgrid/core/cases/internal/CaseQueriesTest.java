package org.civicgrid.core.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.civicgrid.core.api.cases.CaseFigures;
import org.civicgrid.core.api.cases.CaseIntake;
import org.civicgrid.core.api.cases.CaseLevel;
import org.civicgrid.core.api.cases.CaseQuery;
import org.civicgrid.core.api.cases.CaseRecord;
import org.civicgrid.core.api.cases.CaseState;
import org.civicgrid.core.api.cases.Channel;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.DirectoryService;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ProblemException;
import org.civicgrid.core.api.security.AuditTrail;
import org.civicgrid.core.api.security.SensitiveData;
import org.civicgrid.core.api.time.PlatformClock;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.EventAdmin;

/**
 * The case queries on a real database (H2 with the changelog applied, through EclipseLink): a region's subtree
 * as a range selects exactly the codes that start with the region's, the overdue list is most overdue first, and
 * the figures in one pass equal those of the separate queries they replace.
 */
class CaseQueriesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private static final LocalDateTime NOW_UTC = LocalDateTime.ofInstant(NOW, ZoneOffset.UTC);
    /** Reaches every region: the subtree of the empty code. */
    private static final Caller EVERYWHERE = new Caller("admin", Set.of(Role.COMMAND_OPERATOR), "", null);
    private static final Set<CaseState> OPEN = EnumSet.complementOf(
            EnumSet.of(CaseState.CLOSED, CaseState.REJECTED, CaseState.VERIFIED));

    /**
     * Codes around 沁水县 140521: its city, township, village and the last village code it could have; the
     * neighbouring counties 140520 and 140522 and their villages; the next city; and codes of lengths the catalog
     * does not use (5, 7 digits), which share prefixes with the real ones.
     */
    private static final List<String> CODES = List.of("14", "1405", "14052", "140520", "140520999999", "140521",
            "1405211", "1405219", "140521100", "140521100200", "140521199999", "140521999999", "140522",
            "140522100200", "14059", "140599999999", "1406", "140600000000", "141", "2");

    private CasesDatabase db;
    private JpaCaseService service;

    @BeforeEach
    void service() throws Exception {
        db = new CasesDatabase();
        CasesConfiguration defaults = mock(CasesConfiguration.class, call -> call.getMethod().getDefaultValue());
        PlatformClock clock = mock(PlatformClock.class);
        when(clock.now()).thenReturn(NOW);
        service = new JpaCaseService(mock(SchemaReady.class), db, mock(RegionService.class),
                mock(DirectoryService.class), mock(EventAdmin.class), clock, mock(SensitiveData.class),
                mock(AuditTrail.class), defaults);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void aRegionsSubtreeIsExactlyTheCodesThatStartWithItsCode() {
        for (String code : CODES) {
            insert("case-" + code, code, CaseState.REPORTED, CaseLevel.VILLAGE, "noise", null, NOW_UTC.plusHours(1));
        }
        List<String> prefixes = new ArrayList<>(List.of("", "1", "14", "140", "1405", "14052", "140520", "140521",
                "1405211", "140521100", "140521100200", "140521999999", "140522", "14059", "1406", "141", "2", "3"));
        for (String prefix : prefixes) {
            List<String> expected = CODES.stream().filter(c -> c.startsWith(prefix)).sorted().toList();
            assertThat(searchedCodes(prefix)).as("search of %s", prefix).isEqualTo(expected);
            assertThat(service.figures(EVERYWHERE, prefix).total()).as("figures of %s", prefix).isEqualTo(expected.size());
            // What the LIKE of before selected, on the same rows.
            List<String> liked = db.txExpr(TransactionType.Supports, em -> em.createQuery(
                    "select c.regionCode from CaseEntity c where c.regionCode like :region order by c.regionCode", String.class)
                    .setParameter("region", prefix + "%").getResultList());
            assertThat(liked).as("like %s", prefix).isEqualTo(expected);
        }
        // A grid code (15 digits) and anything that is not digits start no stored region code.
        for (String none : List.of("140521100200001", "1405211002001", "14052_", "1405%", "abc", "1405a")) {
            assertThat(searchedCodes(none)).as("search of %s", none).isEmpty();
            CaseFigures figures = service.figures(EVERYWHERE, none);
            assertThat(figures.total()).isZero();
            assertThat(figures.byState()).isEmpty();
            assertThat(figures.averageRating()).isNull();
        }
    }

    @Test
    void theRangeAgreesWithThePrefixForEveryDigitCodeUpToTwelve() {
        // Digits 0, 1, 8 and 9 only, to meet the boundaries of the padding often.
        Random random = new Random(20261123L);
        char[] digits = {'0', '1', '8', '9'};
        for (int i = 0; i < 200_000; i++) {
            String prefix = digitString(random, digits, random.nextInt(RegionRange.CODE_MAX + 1));
            String code = random.nextBoolean()
                    ? prefix + digitString(random, digits, random.nextInt(RegionRange.CODE_MAX - prefix.length() + 1))
                    : digitString(random, digits, random.nextInt(RegionRange.CODE_MAX + 1));
            assertThat(RegionRange.of(prefix).contains(code)).as("%s in %s", code, RegionRange.of(prefix))
                    .isEqualTo(code.startsWith(prefix));
        }
        assertThat(RegionRange.of("140521")).hasToString("[140521, 140521999999]");
        assertThat(RegionRange.of("140521100200").high()).isEqualTo("140521100200");
        assertThat(RegionRange.of("").high()).isEqualTo("999999999999");
        assertThat(RegionRange.of("1405211002001").isEmpty()).isTrue();
        assertThat(RegionRange.of("14052 ").isEmpty()).isTrue();
        assertThat(RegionRange.of(null).isEmpty()).isTrue();
    }

    @Test
    void theOverdueListIsMostOverdueFirstThenById() {
        insert("d", "140521100200", CaseState.DISPATCHED, CaseLevel.VILLAGE, "noise", null, NOW_UTC.minusHours(2));
        insert("b", "140521100", CaseState.IN_HANDLING, CaseLevel.TOWNSHIP, "noise", null, NOW_UTC.minusDays(1));
        insert("a", "140521", CaseState.REGISTERED, CaseLevel.COUNTY, "noise", null, NOW_UTC.minusDays(1));
        insert("c", "140521100200", CaseState.HANDLED, CaseLevel.VILLAGE, "noise", 4, NOW_UTC.minusDays(3));
        insert("e", "140521100200", CaseState.REPORTED, CaseLevel.VILLAGE, "noise", null, NOW_UTC.plusHours(1));
        insert("f", "140521100200", CaseState.CLOSED, CaseLevel.VILLAGE, "noise", 5, NOW_UTC.minusDays(5));
        insert("g", "140522100200", CaseState.DISPATCHED, CaseLevel.VILLAGE, "noise", null, NOW_UTC.minusDays(9));
        insert("h", "1405", CaseState.DISPATCHED, CaseLevel.CITY, "noise", null, NOW_UTC.minusDays(8));
        assertThat(search("140521", true)).extracting(CaseRecord::id).containsExactly("c", "a", "b", "d");
        assertThat(search("140521", true)).allMatch(CaseRecord::overdue);
        assertThat(search("1405", true)).extracting(CaseRecord::id).containsExactly("g", "h", "c", "a", "b", "d");
        assertThat(service.figures(EVERYWHERE, "140521").overdue()).isEqualTo(4);
        assertThat(service.figures(EVERYWHERE, "1405").overdue()).isEqualTo(6);
        // Other lists keep their order: the last changed first.
        assertThat(search("140521", false)).hasSize(6);
    }

    @Test
    void theFiguresInOnePassEqualTheSeparateQueriesTheyReplace() {
        Random random = new Random(7);
        String[] codes = CODES.stream().filter(c -> c.length() >= 4).toArray(String[]::new);
        String[] categories = {"noise", "road-damage", "street-light", "sanitation", "other"};
        CaseState[] states = CaseState.values();
        CaseLevel[] levels = CaseLevel.values();
        for (int i = 0; i < 600; i++) {
            CaseState state = states[random.nextInt(states.length)];
            Integer rating = random.nextInt(3) == 0 ? 1 + random.nextInt(5) : null;
            LocalDateTime deadline = random.nextInt(10) == 0 ? null : NOW_UTC.plusHours(random.nextInt(200) - 100);
            insert(String.format("case-%04d", i), codes[random.nextInt(codes.length)], state,
                    levels[random.nextInt(levels.length)], categories[random.nextInt(categories.length)], rating, deadline);
        }
        for (String region : List.of("", "14", "1405", "14052", "140521", "140521100", "140521100200", "140522",
                "1406", "2", "140521100200001")) {
            CaseFigures now = service.figures(EVERYWHERE, region);
            CaseFigures before = db.txExpr(TransactionType.Supports, em -> figuresAsBefore(em, region));
            assertThat(now).usingRecursiveComparison().ignoringFields("averageRating").as("figures of %s", region)
                    .isEqualTo(before);
            if (before.averageRating() == null) {
                assertThat(now.averageRating()).as("rating of %s", region).isNull();
            } else {
                assertThat(now.averageRating()).as("rating of %s", region).isCloseTo(before.averageRating(), within(1e-12));
            }
            assertThat(now.byState()).isInstanceOf(EnumMap.class);
            assertThat(now.byCategory()).isInstanceOf(TreeMap.class);
        }
        assertThat(service.figures(EVERYWHERE, "1405").total()).isGreaterThan(300);
    }

    @Test
    void thePartialIndexListsTheOpenStatesOfTheCode() throws Exception {
        String changelog;
        try (InputStream in = getClass().getResourceAsStream("/db/changelog/org.civicgrid.core.cases.xml")) {
            changelog = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher partial = Pattern.compile("ix_cg_case_open_region_deadline on cg_case \\(region_code, deadline\\)\\s+"
                + "where state in \\(([^)]*)\\)").matcher(changelog);
        assertThat(partial.find()).isTrue();
        Set<String> indexed = Arrays.stream(partial.group(1).split(","))
                .map(s -> s.strip().replace("'", "")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> open = OPEN.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(indexed).isEqualTo(open);
        assertThat(JpaCaseService.OPEN_STATES).isEqualTo(OPEN.stream().map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", ", "(", ")")));
        // On H2, the fallback indexes exist.
        try (Connection c = db.connection(); ResultSet rs = c.createStatement().executeQuery(
                "select index_name from information_schema.indexes where table_name = 'CG_CASE'")) {
            Set<String> indexes = new TreeSet<>();
            while (rs.next()) {
                indexes.add(rs.getString(1).toLowerCase());
            }
            assertThat(indexes).contains("ix_cg_case_region_groups", "ix_cg_case_region_deadline");
        }
    }

    /** The figures as the five queries before one pass computed them, word for word. */
    private static CaseFigures figuresAsBefore(EntityManager em, String region) {
        String prefix = region + "%";
        Map<CaseState, Long> byState = new EnumMap<>(CaseState.class);
        grouped(em, "c.state", "", prefix).forEach((k, v) -> byState.put(CaseState.valueOf(k), v));
        Map<CaseLevel, Long> byLevel = new EnumMap<>(CaseLevel.class);
        grouped(em, "c.level", "", prefix).forEach((k, v) -> byLevel.put(CaseLevel.valueOf(k), v));
        Map<CaseLevel, Long> closedByLevel = new EnumMap<>(CaseLevel.class);
        grouped(em, "c.level", " and c.state = 'CLOSED'", prefix)
                .forEach((k, v) -> closedByLevel.put(CaseLevel.valueOf(k), v));
        Map<String, Long> byCategory = new TreeMap<>(grouped(em, "c.category", "", prefix));
        long overdue = em.createQuery("select count(c) from CaseEntity c where c.regionCode like :region "
                        + "and c.deadline < :now and c.state in :open", Long.class)
                .setParameter("region", prefix).setParameter("now", NOW_UTC)
                .setParameter("open", OPEN.stream().map(Enum::name).toList()).getSingleResult();
        Double rating = em.createQuery("select avg(c.rating) from CaseEntity c where c.regionCode like :region "
                + "and c.rating is not null", Double.class).setParameter("region", prefix).getSingleResult();
        long total = byState.values().stream().mapToLong(Long::longValue).sum();
        return new CaseFigures(region, total, byState, byCategory, byLevel, closedByLevel, overdue, rating);
    }

    private static Map<String, Long> grouped(EntityManager em, String field, String condition, String prefix) {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery("select " + field + ", count(c) from CaseEntity c where c.regionCode like :region"
                + condition + " group by " + field, Object[].class).setParameter("region", prefix).getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    @Test
    void theToDoListHoldsTheCasesWhoseNextStepIsTheCallersToTake() {
        String village = "140521100200";
        insertFor("reported", village, CaseState.REPORTED, null, "resident-1");
        insertFor("registered", village, CaseState.REGISTERED, null, "resident-1");
        insertFor("dispatched-police", village, CaseState.DISPATCHED, "police", "resident-1");
        insertFor("handling-police", village, CaseState.IN_HANDLING, "police", "resident-1");
        insertFor("handling-judicial", village, CaseState.IN_HANDLING, "judicial", "resident-1");
        insertFor("extension", village, CaseState.EXTENSION_REQUESTED, "police", "resident-1");
        insertFor("handled-by-resident-1", village, CaseState.HANDLED, "police", "resident-1");
        insertFor("handled-by-resident-2", village, CaseState.HANDLED, "police", "resident-2");
        insertFor("verified", village, CaseState.VERIFIED, "police", "resident-1");
        insertFor("closed", village, CaseState.CLOSED, "police", "resident-1");
        insertFor("rejected", village, CaseState.REJECTED, null, "resident-1");
        insertFor("elsewhere", "140522100200", CaseState.REPORTED, null, "resident-3");

        Caller operator = new Caller("op", Set.of(Role.COMMAND_OPERATOR), "140521", null);
        Caller police = new Caller("p", Set.of(Role.DEPARTMENT_HANDLER), "140521", "police");
        Caller worker = new Caller("w", Set.of(Role.GRID_WORKER), "140521100", null);
        Caller resident = new Caller("resident-1", Set.of(Role.RESIDENT), village, null);

        assertThat(toDo(operator)).containsExactlyInAnyOrder("reported", "registered", "extension", "verified");
        assertThat(toDo(police)).containsExactlyInAnyOrder("dispatched-police", "handling-police");
        assertThat(toDo(worker)).containsExactlyInAnyOrder("handled-by-resident-1", "handled-by-resident-2");
        assertThat(toDo(resident)).containsExactly("handled-by-resident-1");
        // Every case on a to-do list is one its owner may take the step on, as the workflow sees it.
        for (Caller caller : List.of(operator, police, worker, resident)) {
            for (CaseRecord c : service.search(caller, new CaseQuery(null, null, null, null, false, null, 0, 200,
                    null, null, true, null))) {
                CaseWorkflow.Facts facts = new CaseWorkflow.Facts(c.state(), c.level(), c.regionCode(),
                        c.reporterId(), c.unitId(), c.rating());
                assertThat(CaseWorkflow.TO_DO.stream().anyMatch(action -> CaseWorkflow.RULES.get(action).from()
                        .contains(c.state()) && CaseWorkflow.mayAct(caller, CaseWorkflow.RULES.get(action).actor(), facts)))
                        .as("%s may act on %s", caller.userId(), c.id()).isTrue();
            }
        }
    }

    @Test
    void casesAreSortedAsAskedWithThoseWithoutADeadlineLast() {
        insert("soon", "140521100200", CaseState.REGISTERED, CaseLevel.VILLAGE, "noise", null, NOW_UTC.plusHours(1));
        insert("later", "140521100200", CaseState.REGISTERED, CaseLevel.VILLAGE, "noise", null, NOW_UTC.plusHours(5));
        insert("none", "140521100200", CaseState.CLOSED, CaseLevel.VILLAGE, "noise", null, null);
        insert("past", "140521100200", CaseState.DISPATCHED, CaseLevel.VILLAGE, "noise", null, NOW_UTC.minusHours(2));

        assertThat(sorted("deadline")).containsExactly("past", "soon", "later", "none");
        assertThat(sorted("-deadline")).containsExactly("later", "soon", "past", "none");
        assertThatThrownBy(() -> sorted("priority")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("sort is one of");
    }

    @Test
    void eachRegionBelowIsCountedWithItsOpenOverdueAndClosedCases() {
        insert("a1", "140521100200", CaseState.REGISTERED, CaseLevel.VILLAGE, "noise", null, NOW_UTC.minusHours(1));
        insert("a2", "140521100201", CaseState.CLOSED, CaseLevel.VILLAGE, "noise", 5, null);
        insert("a3", "140521100", CaseState.IN_HANDLING, CaseLevel.TOWNSHIP, "noise", null, NOW_UTC.plusHours(1));
        insert("b1", "140521101200", CaseState.CLOSED, CaseLevel.TOWNSHIP, "noise", 4, null);
        insert("county", "140521", CaseState.REPORTED, CaseLevel.COUNTY, "noise", null, NOW_UTC.plusHours(1));
        insert("neighbour", "140522100200", CaseState.REPORTED, CaseLevel.VILLAGE, "noise", null, NOW_UTC.minusHours(1));

        assertThat(service.figuresByRegion(EVERYWHERE, "140521")).containsExactly(
                new org.civicgrid.core.api.cases.RegionCaseCount("140521", 1, 1, 0, 0),
                new org.civicgrid.core.api.cases.RegionCaseCount("140521100", 3, 2, 1, 1),
                new org.civicgrid.core.api.cases.RegionCaseCount("140521101", 1, 0, 0, 1));
        assertThat(service.figuresByRegion(EVERYWHERE, "1405")).extracting(c -> c.regionCode() + "=" + c.total())
                .containsExactly("140521=5", "140522=1");
        assertThat(service.figuresByRegion(EVERYWHERE, "140521100")).extracting(c -> c.regionCode() + "=" + c.total())
                .containsExactly("140521100=1", "140521100200=1", "140521100201=1");
        Caller township = new Caller("t", Set.of(Role.COMMAND_OPERATOR), "140521100", null);
        assertThatThrownBy(() -> service.figuresByRegion(township, "140521")).hasMessageContaining("outside your area");
        Caller resident = new Caller("r", Set.of(Role.RESIDENT), "140521100200", null);
        assertThatThrownBy(() -> service.figuresByRegion(resident, null)).hasMessageContaining("staff");

        CaseFigures figures = service.figures(EVERYWHERE, "140521");
        assertThat(figures.closedShareByLevel()).containsEntry(CaseLevel.VILLAGE, 0.5).containsEntry(CaseLevel.TOWNSHIP, 0.5);
        assertThat(service.figures(EVERYWHERE, "140522").closedShareByLevel()).isEmpty();
    }

    private List<String> sorted(String sort) {
        return service.search(EVERYWHERE, new CaseQuery("140521", null, null, null, false, null, 0, 200, null, null,
                false, sort)).stream().map(CaseRecord::id).toList();
    }

    private List<String> toDo(Caller caller) {
        return service.search(caller, new CaseQuery(null, null, null, null, false, null, 0, 200, null, null, true,
                null)).stream().map(CaseRecord::id).toList();
    }

    private void insertFor(String id, String region, CaseState state, String unit, String reporter) {
        CaseEntity c = new CaseEntity(id, new CaseIntake("标题 " + id, "描述", "noise", Channel.APP, region, null, null,
                null), CaseLevel.VILLAGE, reporter, NOW_UTC.minusDays(1), NOW_UTC.plusDays(1));
        c.state(state);
        c.unitId(unit);
        db.tx(TransactionType.Required, em -> em.persist(c));
    }

    private List<String> searchedCodes(String region) {
        return service.search(EVERYWHERE, new CaseQuery(region, null, null, null, false, null, 0, 200, null, null))
                .stream().map(CaseRecord::regionCode).sorted().toList();
    }

    private List<CaseRecord> search(String region, boolean overdue) {
        return service.search(EVERYWHERE, new CaseQuery(region, null, null, null, overdue, null, 0, 200, null, null));
    }

    private void insert(String id, String region, CaseState state, CaseLevel level, String category, Integer rating,
                        LocalDateTime deadline) {
        CaseEntity c = new CaseEntity(id, new CaseIntake("标题 " + id, "描述", category, Channel.APP, region, null, null,
                null), level, "someone", NOW_UTC.minusDays(10), deadline);
        c.state(state);
        c.rating(rating);
        db.tx(TransactionType.Required, em -> em.persist(c));
    }

    private static String digitString(Random random, char[] digits, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = digits[random.nextInt(digits.length)];
        }
        return new String(chars);
    }
}
