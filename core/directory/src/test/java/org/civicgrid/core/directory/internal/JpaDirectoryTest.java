package org.civicgrid.core.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.NewUser;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.directory.Unit;
import org.civicgrid.core.api.directory.UnitKind;
import org.civicgrid.core.api.directory.User;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ProblemException;
import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.time.PlatformClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The directory on a real database (H2 with the changelog applied, through EclipseLink): who sees and creates
 * which users and units, what a new user must look like, the separation of administrator duties, and sign-in
 * with its lockout after wrong passwords.
 */
class JpaDirectoryTest {

    private static final String CITY_CODE = "1405";
    private static final String QINSHUI = "140521";
    private static final String LONGGANG = "140521100";
    private static final String ZHONGCUN = "140521101";
    private static final String YANGCHENG = "140522";

    private static final Map<String, Region> REGIONS = Stream.of(
            new Region(CITY_CODE, "晋城市", RegionLevel.CITY, "14"),
            new Region(QINSHUI, "沁水县", RegionLevel.COUNTY, CITY_CODE),
            new Region(LONGGANG, "龙港镇", RegionLevel.TOWNSHIP, QINSHUI),
            new Region(ZHONGCUN, "中村镇", RegionLevel.TOWNSHIP, QINSHUI),
            new Region(YANGCHENG, "阳城县", RegionLevel.COUNTY, CITY_CODE),
            new Region("140522100", "凤城镇", RegionLevel.TOWNSHIP, YANGCHENG))
            .collect(Collectors.toMap(Region::code, Function.identity()));

    private static final Caller CITY_ADMIN = new Caller("jincheng-admin", Set.of(Role.CITY_ADMIN), CITY_CODE, null);
    private static final Caller QINSHUI_ADMIN = new Caller("qinshui-admin", Set.of(Role.COUNTY_ADMIN), QINSHUI, null);
    private static final Caller QINSHUI_SECURITY = new Caller("qinshui-security", Set.of(Role.SECURITY_ADMIN), QINSHUI, null);
    private static final Caller QINSHUI_AUDITOR = new Caller("qinshui-auditor", Set.of(Role.AUDIT_ADMIN), QINSHUI, null);
    private static final Caller LONGGANG_OPERATOR = new Caller("longgang-staff", Set.of(Role.COMMAND_OPERATOR), LONGGANG, null);

    private static final String PASSWORD = "Correct-horse-battery-42";
    /** A cheap Argon2id cost keeps the tests fast; PasswordHasherTest covers the production cost. */
    private static final PasswordHasher.Cost CHEAP = new PasswordHasher.Cost(64, 1, 1);
    private static final Instant START = Instant.parse("2026-11-23T02:00:00Z");

    private DirectoryDatabase db;
    private RegionService regions;
    private PlatformClock clock;
    private JpaDirectory directory;
    private final List<AuditEntry> audited = new ArrayList<>();
    private Instant now = START;

