package org.civicgrid.core.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.NewUser;
import org.civicgrid.core.api.directory.OpenedSession;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.directory.SecondFactorKey;
import org.civicgrid.core.api.directory.SessionService;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ProblemException;
import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.time.PlatformClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The administrators' second factor on a real database (H2 with the changelog, through EclipseLink): a session of
 * an administrator opens only with the password and a fresh code of the account's key; a code opens one session;
 * wrong codes lock the account like wrong passwords; a new key voids the old one.
 */
class SecondFactorTest {

    /** Administrators' accounts (security administrators among them) are a security administrator's to manage. */
    private static final Caller SECURITY = new Caller("jincheng-security", Set.of(Role.SECURITY_ADMIN), "1405", null);
    private static final String PASSWORD = "Correct-horse-battery-42";

    private DirectoryDatabase db;
    private JpaDirectory directory;
    private JpaSessions sessions;
    private final TimeCodes codes = new TimeCodes();
    private final List<AuditEntry> audited = new ArrayList<>();
    private Instant now = Instant.parse("2026-11-23T02:00:10Z");
    private Caller security;

    @BeforeEach
    void directory() throws Exception {
        db = new DirectoryDatabase();
        RegionService regions = mock(RegionService.class);
        when(regions.find(anyString())).thenAnswer(call -> Optional.of(new Region(call.getArgument(0), "某地",
                RegionLevel.COUNTY, "1405")));
        PlatformClock clock = mock(PlatformClock.class);
        when(clock.now()).thenAnswer(call -> now);
        DirectoryConfiguration policy = mock(DirectoryConfiguration.class);
        when(policy.lockoutAttempts()).thenReturn(3);
        when(policy.lockoutMinutes()).thenReturn(30);
        directory = new JpaDirectory(db, regions, new PasswordHasher(new PasswordHasher.Cost(64, 1, 1)), audited::add,
                clock, new TestSealing(), policy);
        SessionConfiguration limits = mock(SessionConfiguration.class);
        when(limits.idleMinutes()).thenReturn(30);
        when(limits.absoluteHours()).thenReturn(10);
        sessions = new JpaSessions(db, directory, audited::add, clock, limits);
        directory.createUser(SECURITY, new NewUser("qinshui-security", "安全管理员", PASSWORD,
                Set.of(Role.SECURITY_ADMIN), "140521", null));
        directory.createUser(SECURITY, new NewUser("longgang-worker", "网格员", PASSWORD, Set.of(Role.GRID_WORKER),
                "140521", null));
        security = directory.authenticate("qinshui-security", PASSWORD.toCharArray()).orElseThrow();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void theCodesAreThoseOfRfc6238() {
        // RFC 6238, appendix B, SHA-1 with the key "12345678901234567890": the last six of its eight digits.
        String rfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

        assertThat(codes.code(rfcKey, TimeCodes.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(codes.code(rfcKey, TimeCodes.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(codes.code(rfcKey, TimeCodes.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
    }

    @Test
    void anAdministratorsSessionOpensOnlyWithAFreshCodeOfItsKey() {
        SecondFactorKey key = directory.resetSecondFactor(SECURITY, "qinshui-security");

        assertThat(key.key()).hasSize(32);
        assertThat(key.uri()).startsWith("otpauth://totp/civicgrid:qinshui-security?secret=" + key.key());
        assertThat(key.toString()).doesNotContain(key.key());
        assertThat(db.single("select totp_key from cg_user where id = 'qinshui-security'")).as("sealed")
                .doesNotContain(key.key());
        assertRefused(() -> sessions.open(security), SessionService.SECOND_FACTOR_REQUIRED);
        assertRefused(() -> sessions.open(security, "000000".equals(current(key)) ? "111111" : "000000"),
                SessionService.SECOND_FACTOR_WRONG);
        assertRefused(() -> sessions.open(security, "12345"), SessionService.SECOND_FACTOR_WRONG);
        assertThat(db.count("cg_session")).as("no session for a refused code").isZero();

        OpenedSession session = sessions.open(security, current(key));

        assertThat(sessions.resume(session.token())).contains(security);
        assertRefused(() -> sessions.open(security, current(key)), SessionService.SECOND_FACTOR_WRONG);
        now = now.plus(TimeCodes.STEP);
        assertThat(sessions.open(security, current(key).substring(0, 3) + " " + current(key).substring(3)))
                .as("the next code, typed as the app shows it").isNotNull();
        assertThat(audited).extracting(AuditEntry::action, AuditEntry::outcome)
                .contains(org.assertj.core.groups.Tuple.tuple("user.second-factor", "ok"),
                        org.assertj.core.groups.Tuple.tuple("login.second-factor", "ok"),
                        org.assertj.core.groups.Tuple.tuple("login.second-factor", "failed"));
    }

    @Test
    void aCodeOfTheStepJustBeforeOrAfterCountsButNotTwoStepsAway() {
        SecondFactorKey key = directory.resetSecondFactor(SECURITY, "qinshui-security");
        long step = TimeCodes.step(now);

        assertRefused(() -> sessions.open(security, codes.code(key.key(), step + 2)), SessionService.SECOND_FACTOR_WRONG);
        assertRefused(() -> sessions.open(security, codes.code(key.key(), step - 2)), SessionService.SECOND_FACTOR_WRONG);
        assertThat(sessions.open(security, codes.code(key.key(), step - 1))).isNotNull();
        assertThat(sessions.open(security, codes.code(key.key(), step + 1))).isNotNull();
        assertRefused(() -> sessions.open(security, codes.code(key.key(), step)),
                SessionService.SECOND_FACTOR_WRONG);
    }

    @Test
    void wrongCodesLockTheAccountLikeWrongPasswords() {
        SecondFactorKey key = directory.resetSecondFactor(SECURITY, "qinshui-security");
        String wrong = "000000".equals(current(key)) ? "111111" : "000000";

        for (int i = 0; i < 3; i++) {
            assertRefused(() -> sessions.open(security, wrong), SessionService.SECOND_FACTOR_WRONG);
        }

        assertThat(directory.authenticate("qinshui-security", PASSWORD.toCharArray())).as("locked").isEmpty();
        assertRefused(() -> sessions.open(security, current(key)), SessionService.SECOND_FACTOR_WRONG);
    }

    @Test
    void withoutAKeyNoAdministratorSessionOpensAndANewKeyVoidsTheOldOne() {
        assertRefused(() -> sessions.open(security, "123456"), SessionService.SECOND_FACTOR_MISSING);
        SecondFactorKey lost = directory.resetSecondFactor(SECURITY, "qinshui-security");
        SecondFactorKey replacement = directory.resetSecondFactor(SECURITY, "qinshui-security");

        assertRefused(() -> sessions.open(security, current(lost)), SessionService.SECOND_FACTOR_WRONG);
        assertThat(sessions.open(security, current(replacement))).isNotNull();
    }

    @Test
    void onlyAdministratorsOfTheAreaGiveKeysAndOnlyToAdministrators() {
        Caller yangcheng = new Caller("yangcheng-admin", Set.of(Role.COUNTY_ADMIN), "140522", null);
        Caller operator = new Caller("qinshui-operator", Set.of(Role.COMMAND_OPERATOR), "140521", null);

        assertThatThrownBy(() -> directory.resetSecondFactor(yangcheng, "qinshui-security"))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> directory.resetSecondFactor(operator, "qinshui-security"))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(403));
        assertThatThrownBy(() -> directory.resetSecondFactor(SECURITY, "longgang-worker"))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(400));
        assertThat(db.single("select totp_key from cg_user where id = 'qinshui-security'")).isNull();
    }

    @Test
    void aSessionOpenedWithoutASecondFactorEndsWhenItsAccountBecomesAnAdministrator() {
        Caller worker = directory.authenticate("longgang-worker", PASSWORD.toCharArray()).orElseThrow();
        OpenedSession session = sessions.open(worker);
        assertThat(sessions.resume(session.token())).isPresent();

        db.tx(TransactionType.Required, em -> em.createNativeQuery(
                "insert into cg_user_role (user_id, role) values ('longgang-worker', 'COUNTY_ADMIN')").executeUpdate());

        assertThat(sessions.resume(session.token())).isEmpty();
        assertThat(audited).extracting(AuditEntry::detail).anyMatch(d -> d != null && d.contains("second factor"));
    }

    private String current(SecondFactorKey key) {
        return codes.code(key.key(), TimeCodes.step(now));
    }

    private static void assertRefused(Runnable call, String title) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(401);
            assertThat(p.title()).isEqualTo(title);
        });
    }
}
