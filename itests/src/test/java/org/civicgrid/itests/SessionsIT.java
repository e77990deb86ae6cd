package org.civicgrid.itests;

import static org.assertj.core.api.Assertions.assertThat;

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
 * and its password at once — each on the record.
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

        String trail = platform.shell.run("civicgrid:audit-list --type user --id qs-worker --limit 30");
        assertThat(trail).contains("session.open").contains("session.close").contains("session.end")
                .contains("user.disable").contains("调离岗位").contains("user.enable");
    }
}