    @BeforeEach
    void directory() throws Exception {
        db = new DirectoryDatabase();
        RegionService regions = mock(RegionService.class);
        when(regions.find(anyString()))
                .thenAnswer(call -> Optional.ofNullable(REGIONS.get(call.<String>getArgument(0))));
        PlatformClock clock = mock(PlatformClock.class);
        when(clock.now()).thenAnswer(call -> now);
        this.regions = regions;
        this.clock = clock;
        directory = new JpaDirectory(db, regions, new PasswordHasher(CHEAP), audited::add, clock, new TestSealing(), policy(3, 30));

        directory.createUnit(CITY_ADMIN, new Unit("qinshui-command", "沁水县综治中心", UnitKind.COMMAND_CENTRE, QINSHUI));
        directory.createUnit(CITY_ADMIN, new Unit("longgang-judicial", "龙港镇司法所", UnitKind.JUDICIAL_OFFICE, LONGGANG));
        directory.createUnit(CITY_ADMIN, new Unit("yangcheng-command", "阳城县综治中心", UnitKind.COMMAND_CENTRE, YANGCHENG));
        directory.createUser(CITY_ADMIN, newUser("qinshui-operator", Set.of(Role.COMMAND_OPERATOR), QINSHUI, "qinshui-command"));
        directory.createUser(CITY_ADMIN, newUser("longgang-worker", Set.of(Role.GRID_WORKER), LONGGANG, null));
        directory.createUser(CITY_ADMIN, newUser("zhongcun-worker", Set.of(Role.GRID_WORKER), ZHONGCUN, null));
        directory.createUser(CITY_ADMIN, newUser("yangcheng-operator", Set.of(Role.COMMAND_OPERATOR), YANGCHENG, "yangcheng-command"));
        audited.clear();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    /** Everyone reads and writes inside their own region subtree only. */
    @Nested
    class Reach {

        @Test
        void aCountyAdministratorListsTheUsersAndUnitsOfItsCountyAndEverythingUnderIt() {
            assertThat(directory.users(QINSHUI_ADMIN, QINSHUI)).extracting(User::id)
                    .containsExactly("longgang-worker", "qinshui-operator", "zhongcun-worker");
            assertThat(directory.users(QINSHUI_ADMIN, LONGGANG)).extracting(User::id).containsExactly("longgang-worker");
            assertThat(directory.units(QINSHUI_ADMIN, QINSHUI)).extracting(Unit::id)
                    .containsExactly("longgang-judicial", "qinshui-command");
        }

        @Test
        void aCountyAdministratorCannotListTheNeighbouringCountyOrTheCityAboveIt() {
            for (String outside : List.of(YANGCHENG, "140522100", CITY_CODE)) {
                assertProblem(() -> directory.users(QINSHUI_ADMIN, outside), 403).hasMessageContaining("outside your area");
                assertProblem(() -> directory.units(QINSHUI_ADMIN, outside), 403).hasMessageContaining("outside your area");
            }
            assertProblem(() -> directory.users(QINSHUI_ADMIN, null), 403);
        }

        @Test
        void aUserOrUnitOfAnotherCountyLooksAbsentRatherThanForbidden() {
            assertThat(directory.user(QINSHUI_ADMIN, "yangcheng-operator")).isEmpty();
            assertThat(directory.unit(QINSHUI_ADMIN, "yangcheng-command")).isEmpty();
            assertThat(directory.user(QINSHUI_ADMIN, "no-such-user")).isEmpty();
            assertThat(directory.user(QINSHUI_ADMIN, "qinshui-operator")).map(User::unitId).contains("qinshui-command");
            assertThat(directory.unit(QINSHUI_ADMIN, "longgang-judicial")).map(Unit::regionCode).contains(LONGGANG);
        }

        @Test
        void aTownshipUserSeesOnlyItsTownship() {
            assertThat(directory.users(LONGGANG_OPERATOR, LONGGANG)).extracting(User::id).containsExactly("longgang-worker");
            assertThat(directory.units(LONGGANG_OPERATOR, LONGGANG)).extracting(Unit::id).containsExactly("longgang-judicial");
            assertProblem(() -> directory.users(LONGGANG_OPERATOR, QINSHUI), 403);
            assertProblem(() -> directory.users(LONGGANG_OPERATOR, ZHONGCUN), 403);
            assertThat(directory.user(LONGGANG_OPERATOR, "zhongcun-worker")).isEmpty();
            assertThat(directory.user(LONGGANG_OPERATOR, "qinshui-operator")).isEmpty();
            assertThat(directory.unit(LONGGANG_OPERATOR, "qinshui-command")).isEmpty();
        }

        @Test
        void aCityAdministratorSeesEveryCounty() {
            assertThat(directory.users(CITY_ADMIN, CITY_CODE)).extracting(User::id).containsExactly(
                    "longgang-worker", "qinshui-operator", "yangcheng-operator", "zhongcun-worker");
            assertThat(directory.units(CITY_ADMIN, YANGCHENG)).extracting(Unit::id).containsExactly("yangcheng-command");
            assertThat(directory.user(CITY_ADMIN, "yangcheng-operator")).isPresent();
            assertThat(directory.unit(CITY_ADMIN, "longgang-judicial")).isPresent();
        }

        @Test
        void aCountyAdministratorCreatesUsersAndUnitsInItsCountyButNotInTheNeighbouringOne() {
            directory.createUnit(QINSHUI_ADMIN, new Unit("zhongcun-police", "中村派出所", UnitKind.POLICE_STATION, ZHONGCUN));
            directory.createUser(QINSHUI_ADMIN, newUser("zhongcun-officer", Set.of(Role.DEPARTMENT_HANDLER), ZHONGCUN, "zhongcun-police"));
            assertThat(directory.users(QINSHUI_ADMIN, ZHONGCUN)).extracting(User::id)
                    .containsExactly("zhongcun-officer", "zhongcun-worker");

            assertProblem(() -> directory.createUser(QINSHUI_ADMIN,
                    newUser("yangcheng-worker", Set.of(Role.GRID_WORKER), "140522100", null)), 403)
                    .hasMessageContaining("outside your area");
            assertProblem(() -> directory.createUnit(QINSHUI_ADMIN,
                    new Unit("yangcheng-police", "凤城派出所", UnitKind.POLICE_STATION, YANGCHENG)), 403)
                    .hasMessageContaining("outside your area");
            assertThat(directory.users(CITY_ADMIN, YANGCHENG)).extracting(User::id).containsExactly("yangcheng-operator");
            assertThat(directory.units(CITY_ADMIN, YANGCHENG)).extracting(Unit::id).containsExactly("yangcheng-command");
        }

        @Test
        void aNewUserCannotBePlacedInAUnitOfAnotherCounty() {
            assertProblem(() -> directory.createUser(QINSHUI_ADMIN,
                    newUser("qinshui-handler", Set.of(Role.DEPARTMENT_HANDLER), QINSHUI, "yangcheng-command")), 400)
                    .hasMessageContaining("unitId yangcheng-command is not a unit within your area");
            assertThat(directory.user(CITY_ADMIN, "qinshui-handler")).isEmpty();
        }

        @Test
        void onlyAdministratorsCreateUsersAndUnits() {
            for (Caller notAnAdministrator : List.of(LONGGANG_OPERATOR, QINSHUI_AUDITOR)) {
                assertProblem(() -> directory.createUser(notAnAdministrator,
                        newUser("longgang-worker-2", Set.of(Role.GRID_WORKER), LONGGANG, null)), 403)
                        .hasMessageContaining("Only a county, city or security administrator");
                assertProblem(() -> directory.createUnit(notAnAdministrator,
                        new Unit("longgang-police", "龙港派出所", UnitKind.POLICE_STATION, LONGGANG)), 403);
            }
            assertThat(db.count("cg_user")).isEqualTo(4);
            assertThat(db.count("cg_unit")).isEqualTo(3);

            assertThat(directory.createUser(QINSHUI_SECURITY,
                    newUser("longgang-worker-2", Set.of(Role.GRID_WORKER), LONGGANG, null)).id()).isEqualTo("longgang-worker-2");
        }

        @Test
        void residentsAndAuditAdministratorsReadNoOneElsesAccount() {
            Caller resident = new Caller("longgang-worker", Set.of(Role.RESIDENT), LONGGANG, null);
            for (Caller caller : List.of(resident, QINSHUI_AUDITOR)) {
                assertProblem(() -> directory.users(caller, caller.regionCode()), 403)
                        .hasMessageContaining("not for residents or the audit administrator");
                assertThat(directory.user(caller, "qinshui-operator")).isEmpty();
            }
            assertThat(directory.user(resident, "longgang-worker")).as("oneself").isPresent();
            // A working role besides opens the directory as that role.
            Caller auditingWorker = new Caller("qinshui-auditor", Set.of(Role.AUDIT_ADMIN, Role.GRID_WORKER), QINSHUI, null);
            assertThat(directory.users(auditingWorker, LONGGANG)).extracting(User::id).containsExactly("longgang-worker");
        }

        @Test
        void theSecurityAdministratorKeepsAccountsAndCreatesNoUnit() {
            assertProblem(() -> directory.createUnit(QINSHUI_SECURITY,
                    new Unit("longgang-police", "龙港派出所", UnitKind.POLICE_STATION, LONGGANG)), 403)
                    .hasMessageContaining("Only a county or city administrator can create a unit");
            assertThat(directory.unit(CITY_ADMIN, "longgang-police")).isEmpty();
            assertThat(db.count("cg_unit")).isEqualTo(3);
            assertThat(directory.users(QINSHUI_SECURITY, QINSHUI)).extracting(User::id)
                    .containsExactly("longgang-worker", "qinshui-operator", "zhongcun-worker");
        }

        @Test
        void onlyACityAdministratorCreatesACityAdministrator() {
            assertProblem(() -> directory.createUser(QINSHUI_ADMIN,
                    newUser("second-city-admin", Set.of(Role.CITY_ADMIN), QINSHUI, null)), 403)
                    .hasMessageContaining("Only a city administrator can create a city administrator");
            assertThat(directory.user(CITY_ADMIN, "second-city-admin")).isEmpty();

            assertThat(directory.createUser(CITY_ADMIN, newUser("second-city-admin", Set.of(Role.CITY_ADMIN), CITY_CODE, null))
                    .roles()).containsExactly(Role.CITY_ADMIN);
        }
    }

    /** What a new user or unit must look like, and that a refused one leaves no trace. */
    @Nested
    class Creation {

        @Test
        void aCreatedUserIsStoredAsGivenAndAudited() {
            User created = directory.createUser(QINSHUI_ADMIN, new NewUser("longgang-mediator", "  张三  ", PASSWORD,
                    Set.of(Role.MEDIATOR, Role.GRID_WORKER), LONGGANG, "longgang-judicial"));

            assertThat(created).isEqualTo(new User("longgang-mediator", "张三", Set.of(Role.MEDIATOR, Role.GRID_WORKER),
                    LONGGANG, "longgang-judicial", true));
            assertThat(directory.user(QINSHUI_ADMIN, "longgang-mediator")).contains(created);
            assertThat(audited).containsExactly(new AuditEntry("qinshui-admin", "user.create", "user", "longgang-mediator",
                    LONGGANG, "ok", "roles " + Set.of(Role.MEDIATOR, Role.GRID_WORKER) + ", unit longgang-judicial"));
        }

        @Test
        void aSecondUserWithTheSameIdIsAConflictAndTheFirstStaysAsItWas() {
            assertProblem(() -> directory.createUser(CITY_ADMIN, new NewUser("longgang-worker", "Someone else", PASSWORD,
                    Set.of(Role.COUNTY_ADMIN), QINSHUI, null)), 409)
                    .hasMessageContaining("A user with id longgang-worker already exists");

            assertThat(directory.user(CITY_ADMIN, "longgang-worker")).hasValueSatisfying(user -> {
                assertThat(user.name()).isEqualTo("longgang-worker 的名字");
                assertThat(user.roles()).containsExactly(Role.GRID_WORKER);
                assertThat(user.regionCode()).isEqualTo(LONGGANG);
            });
            assertThat(directory.authenticate("longgang-worker", PASSWORD.toCharArray())).isPresent();
            assertThat(audited).noneMatch(entry -> entry.action().equals("user.create"));
        }

        @Test
        void aSecondUnitWithTheSameIdIsAConflict() {
            assertProblem(() -> directory.createUnit(CITY_ADMIN,
                    new Unit("longgang-judicial", "另一个", UnitKind.COURT, QINSHUI)), 409)
                    .hasMessageContaining("A unit with id longgang-judicial already exists");
            assertThat(directory.unit(CITY_ADMIN, "longgang-judicial")).map(Unit::kind).contains(UnitKind.JUDICIAL_OFFICE);
        }

        static Stream<Arguments> badUsers() {
            Set<Role> worker = Set.of(Role.GRID_WORKER);
            return Stream.of(
                    Arguments.of(null, "Send the user as a JSON object"),
                    Arguments.of(new NewUser(null, "名字", PASSWORD, worker, LONGGANG, null), "id is 3 to 64"),
                    Arguments.of(new NewUser("ab", "名字", PASSWORD, worker, LONGGANG, null), "id is 3 to 64"),
                    Arguments.of(new NewUser("li si", "名字", PASSWORD, worker, LONGGANG, null), "not: li si"),
                    Arguments.of(new NewUser("a".repeat(65), "名字", PASSWORD, worker, LONGGANG, null), "id is 3 to 64"),
                    Arguments.of(new NewUser("new-worker", " ", PASSWORD, worker, LONGGANG, null), "name is required"),
                    Arguments.of(new NewUser("new-worker", null, PASSWORD, worker, LONGGANG, null), "name is required"),
                    Arguments.of(new NewUser("new-worker", "名".repeat(101), PASSWORD, worker, LONGGANG, null), "at most 100"),
                    Arguments.of(new NewUser("new-worker", "名字", "too-short", worker, LONGGANG, null), "at least 10 characters"),
                    Arguments.of(new NewUser("new-worker", "名字", null, worker, LONGGANG, null), "at least 10 characters"),
                    Arguments.of(new NewUser("new-worker", "名字", PASSWORD, Set.of(), LONGGANG, null), "grant at least one of"),
                    Arguments.of(new NewUser("new-worker", "名字", PASSWORD, null, LONGGANG, null), "grant at least one of"),
                    Arguments.of(new NewUser("new-worker", "名字", PASSWORD, worker, "140521199", null),
                            "regionCode 140521199 is not a region of this platform"),
                    Arguments.of(new NewUser("new-worker", "名字", PASSWORD, worker, LONGGANG, "no-such-unit"),
                            "unitId no-such-unit is not a unit within your area"));
        }

        @ParameterizedTest
        @MethodSource("badUsers")
        void aBadNewUserIsRefusedWithWhatIsWrongAndNothingIsStored(NewUser user, String message) {
            assertProblem(() -> directory.createUser(QINSHUI_ADMIN, user), 400).hasMessageContaining(message);
            assertThat(db.count("cg_user")).isEqualTo(4);
            assertThat(db.count("cg_user_role")).isEqualTo(4);
            assertThat(audited).isEmpty();
        }

        static Stream<Arguments> badUnits() {
            return Stream.of(
                    Arguments.of(null, "id is 3 to 64"),
                    Arguments.of(new Unit("x", "中村派出所", UnitKind.POLICE_STATION, ZHONGCUN), "id is 3 to 64"),
                    Arguments.of(new Unit("zhongcun police", "中村派出所", UnitKind.POLICE_STATION, ZHONGCUN), "id is 3 to 64"),
                    Arguments.of(new Unit("zhongcun-police", "  ", UnitKind.POLICE_STATION, ZHONGCUN), "name is required"),
                    Arguments.of(new Unit("zhongcun-police", "所".repeat(101), UnitKind.POLICE_STATION, ZHONGCUN), "at most 100"),
                    Arguments.of(new Unit("zhongcun-police", "中村派出所", UnitKind.POLICE_STATION, "140521199"),
                            "regionCode 140521199 is not a region of this platform"));
        }

        @ParameterizedTest
        @MethodSource("badUnits")
        void aBadNewUnitIsRefusedWithWhatIsWrongAndNothingIsStored(Unit unit, String message) {
            assertProblem(() -> directory.createUnit(QINSHUI_ADMIN, unit), 400).hasMessageContaining(message);
            assertThat(db.count("cg_unit")).isEqualTo(3);
            assertThat(audited).isEmpty();
        }
    }

    /** 三权分立: system, security and audit administration are held by different accounts. */
    @Nested
    class Duties {

        static Stream<Set<Role>> combinedDuties() {
            return Stream.of(EnumSet.of(Role.COUNTY_ADMIN, Role.SECURITY_ADMIN),
                    EnumSet.of(Role.CITY_ADMIN, Role.AUDIT_ADMIN),
                    EnumSet.of(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN),
                    EnumSet.of(Role.COUNTY_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN),
                    EnumSet.of(Role.AUDIT_ADMIN, Role.COUNTY_ADMIN, Role.GRID_WORKER));
        }

        @ParameterizedTest
        @MethodSource("combinedDuties")
        void anAccountCannotCombineTwoAdministratorDuties(Set<Role> roles) {
            assertProblem(() -> directory.createUser(CITY_ADMIN, newUser("all-powerful", roles, QINSHUI, null)), 400)
                    .hasMessageContaining("separate duties: one account holds one");
            assertThat(directory.user(CITY_ADMIN, "all-powerful")).isEmpty();
            assertThat(db.count("cg_user")).isEqualTo(4);
        }

        static Stream<Set<Role>> singleDuties() {
            return Stream.of(EnumSet.of(Role.COUNTY_ADMIN, Role.CITY_ADMIN),
                    EnumSet.of(Role.COUNTY_ADMIN, Role.COMMAND_OPERATOR),
                    EnumSet.of(Role.SECURITY_ADMIN, Role.COMMAND_OPERATOR),
                    EnumSet.of(Role.AUDIT_ADMIN));
        }

        @ParameterizedTest
        @MethodSource("singleDuties")
        void oneDutyWithOrdinaryRolesIsAllowed(Set<Role> roles) {
            Caller creator = roles.contains(Role.SECURITY_ADMIN) || roles.contains(Role.AUDIT_ADMIN) ? QINSHUI_SECURITY : CITY_ADMIN;
            User created = directory.createUser(creator, newUser("one-duty", roles, QINSHUI, null));
            assertThat(created.roles()).isEqualTo(roles);
            assertThat(directory.authenticate("one-duty", PASSWORD.toCharArray())).map(Caller::roles).contains(roles);
        }

        @Test
        void onlyASecurityAdministratorManagesTheAccountsOfSecurityAndAuditAdministrators() {
            assertProblem(() -> directory.createUser(CITY_ADMIN, newUser("new-auditor", Set.of(Role.AUDIT_ADMIN), QINSHUI, null)), 403)
                    .hasMessageContaining("separation of duties");
            assertProblem(() -> directory.createUser(QINSHUI_ADMIN, newUser("new-security", Set.of(Role.SECURITY_ADMIN), QINSHUI, null)), 403);
            directory.createUser(QINSHUI_SECURITY, newUser("new-auditor", Set.of(Role.AUDIT_ADMIN), QINSHUI, null));

            // A system administrator cannot take the auditor's account over, nor lock the auditor out.
            assertProblem(() -> directory.resetPassword(CITY_ADMIN, "new-auditor"), 403);
            assertProblem(() -> directory.resetSecondFactor(QINSHUI_ADMIN, "new-auditor"), 403);
            assertProblem(() -> directory.disable(QINSHUI_ADMIN, "new-auditor", "x"), 403);
            assertThat(directory.authenticate("new-auditor", PASSWORD.toCharArray())).isPresent();
            assertThat(directory.resetPassword(QINSHUI_SECURITY, "new-auditor")).isNotBlank();
        }
    }

    /** Signing in, and the lock after repeated wrong passwords. */
    @Nested
    class SignIn {

        @Test
        void theRightPasswordSignsTheUserInWithTheirRolesRegionAndUnit() {
            assertThat(directory.authenticate("qinshui-operator", PASSWORD.toCharArray())).contains(
                    new Caller("qinshui-operator", Set.of(Role.COMMAND_OPERATOR), QINSHUI, "qinshui-command"));
            assertThat(audited).containsExactly(
                    new AuditEntry("qinshui-operator", "login", "user", "qinshui-operator", QINSHUI, "ok", null));
        }

        @Test
        void aWrongPasswordAnUnknownUserOrAMalformedNameSignsNobodyIn() {
            assertThat(directory.authenticate("qinshui-operator", (PASSWORD + "!").toCharArray())).isEmpty();
            assertThat(directory.authenticate("qinshui-operator", new char[0])).isEmpty();
            assertThat(directory.authenticate("nobody-here", PASSWORD.toCharArray())).isEmpty();
            assertThat(directory.authenticate("qinshui operator", PASSWORD.toCharArray())).isEmpty();
            assertThat(directory.authenticate(null, PASSWORD.toCharArray())).isEmpty();
            assertThat(directory.authenticate("qinshui-operator", null)).isEmpty();
            assertThat(audited).extracting(AuditEntry::outcome, AuditEntry::detail).containsExactly(
                    tuple("failed", "wrong password"),
                    tuple("failed", "wrong password"),
                    tuple("failed", "no such user"));
        }

        @Test
        void theStoredHashIsNotThePassword() {
            String stored = (String) db.value("select password_hash from cg_user where id = ?", "qinshui-operator");
            assertThat(stored).startsWith("$argon2id$v=19$m=64,t=1,p=1$").doesNotContain(PASSWORD).doesNotContain("horse");
            assertThat(db.value("select password_hash from cg_user where id = ?", "longgang-worker")).isNotEqualTo(stored);
        }

        @Test
        void aDisabledAccountCannotSignIn() {
            db.tx(em -> em.createNativeQuery("update cg_user set enabled = false where id = 'zhongcun-worker'").executeUpdate());
            assertThat(directory.authenticate("zhongcun-worker", PASSWORD.toCharArray())).isEmpty();
            assertThat(audited).extracting(AuditEntry::outcome, AuditEntry::detail)
                    .containsExactly(tuple("refused", "account disabled"));
        }

        @Test
        void theConfiguredNumberOfWrongPasswordsLocksTheAccountEvenAgainstTheRightOne() {
            wrongPasswords("longgang-worker", 2);
            assertThat(lockedUntil("longgang-worker")).isNull();
            wrongPasswords("longgang-worker", 1);

            assertThat(lockedUntil("longgang-worker")).isEqualTo("2026-11-23T02:30");
            assertThat(directory.authenticate("longgang-worker", PASSWORD.toCharArray())).isEmpty();
            assertThat(audited).extracting(AuditEntry::detail).containsSubsequence(
                    "wrong password; account locked for 30 minutes", "account locked until 2026-11-23T02:30 UTC");
        }

        @Test
        void theLockEndsAfterTheConfiguredTime() {
            wrongPasswords("longgang-worker", 3);
            now = START.plus(Duration.ofMinutes(29));
            assertThat(directory.authenticate("longgang-worker", PASSWORD.toCharArray())).isEmpty();

            now = START.plus(Duration.ofMinutes(31));
            assertThat(directory.authenticate("longgang-worker", PASSWORD.toCharArray())).isPresent();
            assertThat(lockedUntil("longgang-worker")).isNull();
        }

        @Test
        void wrongPasswordsAreCountedOnlyUntilTheNextSuccessfulSignIn() {
            wrongPasswords("longgang-worker", 2);
            assertThat(directory.authenticate("longgang-worker", PASSWORD.toCharArray())).isPresent();
            wrongPasswords("longgang-worker", 2);

            assertThat(directory.authenticate("longgang-worker", PASSWORD.toCharArray())).isPresent();
            assertThat(db.value("select failed_logins from cg_user where id = ?", "longgang-worker")).isEqualTo(0);
        }

        @Test
        void aPasswordAcceptedMomentsAgoIsNoLongerTrustedOnceTheAccountIsLocked() {
            assertThat(directory.authenticate("longgang-worker", PASSWORD.toCharArray())).isPresent();
            wrongPasswords("longgang-worker", 3);
            assertThat(directory.authenticate("longgang-worker", PASSWORD.toCharArray())).isEmpty();
        }

        @Test
        void aChangedPolicyAppliesToTheNextWrongPassword() {
            DirectoryConfiguration strict = policy(1, 5);
            directory.modified(strict);
            wrongPasswords("longgang-worker", 1);
            assertThat(lockedUntil("longgang-worker")).isEqualTo("2026-11-23T02:05");
        }

        @Test
        void anAdministratorOfTheUsersAreaLiftsTheLock() {
            wrongPasswords("longgang-worker", 3);

            assertThat(directory.unlock(QINSHUI_SECURITY, "longgang-worker").id()).isEqualTo("longgang-worker");
            assertThat(directory.authenticate("longgang-worker", PASSWORD.toCharArray())).isPresent();
            assertThat(audited).contains(AuditEntry.ok("qinshui-security", "user.unlock", "user", "longgang-worker", LONGGANG, null));
        }

        @Test
        void nobodyElseLiftsTheLock() {
            wrongPasswords("yangcheng-operator", 3);

            assertProblem(() -> directory.unlock(QINSHUI_ADMIN, "yangcheng-operator"), 404)
                    .hasMessageContaining("No user yangcheng-operator in your area");
            assertProblem(() -> directory.unlock(QINSHUI_ADMIN, "no-such-user"), 404);
            assertProblem(() -> directory.unlock(QINSHUI_ADMIN, null), 404);
            assertProblem(() -> directory.unlock(new Caller("yangcheng-auditor", Set.of(Role.AUDIT_ADMIN), YANGCHENG, null),
                    "yangcheng-operator"), 403);
            assertThat(directory.authenticate("yangcheng-operator", PASSWORD.toCharArray())).isEmpty();
            assertThat(lockedUntil("yangcheng-operator")).isNotNull();
        }

        private void wrongPasswords(String userId, int times) {
            for (int i = 0; i < times; i++) {
                assertThat(directory.authenticate(userId, ("wrong password " + i).toCharArray())).isEmpty();
            }
        }

        private String lockedUntil(String userId) {
            Object value = db.value("select locked_until from cg_user where id = ?", userId);
            return value == null ? null : ((Timestamp) value).toLocalDateTime().toString();
        }
    }

    /** The password policy on new users, the upgrade of old hashes, changing a password and its age. */
    @Nested
    class Passwords {

        private static final Caller LONGGANG_WORKER = new Caller("longgang-worker", Set.of(Role.GRID_WORKER), LONGGANG, null);
        private static final String NEW_PASSWORD = "Longgang-Grid-2027";

        static Stream<Arguments> refusedByTheDefaultProfile() {
            return Stream.of(
                    Arguments.of("Short-1", "password must have at least 10 characters."),
                    Arguments.of("only lower case and spaces", "password must mix at least 3 of the 4 kinds of character"),
                    Arguments.of("Admin@123456", "password is one of the most commonly used passwords"),
                    Arguments.of("New-Worker-2026", "password must not contain the user id."));
        }

        @ParameterizedTest
        @MethodSource("refusedByTheDefaultProfile")
        void aNewUsersPasswordIsHeldToTheMlpsProfileByDefaultAndNothingIsStoredOnRefusal(String password, String message) {
            assertProblem(() -> directory.createUser(QINSHUI_ADMIN,
                    new NewUser("new-worker", "名字", password, Set.of(Role.GRID_WORKER), LONGGANG, null)), 400)
                    .hasMessageContaining(message);
            assertThat(db.count("cg_user")).isEqualTo(4);
            assertThat(audited).isEmpty();
        }

        @Test
        void underTheAsvsProfileALongPassphraseWithoutCompositionRulesIsAccepted() {
            directory.modified(profile(PasswordProfile.ASVS));
            String passphrase = "only lower case and spaces";

            directory.createUser(QINSHUI_ADMIN, new NewUser("new-worker", "名字", passphrase, Set.of(Role.GRID_WORKER), LONGGANG, null));
            assertThat(directory.authenticate("new-worker", passphrase.toCharArray())).isPresent();
            assertProblem(() -> directory.createUser(QINSHUI_ADMIN,
                    new NewUser("other-worker", "名字", "Short-pw-1", Set.of(Role.GRID_WORKER), LONGGANG, null)), 400)
                    .hasMessageContaining("at least 12 characters");
        }

        @Test
        void aPbkdf2HashOfTheFirstReleasesSignsInAndIsReplacedByArgon2idOnThatSignIn() throws Exception {
            storeHash("longgang-worker", LegacyHashes.pbkdf2(PASSWORD, 1_000));
            Object setAt = db.value("select password_changed_at from cg_user where id = ?", "longgang-worker");

            assertThat(directory.authenticate("longgang-worker", PASSWORD.toCharArray())).isPresent();

            assertThat(storedHash("longgang-worker")).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
            assertThat(db.value("select password_changed_at from cg_user where id = ?", "longgang-worker"))
                    .as("the password's age goes on").isEqualTo(setAt);
            assertThat(freshDirectory(CHEAP).authenticate("longgang-worker", PASSWORD.toCharArray()))
                    .as("the new hash verifies").isPresent();
            assertThat(freshDirectory(CHEAP).authenticate("longgang-worker", (PASSWORD + "!").toCharArray())).isEmpty();
        }

        @Test
        void aWrongPasswordLeavesAnOldHashAsItWas() throws Exception {
            String legacy = LegacyHashes.pbkdf2(PASSWORD, 1_000);
            storeHash("longgang-worker", legacy);

            assertThat(directory.authenticate("longgang-worker", "Wrong-password-1".toCharArray())).isEmpty();
            assertThat(storedHash("longgang-worker")).isEqualTo(legacy);
        }

        @Test
        void aHashMadeAtALowerCostIsReplacedOnceTheCostIsRaised() {
            JpaDirectory raised = freshDirectory(new PasswordHasher.Cost(128, 2, 1));

            assertThat(raised.authenticate("longgang-worker", PASSWORD.toCharArray())).isPresent();
            assertThat(storedHash("longgang-worker")).startsWith("$argon2id$v=19$m=128,t=2,p=1$");
            assertThat(directory.authenticate("zhongcun-worker", PASSWORD.toCharArray())).isPresent();
            assertThat(storedHash("zhongcun-worker")).as("already at the cost: left alone").startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        }

        @Test
        void aUserChangesTheirPasswordAndTheOldOneStopsWorkingAtOnce() {
            assertThat(directory.authenticate("longgang-worker", PASSWORD.toCharArray())).isPresent();
            now = START.plus(Duration.ofDays(3));

            directory.changePassword(LONGGANG_WORKER, PASSWORD, NEW_PASSWORD);

            assertThat(directory.authenticate("longgang-worker", PASSWORD.toCharArray()))
                    .as("not even from the memory of a recent check").isEmpty();
            assertThat(directory.authenticate("longgang-worker", NEW_PASSWORD.toCharArray())).isPresent();
            assertThat(db.value("select password_changed_at from cg_user where id = ?", "longgang-worker").toString())
                    .startsWith("2026-11-26 02:00");
            assertThat(audited).contains(AuditEntry.ok("longgang-worker", "password.change", "user", "longgang-worker",
                    LONGGANG, null));
        }

        static Stream<Arguments> refusedChanges() {
            return Stream.of(
                    Arguments.of(PASSWORD, "Short-1", "new password must have at least 10 characters."),
                    Arguments.of(PASSWORD, "no upper case or digits", "new password must mix at least 3"),
                    Arguments.of(PASSWORD, "P@ssw0rd123", "new password is one of the most commonly used passwords"),
                    Arguments.of(PASSWORD, "My-Longgang-Worker-1", "new password must not contain the user id."),
                    Arguments.of(PASSWORD, PASSWORD, "new password must differ from the current one."),
                    Arguments.of(null, NEW_PASSWORD, "Send {\"current\""),
                    Arguments.of(PASSWORD, null, "Send {\"current\""));
        }

        @ParameterizedTest
        @MethodSource("refusedChanges")
        void aRefusedChangeNamesTheRuleAndChangesNothing(String current, String next, String message) {
            String before = storedHash("longgang-worker");

            assertProblem(() -> directory.changePassword(LONGGANG_WORKER, current, next), 400).hasMessageContaining(message);

            assertThat(storedHash("longgang-worker")).isEqualTo(before);
            assertThat(db.value("select failed_logins from cg_user where id = ?", "longgang-worker")).isEqualTo(0);
            assertThat(audited).isEmpty();
        }

        @Test
        void aWrongCurrentPasswordIsRefusedAndCountsTowardsTheLock() {
            String before = storedHash("longgang-worker");
            for (int i = 0; i < 3; i++) {
                assertProblem(() -> directory.changePassword(LONGGANG_WORKER, "Wrong-password-1", NEW_PASSWORD), 400)
                        .hasMessageContaining("current is not your password now; nothing was changed");
            }

            assertThat(storedHash("longgang-worker")).isEqualTo(before);
            assertThat(directory.authenticate("longgang-worker", PASSWORD.toCharArray())).as("locked").isEmpty();
            assertThat(audited).extracting(AuditEntry::action, AuditEntry::outcome, AuditEntry::detail).startsWith(
                    tuple("password.change", "failed", "wrong current password"),
                    tuple("password.change", "failed", "wrong current password"),
                    tuple("password.change", "failed", "wrong current password; account locked for 30 minutes"));
            assertProblem(() -> directory.changePassword(LONGGANG_WORKER, PASSWORD, NEW_PASSWORD), 403)
                    .hasMessageContaining("locked or disabled");
        }

        @Test
        void onlyDirectoryUsersHaveAPasswordToChangeOrExpire() {
            Caller shell = new Caller("shell:karaf", Set.of(Role.CITY_ADMIN), "", null);
            assertProblem(() -> directory.changePassword(shell, PASSWORD, NEW_PASSWORD), 404);
            assertThat(directory.passwordExpired(shell)).isFalse();
        }

        @Test
        void underTheMlpsProfileAPasswordExpiresAfter90DaysYetStillSignsInUntilItIsChanged() {
            now = START.plus(Duration.ofDays(90)).minusSeconds(1);
            assertThat(directory.passwordExpired(LONGGANG_WORKER)).isFalse();

            now = START.plus(Duration.ofDays(90));
            assertThat(directory.passwordExpired(LONGGANG_WORKER)).isTrue();
            assertThat(directory.authenticate("longgang-worker", PASSWORD.toCharArray())).isPresent();
            assertThat(audited).extracting(AuditEntry::outcome, AuditEntry::detail)
                    .containsExactly(tuple("ok", "password expired (set 2026-11-23)"));

            directory.changePassword(LONGGANG_WORKER, PASSWORD, NEW_PASSWORD);
            assertThat(directory.passwordExpired(LONGGANG_WORKER)).isFalse();
        }

        @Test
        void underTheAsvsProfileAPasswordDoesNotExpire() {
            directory.modified(profile(PasswordProfile.ASVS));
            now = START.plus(Duration.ofDays(3650));
            assertThat(directory.passwordExpired(LONGGANG_WORKER)).isFalse();
        }

        @Test
        void aCustomMaximumAgeApplies() {
            DirectoryConfiguration custom = profile(PasswordProfile.CUSTOM);
            when(custom.passwordMinLength()).thenReturn(10);
            when(custom.passwordCharacterClasses()).thenReturn(3);
            when(custom.passwordMaxAgeDays()).thenReturn(30);
            directory.modified(custom);

            now = START.plus(Duration.ofDays(30));
            assertThat(directory.passwordExpired(LONGGANG_WORKER)).isTrue();
            when(custom.passwordMaxAgeDays()).thenReturn(0);
            directory.modified(custom);
            assertThat(directory.passwordExpired(LONGGANG_WORKER)).as("0 is never").isFalse();
        }

        private JpaDirectory freshDirectory(PasswordHasher.Cost cost) {
            return new JpaDirectory(db, regions, new PasswordHasher(cost), audited::add, clock, new TestSealing(), policy(3, 30));
        }

        private void storeHash(String userId, String hash) {
            db.tx(em -> em.createNativeQuery("update cg_user set password_hash = ?1 where id = ?2")
                    .setParameter(1, hash).setParameter(2, userId).executeUpdate());
        }

        private String storedHash(String userId) {
            return (String) db.value("select password_hash from cg_user where id = ?", userId);
        }

        private DirectoryConfiguration profile(PasswordProfile profile) {
            DirectoryConfiguration config = policy(3, 30);
            when(config.passwordProfile()).thenReturn(profile);
            return config;
        }
    }

    private static NewUser newUser(String id, Set<Role> roles, String regionCode, String unitId) {
        return new NewUser(id, id + " 的名字", PASSWORD, roles, regionCode, unitId);
    }

    private static DirectoryConfiguration policy(int attempts, int minutes) {
        DirectoryConfiguration policy = mock(DirectoryConfiguration.class);
        when(policy.lockoutAttempts()).thenReturn(attempts);
        when(policy.lockoutMinutes()).thenReturn(minutes);
        return policy;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertProblem(
            ThrowingCallable call, int status) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.status()).isEqualTo(status));
    }
}
