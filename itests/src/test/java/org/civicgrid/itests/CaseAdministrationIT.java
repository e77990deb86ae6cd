package org.civicgrid.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Routing rules and a county's deadlines changed over the API by its administrator, as the console does: the next
 * case follows them without a restart, bad input changes nothing, another county's administrator is refused and
 * changes nothing, and every change is in the audit trail with who made it and the values before and after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseAdministrationIT {

    private static final String VILLAGE = "140521100200";

    private PlatformRun run;
    private Distribution platform;
    private Api admin;
    private Api otherAdmin;
    private Api operator;
    private Api resident;
    private String ruleId;

    @BeforeAll
    void boot() throws Exception {
        run = PlatformRun.start("caseadmin");
        platform = run.platform;
        platform.shell.run("civicgrid:user-add --role COUNTY_ADMIN --region 140521 --name 沁水县管理员 qs-admin county-pass-01");
        platform.shell.run("civicgrid:user-add --role COUNTY_ADMIN --region 140522 --name 阳城县管理员 yc-admin county-pass-02");
        admin = platform.api.as("qs-admin", "county-pass-01");
        otherAdmin = platform.api.as("yc-admin", "county-pass-02");
        created(admin.post("/units", "{\"id\":\"qs-police\",\"name\":\"龙港派出所\",\"kind\":\"POLICE_STATION\",\"regionCode\":\"140521100\"}"));
        created(otherAdmin.post("/units", "{\"id\":\"yc-police\",\"name\":\"凤城派出所\",\"kind\":\"POLICE_STATION\",\"regionCode\":\"140522100\"}"));
        operator = user("qs-operator", "COMMAND_OPERATOR", "140521");
        resident = user("qs-resident", "RESIDENT", VILLAGE);
    }

    @AfterAll
    void shutDown() throws Exception {
        if (run != null) {
            run.close();
        }
    }

    @Test
    @Order(1)
    void aCountyAdministratorAddsARuleAndTheNextCaseOfItsCategoryGoesToThatUnit() throws Exception {
        Api.Reply added = admin.post("/routing-rules", "{\"category\":\"street-light\",\"regionCode\":\"140521\",\"unitId\":\"qs-police\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        ruleId = added.json().path("id").asText();
        assertThat(added.json().path("source").asText()).isEqualTo("console");
        assertThat(added.json().path("changedBy").asText()).isEqualTo("qs-admin");
        Path file = platform.home.resolve("etc").resolve(added.json().path("file").asText());
        await("the rule is kept in etc/").atMost(Duration.ofSeconds(30)).until(() -> Files.exists(file));
        assertThat(Files.readString(file)).contains("street-light").contains("qs-police");

        String id = report("street-light", "路灯不亮");
        step(operator, id, "{\"action\":\"REGISTER\"}", "REGISTERED");
        await("the rule applies without a restart").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> operator.post("/cases/" + id + "/transitions", "{\"action\":\"DISPATCH\"}").status() == 200);
        JsonNode dispatched = operator.get("/cases/" + id).json();
        assertThat(dispatched.path("unitId").asText()).isEqualTo("qs-police");
        assertThat(lastStep(id).path("note").asText()).contains("routed by the rule").contains("street-light");
    }

    @Test
    @Order(2)
    void aRuleAFileHoldsIsListedButLeftToItsFile() throws Exception {
        platform.configure("org.civicgrid.routing-noise.cfg", "category = noise\nregion = 140521100\nunit = qs-police\n");
        await("the file's rule is listed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> admin.get("/routing-rules").body().contains("\"noise\""));
        JsonNode fileRule = null;
        for (JsonNode rule : admin.get("/routing-rules").json()) {
            if (rule.path("category").asText().equals("noise")) {
                fileRule = rule;
            }
        }
        assertThat(fileRule.path("source").asText()).isEqualTo("file");
        assertThat(fileRule.path("file").asText()).isEqualTo("org.civicgrid.routing-noise.cfg");
        assertThat(fileRule.path("deletable").asBoolean()).isFalse();
        Api.Reply refused = admin.delete("/routing-rules/" + fileRule.path("id").asText());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asText()).contains("org.civicgrid.routing-noise.cfg");
        assertThat(Files.exists(platform.home.resolve("etc/org.civicgrid.routing-noise.cfg"))).isTrue();
    }

    @Test
    @Order(3)
    void badRulesAreRefusedWithAReasonAndAddNothing() {
        String before = admin.get("/routing-rules").body();
        Api.Reply unknownCategory = admin.post("/routing-rules", "{\"category\":\"weather\",\"regionCode\":\"140521\",\"unitId\":\"qs-police\"}");
        assertThat(unknownCategory.status()).isEqualTo(400);
        assertThat(unknownCategory.json().path("detail").asText()).contains("weather").contains("street-light");
        Api.Reply otherUnit = admin.post("/routing-rules", "{\"category\":\"noise\",\"regionCode\":\"140521\",\"unitId\":\"yc-police\"}");
        assertThat(otherUnit.status()).isEqualTo(400);
        assertThat(otherUnit.json().path("detail").asText()).contains("yc-police");
        Api.Reply noRegion = admin.post("/routing-rules", "{\"category\":\"noise\",\"regionCode\":\"140599\",\"unitId\":\"qs-police\"}");
        assertThat(noRegion.status()).isEqualTo(400);
        Api.Reply twice = admin.post("/routing-rules", "{\"category\":\"street-light\",\"regionCode\":\"140521\",\"unitId\":\"qs-police\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(admin.get("/routing-rules").body()).isEqualTo(before);
        assertThat(operator.get("/routing-rules").status()).as("administrators only").isEqualTo(403);
    }

    @Test
    @Order(4)
    void deadlinesChangedThroughTheApiGiveTheNextCaseItsDeadline() {
        JsonNode read = admin.get("/case-deadlines?region=140521").json();
        assertThat(read.path("own").asBoolean()).isFalse();
        assertThat(read.path("inheritedFrom").asText()).isEqualTo("platform");
        assertThat(read.path("defaults").path("registerMinutes").asInt()).isEqualTo(60);
        // Every minute a working minute, so the deadline can be read off the clock.
        Api.Reply saved = admin.put("/case-deadlines/140521", "{\"officeHours\":\"00:00-23:59:59\",\"weekend\":[],"
                + "\"holidays\":[],\"workedWeekendDays\":[],\"registerMinutes\":15}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("own").asBoolean()).isTrue();
        assertThat(saved.json().path("settings").path("registerMinutes").asInt()).isEqualTo(15);
        assertThat(saved.json().path("settings").path("handleHours").asInt()).as("kept").isEqualTo(24);
        await("the county's deadline applies").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> registrationMinutes(resident) == 15);
        assertThat(admin.put("/case-deadlines/140521", "{\"registerMinutes\":25}").status()).isEqualTo(200);
        await("and its change").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> registrationMinutes(resident) == 25);
        assertThat(Files.exists(platform.home.resolve("etc/org.civicgrid.cases.county-140521.cfg"))).isTrue();
    }

    @Test
    @Order(5)
    void badDeadlinesAreRefusedWithEveryReasonAndChangeNothing() throws Exception {
        String before = admin.get("/case-deadlines?region=140521").body();
        Api.Reply refused = admin.put("/case-deadlines/140521", "{\"officeHours\":\"9点-17点\",\"registerMinutes\":0,"
                + "\"holidays\":[\"2026-02-30\"],\"categoryHandleHours\":{\"weather\":8}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("officeHours").contains("registerMinutes")
                .contains("2026-02-30").contains("weather");
        assertThat(admin.put("/case-deadlines/140521", "{\"registerMinutes\":\"soon\"}").status()).isEqualTo(400);
        assertThat(admin.get("/case-deadlines?region=140521").body()).isEqualTo(before);
        // A negative check: give Configuration Admin (which applies changes on its own thread) time to apply a change
        // that should not exist, then report one case (each check reports a case, so it is not polled).
        Thread.sleep(2000);
        assertThat(registrationMinutes(resident)).isEqualTo(25);
    }

    @Test
    @Order(6)
    void anotherCountysAdministratorIsRefusedAndChangesNothing() {
        String rules = admin.get("/routing-rules").body();
        String deadlines = admin.get("/case-deadlines?region=140521").body();
        Api.Reply add = otherAdmin.post("/routing-rules", "{\"category\":\"noise\",\"regionCode\":\"140521\",\"unitId\":\"qs-police\"}");
        assertThat(add.status()).isEqualTo(403);
        Api.Reply addWithOwnUnit = otherAdmin.post("/routing-rules", "{\"category\":\"noise\",\"regionCode\":\"140521\",\"unitId\":\"yc-police\"}");
        assertThat(addWithOwnUnit.status()).isEqualTo(403);
        assertThat(otherAdmin.get("/routing-rules?region=140521").status()).isEqualTo(403);
        assertThat(otherAdmin.get("/routing-rules").body()).doesNotContain("140521");
        Api.Reply delete = otherAdmin.delete("/routing-rules/" + ruleId);
        Api.Reply deleteNothing = otherAdmin.delete("/routing-rules/org.civicgrid.routing~console-00000000");
        assertThat(delete.status()).isEqualTo(404);
        assertThat(delete.json().path("detail").asText().replace(ruleId, "{}"))
                .isEqualTo(deleteNothing.json().path("detail").asText().replace("org.civicgrid.routing~console-00000000", "{}"));
        assertThat(otherAdmin.get("/case-deadlines?region=140521").status()).isEqualTo(403);
        Api.Reply save = otherAdmin.put("/case-deadlines/140521", "{\"registerMinutes\":5}");
        assertThat(save.status()).isEqualTo(404);
        assertThat(otherAdmin.put("/case-deadlines/140599", "{\"registerMinutes\":5}").json().path("detail").asText()
                .replace("140599", "{}")).isEqualTo(save.json().path("detail").asText().replace("140521", "{}"));
        assertThat(admin.get("/routing-rules").body()).isEqualTo(rules);
        assertThat(admin.get("/case-deadlines?region=140521").body()).isEqualTo(deadlines);
    }

    @Test
    @Order(7)
    void everyChangeIsInTheAuditTrailWithWhoAndBeforeAndAfter() {
        String rules = platform.shell.run("civicgrid:audit-list --type routing-rule --limit 50");
        assertThat(rules).contains("routing.rule.add").contains("qs-admin").contains("street-light in 140521 → qs-police");
        String deadlines = platform.shell.run("civicgrid:audit-list --type case-deadlines --id 140521 --limit 50");
        assertThat(deadlines).contains("case.deadlines.update").contains("qs-admin")
                .contains("registerMinutes 60 → 15").contains("registerMinutes 15 → 25");
        assertThat(deadlines).doesNotContain("yc-admin");

        // Deleting the rule made here: audited, its file gone, and cases of the category follow the rules left.
        Path file = platform.home.resolve("etc").resolve(admin.get("/routing-rules").json().findValuesAsText("file").stream()
                .filter(f -> f.contains("console-")).findFirst().orElseThrow());
        assertThat(admin.delete("/routing-rules/" + ruleId).status()).isEqualTo(204);
        assertThat(admin.get("/routing-rules").body()).doesNotContain(ruleId);
        await("its file goes").atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(file));
        assertThat(platform.shell.run("civicgrid:audit-list --type routing-rule --limit 50"))
                .contains("routing.rule.delete").contains("deleted: street-light in 140521 → qs-police");
    }

    private long registrationMinutes(Api as) {
        JsonNode c = as.post("/cases", "{\"title\":\"垃圾堆放\",\"description\":\"路边垃圾堆放\","
                + "\"category\":\"sanitation\",\"channel\":\"APP\",\"regionCode\":\"" + VILLAGE + "\"}").json();
        return Math.round(Duration.between(OffsetDateTime.parse(c.path("reportedAt").asText()),
                OffsetDateTime.parse(c.path("deadline").asText())).toSeconds() / 60.0);
    }

    private String report(String category, String title) {
        Api.Reply reported = resident.post("/cases", "{\"title\":\"" + title + "\",\"description\":\"" + title + "，请处理\","
                + "\"category\":\"" + category + "\",\"channel\":\"APP\",\"regionCode\":\"" + VILLAGE + "\"}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        return reported.json().path("id").asText();
    }

    private JsonNode lastStep(String id) {
        JsonNode history = operator.get("/cases/" + id + "/history").json();
        return history.get(history.size() - 1);
    }

    private static void step(Api as, String id, String request, String expectedState) {
        Api.Reply reply = as.post("/cases/" + id + "/transitions", request);
        assertThat(reply.status()).as(request + " → " + reply.body()).isEqualTo(200);
        assertThat(reply.json().path("state").asText()).isEqualTo(expectedState);
    }

    private Api user(String id, String role, String region) {
        String password = TestPasswords.of(id);
        created(admin.post("/users", "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"password\":\"" + password
                + "\",\"roles\":[\"" + role + "\"],\"regionCode\":\"" + region + "\"}"));
        return platform.api.as(id, password);
    }

    private static void created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }
}
