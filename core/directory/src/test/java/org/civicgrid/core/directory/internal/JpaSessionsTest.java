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

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.NewUser;
import org.civicgrid.core.api.directory.OpenedSession;
import org.civicgrid.core.api.directory.Role;
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
 * Sign-in sessions on a real database (H2 with the changelog, through EclipseLink): a token stands for its user
 * until signing out, idle time, the session's limit, or the account being disabled; only the token's hash is kept.
 */
class JpaSessionsTest {

    private static final Caller CITY_ADMIN = new Caller("jincheng-admin", Set.of(Role.CITY_ADMIN), "1405", null);
    private static final String PASSWORD = "Correct-horse-battery-42";

    private DirectoryDatabase db;
    private JpaDirectory directory;
    private JpaSessions sessions;
    private final List<AuditEntry> audited = new ArrayList<>();
    private Instant now = Instant.parse("2026-11-23T02:00:00Z");
    private Caller worker;

    @BeforeEach
    void sessions() throws Exception {
        db = new DirectoryDatabase();
        RegionService regions = mock(RegionService.class);
        when(regions.find(anyString())).thenAnswer(call -> Optional.of(new Region(call.getArgument(0), "某地",
                RegionLevel.TOWNSHIP, "140521")));
        PlatformClock clock = mock(PlatformClock.class);
        when(clock.now()).thenAnswer(call -> now);
        DirectoryConfiguration policy = mock(DirectoryConfiguration.class);
        when(policy.lockoutAttempts()).thenReturn(3);
        when(policy.lockoutMinutes()).thenReturn(30);
        directory = new JpaDirectory(db, regions, new PasswordHasher(new PasswordHasher.Cost(64, 1, 1)), audited::add, clock, new TestSealing(), policy);
        SessionConfiguration limits = mock(SessionConfiguration.class);
        when(limits.idleMinutes()).thenReturn(30);
        when(limits.absoluteHours()).thenReturn(10);
        sessions = new JpaSessions(db, directory, audited::add, clock, limits);
        directory.createUser(CITY_ADMIN, new NewUser("longgang-worker", "网格员", PASSWORD, Set.of(Role.GRID_WORKER),
                "140521100", null));
        worker = directory.authenticate("longgang-worker", PASSWORD.toCharArray()).orElseThrow();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void aTokenStandsForItsUserAndOnlyItsHashIsKept() {
        OpenedSession session = sessions.open(worker);

        assertThat(sessions.resume(session.token())).contains(worker);
        assertThat(session.idleMinutes()).isEqualTo(30);
        assertThat(session.expiresAt().toInstant()).isEqualTo(now.plus(Duration.ofHours(10)));
        assertThat(db.count("cg_session")).isOne();
        assertThat(db.value("select id from cg_session")).isEqualTo(JpaSessions.hash(session.token()))
                .isNotEqualTo(session.token());
        assertThat(session.toString()).doesNotContain(session.token());
        assertThat(audited).extracting(AuditEntry::action).contains("session.open");
    }

    @Test
    void aGuessedOrMalformedTokenOpensNothing() {
        sessions.open(worker);

        assertThat(sessions.resume("A".repeat(43))).isEmpty();
        assertThat(sessions.resume("not a token")).isEmpty();
        assertThat(sessions.resume(null)).isEmpty();
        assertThat(sessions.resume(JpaSessions.hash("x"))).as("the stored hash is not a token").isEmpty();
    }

    @Test
    void signingOutEndsTheSession() {
        OpenedSession session = sessions.open(worker);

        sessions.close(session.token());

        assertThat(sessions.resume(session.token())).isEmpty();
        assertThat(audited).extracting(AuditEntry::action).contains("session.close");
    }

    @Test
    void aSessionIdleForItsIdleTimeEndsAndUseKeepsItAlive() {
        OpenedSession session = sessions.open(worker);

        for (int i = 0; i < 5; i++) {
            now = now.plus(Duration.ofMinutes(20));
            assertThat(sessions.resume(session.token())).as("used every 20 minutes").isPresent();
        }
        now = now.plus(Duration.ofMinutes(30));
        assertThat(sessions.resume(session.token())).as("idle for 30 minutes").isEmpty();
        now = now.minus(Duration.ofMinutes(25));
        assertThat(sessions.resume(session.token())).as("an ended session stays ended").isEmpty();
        assertThat(audited).anySatisfy(e -> assertThat(e.detail()).contains("idle for 30 minutes"));
    }

    @Test
    void aSessionEndsAtItsLimitHoweverMuchItIsUsed() {
        OpenedSession session = sessions.open(worker);

        for (int i = 0; i < 39; i++) {
            now = now.plus(Duration.ofMinutes(15));
            assertThat(sessions.resume(session.token())).isPresent();
        }
        now = now.plus(Duration.ofMinutes(15));
        assertThat(sessions.resume(session.token())).as("ten hours after sign-in").isEmpty();
    }

    @Test
    void disablingTheAccountEndsEverySessionOfItAndEnablingStartsNoneAgain() {
        OpenedSession first = sessions.open(worker);
        OpenedSession second = sessions.open(worker);

        directory.disable(CITY_ADMIN, "longgang-worker", "left the job");

        assertThat(sessions.resume(first.token())).isEmpty();
        assertThat(sessions.resume(second.token())).isEmpty();
        assertThat(directory.authenticate("longgang-worker", PASSWORD.toCharArray())).as("nor the password").isEmpty();
        assertThat(audited).anySatisfy(e -> assertThat(e.action() + " " + e.detail())
                .isEqualTo("user.disable left the job; 2 session(s) ended"));

        directory.enable(CITY_ADMIN, "longgang-worker");
        assertThat(sessions.resume(first.token())).isEmpty();
        assertThat(directory.authenticate("longgang-worker", PASSWORD.toCharArray())).isPresent();
    }

    @Test
    void aPasswordRememberedAsVerifiedStopsCountingWhenAnotherNodeDisablesTheAccount() {
        assertThat(directory.authenticate("longgang-worker", PASSWORD.toCharArray())).isPresent();
        // Another node of the same database disables it: this node's memory of the check is not told.
        db.tx(org.apache.aries.jpa.template.TransactionType.Required,
                em -> em.find(UserEntity.class, "longgang-worker").enabled(false));

        assertThat(directory.authenticate("longgang-worker", PASSWORD.toCharArray())).isEmpty();
    }

    @Test
    void onlyAnAdministratorOfTheAreaDisablesAndNeverTheirOwnAccountNorWithoutAReason() {
        Caller yangcheng = new Caller("yangcheng-admin", Set.of(Role.COUNTY_ADMIN), "140522", null);
        Caller operator = new Caller("qinshui-operator", Set.of(Role.COMMAND_OPERATOR), "140521", null);

        assertThatThrownBy(() -> directory.disable(yangcheng, "longgang-worker", "x"))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> directory.disable(operator, "longgang-worker", "x"))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(403));
        assertThatThrownBy(() -> directory.disable(CITY_ADMIN, "longgang-worker", " "))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(400));
        assertThatThrownBy(() -> directory.disable(CITY_ADMIN, "jincheng-admin", "x")).hasMessageContaining("your own");
        assertThat(directory.authenticate("longgang-worker", PASSWORD.toCharArray())).isPresent();
    }

    @Test
    void aSessionFollowsTheAccountsLockAndItsCurrentRoles() {
        OpenedSession session = sessions.open(worker);

        for (int i = 0; i < 3; i++) {
            directory.authenticate("longgang-worker", "Wrong-password-1".toCharArray());
        }
        assertThat(sessions.resume(session.token())).as("locked after three wrong passwords").isEmpty();
        directory.unlock(CITY_ADMIN, "longgang-worker");
        assertThat(sessions.resume(session.token())).as("the lock lifted, within its limits").contains(worker);
    }

    @Test
    void aResetGivesATemporaryPasswordThatEndsSessionsLiftsTheLockAndMustBeChanged() {
        OpenedSession session = sessions.open(worker);
        for (int i = 0; i < 3; i++) {
            directory.authenticate("longgang-worker", "Wrong-password-1".toCharArray());
        }
        Caller operator = new Caller("qinshui-operator", Set.of(Role.COMMAND_OPERATOR), "140521", null);
        assertThatThrownBy(() -> directory.resetPassword(operator, "longgang-worker"))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(403));
        assertThatThrownBy(() -> directory.resetPassword(CITY_ADMIN, "jincheng-admin")).hasMessageContaining("your own");

        String temporary = directory.resetPassword(CITY_ADMIN, "longgang-worker");

        assertThat(temporary).hasSize(16);
        assertThat(sessions.resume(session.token())).as("sessions of the old password end").isEmpty();
        assertThat(directory.authenticate("longgang-worker", PASSWORD.toCharArray())).as("the old password").isEmpty();
        Caller signedIn = directory.authenticate("longgang-worker", temporary.toCharArray()).orElseThrow();
        assertThat(directory.passwordExpired(signedIn)).as("to be changed at once").isTrue();
        assertThat(db.single("select password_hash from cg_user where id = 'longgang-worker'")).doesNotContain(temporary);
        directory.changePassword(signedIn, temporary, "Own-new-password-7");
        assertThat(directory.passwordExpired(signedIn)).isFalse();
        assertThat(audited).extracting(AuditEntry::action).contains("user.password-reset");
        assertThat(audited.toString()).doesNotContain(temporary);
    }
}
