package org.civicgrid.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Server-side sessions as staff and an assessor meet them: signing in once gives a token that stands for the user,
 * signing out ends it on the platform, an idle session ends by itself, and disabling an account ends its sessions
 * and its password at once — each on the record. Administrators sign in with a code of their authenticator app as
 * well: their password alone opens nothing, and each code opens one session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionsIT {

    private static final String VILLAGE = "140521100200";

    private PlatformRun run;
    private Distribution platform;
    private Api worker;
    private Api security;

    @BeforeAll
    void boot() throws Exception {
        run = PlatformRun.start("sessions");
        platform = run.platform;
        platform.shell.run("civicgrid:user-add --role GRID_WORKER --region 140521100 qs-worker worker-pass-01");
        platform.shell.run("civicgrid:user-add --role SECURITY_ADMIN --region 140521 qs-security security-pass-01");
        platform.shell.run("civicgrid:user-add --role SECURITY_ADMIN --region 140522 yc-security security-pass-02");
        worker = platform.api.as("qs-worker", "worker-pass-01");
        security = platform.api.as("qs-security", "security-pass-01");
    }

    @AfterAll
    void shutDown() throws Exception {
        if (run != null) {
            run.close();
        }
    }

    private String openSession(Api as) {
        Api.Reply opened = as.post("/session", "");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().path("token").asText();
    }

    @Test
    @Order(1)
    void aSessionStandsForItsUserUntilSignedOut() {
        Api.Reply opened = worker.post("/session", "");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        JsonNode session = opened.json();
        assertThat(session.path("userId").asText()).isEqualTo("qs-worker");
        assertThat(session.path("idleMinutes").asInt()).isEqualTo(30);
        Api bearer = platform.api.bearer(session.path("token").asText());

        assertThat(bearer.get("/me").json().path("userId").asText()).isEqualTo("qs-worker");
        assertThat(bearer.post("/session", "").status()).as("a session opens no other session").isEqualTo(400);
        assertThat(platform.api.bearer("A".repeat(43)).get("/me").status()).as("a guessed token").isEqualTo(401);

        assertThat(bearer.delete("/session").status()).isEqualTo(204);
        assertThat(bearer.get("/me").status()).isEqualTo(401);
        assertThat(bearer.get("/me").json().path("detail").asText()).contains("session has ended");
    }

    @Test
    @Order(2)
    void anIdleSessionEndsByItself() throws Exception {
        Api bearer = platform.api.bearer(openSession(worker));
        assertThat(bearer.get("/me").status()).isEqualTo(200);
        platform.moveClock(31);
        try {
            assertThat(bearer.get("/me").status()).as("31 minutes without a request").isEqualTo(401);
        } finally {
            platform.moveClock(0);
        }
        assertThat(bearer.get("/me").status()).as("an ended session stays ended").isEqualTo(401);
    }

    @Test
    @Order(3)
    void disablingAnAccountEndsItsSessionsAndPasswordAtOnce() {
        Api bearer = platform.api.bearer(openSession(worker));
        assertThat(worker.get("/me").status()).isEqualTo(200);

        Api yangcheng = platform.api.as("yc-security", "security-pass-02");
        assertThat(yangcheng.post("/users/qs-worker/disable", "{\"reason\":\"x\"}").status())
                .as("another county's administrator").isEqualTo(404);
        assertThat(security.post("/users/qs-worker/disable", "{}").status()).as("no reason").isEqualTo(400);
        Api.Reply disabled = security.post("/users/qs-worker/disable", "{\"reason\":\"调离岗位\"}");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();

        assertThat(bearer.get("/me").status()).isEqualTo(401);
        assertThat(worker.get("/me").status()).as("the password, though verified a moment ago").isEqualTo(401);

        assertThat(security.post("/users/qs-worker/enable", "").status()).isEqualTo(200);
        assertThat(worker.get("/me").status()).isEqualTo(200);
        assertThat(bearer.get("/me").status()).as("enabling opens no ended session again").isEqualTo(401);

        inTheTrail("--type user --id qs-worker --limit 30", "session.open", "session.close", "session.end",
                "user.disable", "调离岗位", "user.enable");
    }

    @Test
    @Order(4)
    void anAdministratorSignsInWithAPasswordAndAFreshCodeOfTheirApp() {
        Api basic = platform.api.basic("qs-security", "security-pass-01");
        Api.Reply withPasswordAlone = basic.get("/users?region=140521");
        assertThat(withPasswordAlone.status()).as(withPasswordAlone.body()).isEqualTo(401);
        assertThat(withPasswordAlone.json().path("title").asText()).isEqualTo("Second factor required");
        Api.Reply noCode = basic.openSession(null);
        assertThat(noCode.status()).isEqualTo(401);
        assertThat(noCode.json().path("title").asText()).isEqualTo("Second factor required");

        String code = platform.secondFactors.freshCode("qs-security");
        String wrong = code.equals("000000") ? "111111" : "000000";
        Api.Reply wrongCode = basic.openSession(wrong);
        assertThat(wrongCode.status()).isEqualTo(401);
        assertThat(wrongCode.json().path("title").asText()).isEqualTo("Wrong second factor code");
        Api.Reply opened = basic.openSession(code);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        Api admin = platform.api.bearer(opened.json().path("token").asText());
        assertThat(admin.get("/users?region=140521").status()).isEqualTo(200);
        Api.Reply replayed = basic.openSession(code);
        assertThat(replayed.status()).as("a code opens one session").isEqualTo(401);
        assertThat(replayed.json().path("title").asText()).isEqualTo("Wrong second factor code");
        assertThat(platform.api.basic("qs-security", "wrong-pass-01").openSession(code).status())
                .as("a code does not stand in for the password").isEqualTo(401);

        inTheTrail("--type user --id qs-security --limit 30", "login.second-factor", "wrong second factor code",
                "second factor code used already");
    }

    @Test
    @Order(5)
    void anAdministratorCreatedOverRestGetsAKeyOnceAndANewKeyVoidsTheOldOne() {
        Api.Reply created = security.post("/users", "{\"id\":\"qs-county\",\"name\":\"沁水县系统管理员\","
                + "\"password\":\"" + TestPasswords.of("qs-county") + "\",\"roles\":[\"COUNTY_ADMIN\"],"
                + "\"regionCode\":\"140521\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String firstKey = created.json().path("secondFactor").path("key").asText();
        assertThat(firstKey).hasSize(32);
        assertThat(created.json().path("secondFactor").path("uri").asText())
                .startsWith("otpauth://totp/civicgrid:qs-county?secret=" + firstKey);
        assertThat(security.get("/users/qs-county").body()).as("the key is shown once").doesNotContain(firstKey);
        platform.secondFactors.remember("qs-county", firstKey);
        assertThat(platform.api.as("qs-county", TestPasswords.of("qs-county")).get("/me").status()).isEqualTo(200);

        Api.Reply reset = security.post("/users/qs-county/second-factor", "");
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        String secondKey = reset.json().path("key").asText();
        assertThat(secondKey).hasSize(32).isNotEqualTo(firstKey);
        Api basic = platform.api.basic("qs-county", TestPasswords.of("qs-county"));
        assertThat(basic.openSession(SecondFactors.code(firstKey, SecondFactors.step(java.time.Instant.now()))).status())
                .as("the lost phone's key").isEqualTo(401);
        platform.secondFactors.remember("qs-county", secondKey);
        assertThat(basic.openSession(platform.secondFactors.freshCode("qs-county")).status()).isEqualTo(201);

        assertThat(security.post("/users/qs-worker/second-factor", "").status()).as("not an administrator").isEqualTo(400);
        assertThat(platform.api.as("yc-security", "security-pass-02").post("/users/qs-county/second-factor", "").status())
                .as("another county's administrator").isEqualTo(404);
        assertThat(worker.post("/users/qs-county/second-factor", "").status()).isEqualTo(403);
    }

    @Test
    @Order(6)
    void aForgottenPasswordIsResetToATemporaryOneThatMustBeChanged() {
        platform.shell.run("civicgrid:user-add --role GRID_WORKER --region 140521100 qs-forgetful " + TestPasswords.of("qs-forgetful"));
        Api forgetful = platform.api.as("qs-forgetful", TestPasswords.of("qs-forgetful"));
        Api bearer = platform.api.bearer(openSession(forgetful));

        assertThat(worker.post("/users/qs-forgetful/password-reset", "").status()).as("not an administrator").isEqualTo(403);
        assertThat(platform.api.as("yc-security", "security-pass-02").post("/users/qs-forgetful/password-reset", "").status())
                .as("another county's administrator").isEqualTo(404);
        Api.Reply reset = security.post("/users/qs-forgetful/password-reset", "");
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        String temporary = reset.json().path("temporaryPassword").asText();

        assertThat(forgetful.get("/me").status()).as("the old password").isEqualTo(401);
        assertThat(bearer.get("/me").status()).as("a session of the old password").isEqualTo(401);
        Api withTemporary = platform.api.as("qs-forgetful", temporary);
        assertThat(withTemporary.get("/me").json().path("passwordExpired").asBoolean()).as("to be changed").isTrue();
        assertThat(withTemporary.post("/me/password", "{\"current\":\"" + temporary + "\",\"new\":\"Mine-again-2026\"}")
                .status()).isEqualTo(204);
        assertThat(platform.api.as("qs-forgetful", "Mine-again-2026").get("/me").json().path("passwordExpired").asBoolean())
                .isFalse();
        assertThat(inTheTrail("--type user --id qs-forgetful --limit 20", "user.password-reset"))
                .doesNotContain(temporary);
    }

    @Test
    @Order(7)
    void systemAdministratorsReachTheShellWithTheirPasswordAndCodeAndActWithinTheirCounty() {
        platform.shell.run("civicgrid:user-add --role COUNTY_ADMIN --region 140521 qs-sysadmin " + TestPasswords.of("qs-sysadmin"));
        String password = TestPasswords.of("qs-sysadmin");
        assertThatThrownBy(() -> shellAs("qs-sysadmin", password).run("bundle:list"))
                .as("the password alone").hasMessageContaining("SSH");
        assertThatThrownBy(() -> shellAs("qs-worker", "worker-pass-01123456").run("bundle:list"))
                .as("not a system administrator").hasMessageContaining("SSH");

        String created = shellAs("qs-sysadmin", password + platform.secondFactors.freshCode("qs-sysadmin"))
                .run("civicgrid:user-add --role GRID_WORKER --region 140521100 qs-newcomer " + TestPasswords.of("qs-newcomer"));
        assertThat(created).contains("Created user qs-newcomer");
        assertThat(inTheTrail("--type user --id qs-newcomer --limit 5", "qs-sysadmin"))
                .as("done as the administrator, not as the installation").contains("qs-sysadmin");

        String outside = shellAs("qs-sysadmin", password + platform.secondFactors.freshCode("qs-sysadmin"))
                .runAllowingErrors("civicgrid:user-add --role GRID_WORKER --region 140522 yc-newcomer " + TestPasswords.of("yc-newcomer"));
        assertThat(outside).contains("outside your area");
        assertThat(security.get("/users/yc-newcomer").status()).isEqualTo(404);
        assertThat(platform.api.as("yc-security", "security-pass-02").get("/users/yc-newcomer").status()).isEqualTo(404);

        String install = shellAs("qs-sysadmin", password + platform.secondFactors.freshCode("qs-sysadmin"))
                .runAllowingErrors("feature:install civicgrid-patrol");
        // Karaf does not even show a command its command lists keep from the user.
        assertThat(install).as("installing plug-ins is for the city's administrator")
                .containsAnyOf("Command not found", "Insufficient credentials");
        assertThat(platform.shell.run("feature:list -i")).doesNotContain("civicgrid-patrol");
    }

    private KarafShell shellAs(String user, String password) {
        return new KarafShell(platform.sshPort, user, password, platform.secondFactors);
    }

    /**
     * What {@code civicgrid:audit-list} with these options shows once it shows all the texts (a few seconds at most):
     * an entry joins the chain a fraction of a second after the change it describes is committed.
     */
    private String inTheTrail(String options, String... texts) {
        String[] shown = new String[1];
        org.awaitility.Awaitility.await("audit-list " + options + " shows " + String.join(", ", texts))
                .atMost(java.time.Duration.ofSeconds(10)).pollInterval(java.time.Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(shown[0] = platform.shell.run("civicgrid:audit-list " + options)).contains(texts));
        return shown[0];
    }
}
