package org.civicgrid.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Sign-in and data protection as an assessor would check them: accounts lock after wrong passwords and unlock
 * after the configured time, refusals and changes land in the audit trail, the trail is a chain whose tampering is
 * detected (and refused outright on PostgreSQL), plug-ins installed and configuration files changed at runtime are
 * recorded in it, and parties' names and numbers are not stored in the clear.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

    private static final String VILLAGE = "140521100200";

    private PlatformRun run;
    private Distribution platform;
    private Api resident;

    @BeforeAll
    void boot() throws Exception {
        run = PlatformRun.start("security");
        platform = run.platform;
        platform.shell.run("civicgrid:user-add --role RESIDENT --region " + VILLAGE + " qs-resident resident-pass-01");
        platform.shell.run("civicgrid:user-add --role COMMAND_OPERATOR --region 140522 yc-operator operator-pass-01");
        resident = platform.api.as("qs-resident", "resident-pass-01");
    }

    @AfterAll
    void shutDown() throws Exception {
        if (run != null) {
            run.close();
        }
    }

    @Test
    @Order(1)
    void fiveWrongPasswordsLockTheAccountUntilTheLockRunsOut() throws Exception {
        platform.shell.run("civicgrid:user-add --role RESIDENT --region " + VILLAGE + " qs-guessed right-pass-01");
        assertThat(platform.api.as("qs-guessed", "right-pass-01").get("/me").status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(platform.api.as("qs-guessed", "wrong-guess-" + i).get("/me").status()).isEqualTo(401);
        }
        // The right password no longer helps, though it was verified a moment ago.
        assertThat(platform.api.as("qs-guessed", "right-pass-01").get("/me").status()).isEqualTo(401);
        inTheTrail("--type user --id qs-guessed --limit 10", "account locked for 30 minutes", "wrong password");

        // The county's security administrator lifts the lock; another county's staff cannot.
        platform.shell.run("civicgrid:user-add --role SECURITY_ADMIN --region 140521 qs-security security-pass-01");
        assertThat(platform.api.as("yc-operator", "operator-pass-01").post("/users/qs-guessed/unlock", "").status())
                .isIn(403, 404);
        Api.Reply unlocked = platform.api.as("qs-security", "security-pass-01").post("/users/qs-guessed/unlock", "");
        assertThat(unlocked.status()).as(unlocked.body()).isEqualTo(200);
        assertThat(platform.api.as("qs-guessed", "right-pass-01").get("/me").status()).isEqualTo(200);

        // Locked again, the lock also runs out by itself.
        for (int i = 0; i < 5; i++) {
            platform.api.as("qs-guessed", "wrong-again-" + i).get("/me");
        }
        assertThat(platform.api.as("qs-guessed", "right-pass-01").get("/me").status()).isEqualTo(401);
        platform.moveClock(31);
        try {
            assertThat(platform.api.as("qs-guessed", "right-pass-01").get("/me").status())
                    .as("30 minutes later the lock has run out").isEqualTo(200);
        } finally {
            platform.moveClock(0);
        }
    }

    @Test
    @Order(2)
    void refusalsAndChangesAreAuditedWithWhoAndWhat() throws Exception {
        Api otherCounty = platform.api.as("yc-operator", "operator-pass-01");
        assertThat(otherCounty.get("/cases?region=140521").status()).isEqualTo(403);
        inTheTrail("--type api --limit 5", "yc-operator", "access.refused", "GET /api/cases", "127.0.0.1",
                "outside your area");

        Api.Reply reported = resident.post("/cases", "{\"title\":\"路灯不亮\",\"description\":\"村口路灯不亮\","
                + "\"category\":\"street-light\",\"channel\":\"APP\",\"regionCode\":\"" + VILLAGE + "\"}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        String id = reported.json().path("id").asText();
        inTheTrail("--type case --id " + id, "qs-resident", "case.reported", VILLAGE);
    }

    @Test
    @Order(3)
    void partiesAreStoredSealed() throws Exception {
        Api.Reply reported = resident.post("/cases", "{\"title\":\"邻里纠纷\",\"description\":\"院墙纠纷\","
                + "\"category\":\"noise\",\"channel\":\"APP\",\"regionCode\":\"" + VILLAGE + "\","
                + "\"parties\":[{\"role\":\"RESPONDENT\",\"kind\":\"PERSON\",\"name\":\"赵铁柱\",\"phone\":\"13912345678\"}]}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        assertThat(reported.body()).contains("赵**").contains("139****5678").doesNotContain("13912345678");
        // Nowhere in the database, read whole as a copy of it would be (the case's title is stored in the clear and
        // shows the check reads where the data is).
        org.awaitility.Awaitility.await("the case is stored").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1)).until(() -> StoredData.of(run).contains("院墙纠纷"));
        assertThat(StoredData.of(run).found("赵铁柱", "13912345678")).as("stored in the clear").isEmpty();
        Optional<Connection> direct = run.database.connection();
        if (direct.isEmpty()) {
            return;
        }
        try (Connection c = direct.get(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select name_sealed, phone_sealed from cg_case_party where case_id = '"
                     + reported.json().path("id").asText() + "'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).startsWith("v1.").doesNotContain("赵铁柱");
            assertThat(r.getString(2)).startsWith("v1.").doesNotContain("13912345678");
        }
    }

    @Test
    @Order(4)
    void theAuditTrailIsAChainThatRevealsTampering() throws Exception {
        assertThat(platform.shell.run("civicgrid:audit-verify")).contains("Audit trail intact");
        Optional<Connection> direct = run.database.connection();
        if (direct.isEmpty()) {
            System.out.println("SecurityIT: tampering is tried on PostgreSQL only (the embedded database is locked)");
            return;
        }
        try (Connection c = direct.get(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update cg_audit set actor = 'someone-else' where seq = 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from cg_audit where seq = 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            // A database superuser can switch the guard off; the chain still gives the change away.
            s.execute("alter table cg_audit disable trigger cg_audit_no_update");
            s.executeUpdate("update cg_audit set detail = 'nothing happened' where seq = 2");
            s.execute("alter table cg_audit enable trigger cg_audit_no_update");
        }
        assertThat(platform.shell.run("civicgrid:audit-verify")).contains("AUDIT TRAIL BROKEN at entry 2")
                .contains("changed after it was written");
    }

    @Test
    @Order(5)
    void onlyTheAuditAdministratorReadsVerifiesAndExportsTheTrail() throws Exception {
        String combined = platform.shell.runAllowingErrors("civicgrid:user-add --role AUDIT_ADMIN --role SECURITY_ADMIN "
                + "--region 1405 two-hats hats-pass-01");
        assertThat(combined).contains("separate duties");
        platform.shell.run("civicgrid:user-add --role AUDIT_ADMIN --region 1405 city-auditor auditor-pass-01");
        Api auditor = platform.api.as("city-auditor", "auditor-pass-01");
        Api.Reply entries = auditor.get("/audit?limit=50");
        assertThat(entries.status()).as(entries.body()).isEqualTo(200);
        assertThat(entries.body()).contains("case.reported").contains("login");
        Api.Reply verify = auditor.get("/audit/verify");
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.json().path("entries").asLong()).isPositive();
        // The reads above are entries themselves, chained within a fraction of a second.
        await("the auditor's reads are in the trail").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Api.Reply export = auditor.get("/audit/export");
            assertThat(export.status()).isEqualTo(200);
            assertThat(export.contentType()).startsWith("text/csv");
            assertThat(export.body()).contains("seq,at,actor,action").contains("audit.read");
        });
        assertThat(resident.get("/audit").status()).isEqualTo(403);
        assertThat(platform.api.as("yc-operator", "operator-pass-01").get("/audit/export").status()).isEqualTo(403);
        assertThat(auditor.get("/cases").json().size()).as("an auditor works on no cases").isZero();
    }

    @Test
    @Order(6)
    void responsesAreNeitherKeptNorFramed() {
        Api.Reply me = resident.get("/me");
        assertThat(me.header("Cache-Control")).isEqualTo("no-store");
        assertThat(me.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(me.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(me.header("Content-Security-Policy")).contains("default-src 'none'");
        Api.Reply refused = platform.api.get("/cases");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    @Order(7)
    void theHealthCheckShowsTheClockIsNotMoved() {
        JsonNode health = platform.api.get("/health").json();
        boolean found = false;
        for (JsonNode check : health.path("checks")) {
            if ("clock".equals(check.path("name").asText())) {
                found = true;
                assertThat(check.path("offsetMinutes").asLong()).isZero();
                assertThat(check.path("warning").isMissingNode()).isTrue();
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    @Order(8)
    void aConsoleAccountsPasswordIsStoredHashedOnceUsed() throws Exception {
        // The test's own shell account was written to etc/users.properties in plain text before the start.
        String line = java.nio.file.Files.readAllLines(platform.home.resolve("etc/users.properties")).stream()
                .filter(l -> l.startsWith(Distribution.SHELL_USER + " ")).findFirst().orElseThrow();
        assertThat(line).matches(Distribution.SHELL_USER + " = \\{CRYPT\\}[0-9A-Fa-f]{128}\\{CRYPT\\},.*");
    }

    @Test
    @Order(9)
    void theConsolePageComesWithAContentSecurityPolicy() throws Exception {
        java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + platform.httpPort
                        + "/console/")).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    @Order(10)
    void pluginInstallsAndConfigurationChangesLandInTheAuditTrail() throws Exception {
        platform.shell.run("civicgrid:user-add --role AUDIT_ADMIN --region 1405 platform-auditor auditor-pass-02");
        Api auditor = platform.api.as("platform-auditor", "auditor-pass-02");
        Path rule = platform.home.resolve("etc/org.civicgrid.routing-audited.cfg");
        boolean installed = false;
        try {
            platform.shell.run("feature:install civicgrid-patrol");
            installed = true;
            platform.configure(rule.getFileName().toString(),
                    "category = audit-itest\nregion = 140521\nunit = qs-audit-itest\n");
            await("the install and the new configuration file are in the trail").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                        List<JsonNode> entries = platformEntries(auditor);
                        assertThat(entries).anySatisfy(e -> {
                            assertThat(e.path("action").asText()).isEqualTo("plugin.install");
                            assertThat(e.path("objectId").asText()).isEqualTo("patrol");
                            assertThat(e.path("detail").asText()).startsWith("org.civicgrid.plugin.patrol ");
                        });
                        assertThat(entries).anySatisfy(e -> {
                            assertThat(e.path("action").asText()).isEqualTo("config.update");
                            assertThat(e.path("objectId").asText()).startsWith("org.civicgrid.routing");
                            assertThat(e.path("detail").asText()).contains("file org.civicgrid.routing-audited.cfg")
                                    .contains("set category, region, unit");
                        });
                    });

            platform.shell.run("feature:uninstall civicgrid-patrol");
            installed = false;
            Files.delete(rule);
            await("the uninstall and the removed configuration are in the trail").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                        List<JsonNode> entries = platformEntries(auditor);
                        assertThat(entries).anySatisfy(e -> {
                            assertThat(e.path("action").asText()).isEqualTo("plugin.uninstall");
                            assertThat(e.path("objectId").asText()).isEqualTo("patrol");
                        });
                        assertThat(entries).anySatisfy(e -> {
                            assertThat(e.path("action").asText()).isEqualTo("config.delete");
                            assertThat(e.path("detail").asText()).contains("file org.civicgrid.routing-audited.cfg");
                        });
                    });
            assertThat(platformEntries(auditor)).as("no setting's value is written into the trail")
                    .noneMatch(e -> e.toString().contains("audit-itest"));
        } finally {
            if (installed) {
                platform.shell.run("feature:uninstall civicgrid-patrol");
            }
            Files.deleteIfExists(rule);
        }
    }

    /**
     * Waits (a few seconds at most) until {@code civicgrid:audit-list} with these options shows all the texts: an entry
     * joins the chain a fraction of a second after the change it describes is committed.
     */
    private void inTheTrail(String options, String... texts) {
        await("audit-list " + options + " shows " + String.join(", ", texts)).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(platform.shell.run("civicgrid:audit-list " + options)).contains(texts));
    }

    /** The platform's own entries (plug-ins, configurations) as the city's audit administrator reads them. */
    private static List<JsonNode> platformEntries(Api auditor) {
        Api.Reply reply = auditor.get("/audit?limit=200");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode entry : reply.json()) {
            if ("platform".equals(entry.path("actor").asText())
                    && ("plugin".equals(entry.path("objectType").asText()) || "config".equals(entry.path("objectType").asText()))) {
                entries.add(entry);
            }
        }
        return entries;
    }

    @Test
    @Order(11)
    void passwordsFollowTheMlpsProfileAndAnExpiredOneIsChangedByItsUser() throws Exception {
        String weak = platform.shell.runAllowingErrors("civicgrid:user-add --role RESIDENT --region " + VILLAGE
                + " qs-changer lowercase2026");
        assertThat(weak).contains("must mix at least 3 of the 4 kinds of character");
        assertThat(platform.api.as("qs-changer", "lowercase2026").get("/me").status()).as("nothing created").isEqualTo(401);
        platform.shell.run("civicgrid:user-add --role RESIDENT --region " + VILLAGE + " qs-changer first-pass-01");
        Api first = platform.api.as("qs-changer", "first-pass-01");
        assertThat(first.get("/me").json().path("passwordExpired").asBoolean()).isFalse();

        // 90 days later the password has expired: signing in still works, and /api/me says so.
        platform.moveClock(90L * 24 * 60);
        try {
            Api.Reply me = first.get("/me");
            assertThat(me.status()).as(me.body()).isEqualTo(200);
            assertThat(me.json().path("passwordExpired").asBoolean()).isTrue();
            Api.Reply refused = first.post("/me/password", "{\"current\":\"first-pass-01\",\"new\":\"QS-changer-2027\"}");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("new password must not contain the user id");
            Api.Reply changed = first.post("/me/password", "{\"current\":\"first-pass-01\",\"new\":\"Second-pass-02\"}");
            assertThat(changed.status()).as(changed.body()).isEqualTo(204);
            assertThat(first.get("/me").status()).as("the old password stops working at once").isEqualTo(401);
            Api.Reply after = platform.api.as("qs-changer", "Second-pass-02").get("/me");
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.json().path("passwordExpired").asBoolean()).isFalse();
        } finally {
            platform.moveClock(0);
        }
        inTheTrail("--type user --id qs-changer --limit 10", "password.change");
    }
}
