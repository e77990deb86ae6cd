package org.civicgrid.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The case loop over REST as county staff work it, signed in through the directory: report, register,
 * dispatch by a routing rule, return, re-dispatch, extension, escalation, handle, send back, verify, close,
 * rate, reopen; refused steps change nothing; another county sees nothing; configuration applies without restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseLoopIT {

    private static final String VILLAGE = "140521100200";

    private PlatformRun run;
    private Distribution platform;
    private Api admin;
    private Api operator;
    private Api judicial;
    private Api police;
    private Api worker;
    private Api resident;
    private Api otherCounty;
    private String caseId;

    @BeforeAll
    void boot() throws Exception {
        run = PlatformRun.start("cases");
        platform = run.platform;
        platform.shell.run("civicgrid:user-add --role COUNTY_ADMIN --region 140521 --name 沁水县管理员 qs-admin county-pass-01");
        platform.shell.run("civicgrid:user-add --role COMMAND_OPERATOR --region 140522 yc-operator county-pass-02");
        admin = platform.api.as("qs-admin", "county-pass-01");
        otherCounty = platform.api.as("yc-operator", "county-pass-02");
        created(admin.post("/units", "{\"id\":\"qs-judicial\",\"name\":\"沁水县司法局\",\"kind\":\"JUDICIAL_OFFICE\",\"regionCode\":\"140521\"}"));
        created(admin.post("/units", "{\"id\":\"qs-police\",\"name\":\"龙港派出所\",\"kind\":\"POLICE_STATION\",\"regionCode\":\"140521100\"}"));
        operator = user("qs-operator", "COMMAND_OPERATOR", "140521", null);
        judicial = user("qs-judicial-1", "DEPARTMENT_HANDLER", "140521", "qs-judicial");
        police = user("qs-police-1", "DEPARTMENT_HANDLER", "140521100", "qs-police");
        worker = user("qs-worker", "GRID_WORKER", "140521100", null);
        resident = user("qs-resident", "RESIDENT", VILLAGE, null);
    }

    @AfterAll
    void shutDown() throws Exception {
        if (run != null) {
            run.close();
        }
    }

    @Test
    @Order(1)
    void theApiKnowsWhoIsSignedInAndRefusesStrangers() {
        JsonNode me = operator.get("/me").json();
        assertThat(me.path("userId").asText()).isEqualTo("qs-operator");
        assertThat(me.path("roles").toString()).contains("COMMAND_OPERATOR");
        assertThat(platform.api.as("qs-operator", "wrong-password").get("/me").status()).isEqualTo(401);
        assertThat(platform.api.get("/cases").status()).isEqualTo(401);
        assertThat(otherCounty.get("/users/qs-operator").status()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void aResidentReportsAndTheCommandCentreRegistersAndDispatchesByTheRoutingRule() throws Exception {
        assertThat(resident.get("/cases/categories").json().toString()).contains("street-light").contains("路灯故障");
        Api.Reply unknown = resident.post("/cases", "{\"title\":\"x\",\"description\":\"x\","
                + "\"category\":\"weather\",\"channel\":\"APP\",\"regionCode\":\"" + VILLAGE + "\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("detail").asText()).contains("weather").contains("street-light");
        // The village's grid, so the reported point is placed in it.
        Api.Reply grid = admin.post("/grids/import", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"code\":\"" + VILLAGE + "901\",\"name\":\"村口网格\",\"parent\":\"" + VILLAGE + "\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[112.0,36.5],[112.01,36.5],[112.01,36.51],[112.0,36.51],[112.0,36.5]]]}}]}");
        assertThat(grid.status()).as(grid.body()).isEqualTo(200);
        Api.Reply reported = resident.post("/cases", "{\"title\":\"路灯不亮\",\"description\":\"村口路灯三天不亮\","
                + "\"category\":\"street-light\",\"channel\":\"APP\",\"regionCode\":\"" + VILLAGE + "\","
                + "\"longitude\":112.005,\"latitude\":36.505}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        assertThat(reported.json().path("gridCode").asText()).isEqualTo(VILLAGE + "901");
        caseId = reported.json().path("id").asText();
        assertThat(reported.json().path("state").asText()).isEqualTo("REPORTED");
        assertThat(reported.json().path("level").asText()).isEqualTo("VILLAGE");

        step(operator, "{\"action\":\"REGISTER\"}", "REGISTERED");
        Api.Reply noRule = operator.post("/cases/" + caseId + "/transitions", "{\"action\":\"DISPATCH\"}");
        assertThat(noRule.status()).isEqualTo(400);
        assertThat(noRule.json().path("detail").asText()).contains("No routing rule").contains("street-light");

        // A county IT person adds a routing rule file; it applies without a restart.
        platform.configure("org.civicgrid.routing-streetlight.cfg",
                "category = street-light\nregion = 140521\nunit = qs-judicial\n");
        await("the routing rule applies").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> operator.post("/cases/" + caseId + "/transitions", "{\"action\":\"DISPATCH\"}").status() == 200);
        JsonNode dispatched = operator.get("/cases/" + caseId).json();
        assertThat(dispatched.path("state").asText()).isEqualTo("DISPATCHED");
        assertThat(dispatched.path("unitId").asText()).isEqualTo("qs-judicial");
        assertThat(dispatched.path("deadline").isNull()).isFalse();
    }

    @Test
    @Order(3)
    void theWrongUnitCannotActAndTheRightOneReturnsItAsNotTheirs() {
        Api.Reply notTheirs = police.post("/cases/" + caseId + "/transitions", "{\"action\":\"ACCEPT\"}");
        assertThat(notTheirs.status()).isEqualTo(403);
        step(judicial, "{\"action\":\"RETURN\",\"note\":\"属于派出所职责\"}", "RETURNED");
        step(operator, "{\"action\":\"REDISPATCH\",\"unitId\":\"qs-police\"}", "DISPATCHED");
        step(police, "{\"action\":\"ACCEPT\"}", "IN_HANDLING");
    }

    @Test
    @Order(4)
    void anExtensionMovesTheDeadline() {
        OffsetDateTime before = OffsetDateTime.parse(police.get("/cases/" + caseId).json().path("deadline").asText());
        step(police, "{\"action\":\"REQUEST_EXTENSION\",\"note\":\"需采购灯具\",\"extensionHours\":8}", "EXTENSION_REQUESTED");
        step(operator, "{\"action\":\"GRANT_EXTENSION\"}", "IN_HANDLING");
        OffsetDateTime after = OffsetDateTime.parse(police.get("/cases/" + caseId).json().path("deadline").asText());
        assertThat(after).isAfter(before);
    }

    @Test
    @Order(5)
    void escalationMovesTheCaseUpALevel() {
        JsonNode escalated = step(operator, "{\"action\":\"ESCALATE\",\"note\":\"涉及多村线路\"}", "REGISTERED");
        assertThat(escalated.path("level").asText()).isEqualTo("TOWNSHIP");
        step(operator, "{\"action\":\"DISPATCH\",\"unitId\":\"qs-judicial\"}", "DISPATCHED");
        step(judicial, "{\"action\":\"ACCEPT\"}", "IN_HANDLING");
    }

    @Test
    @Order(6)
    void handledWorkIsVerifiedOnSiteOrSentBack() {
        step(judicial, "{\"action\":\"HANDLE\",\"note\":\"已更换灯泡\"}", "HANDLED");
        step(worker, "{\"action\":\"SEND_BACK\",\"note\":\"夜间仍不亮\"}", "IN_HANDLING");
        step(judicial, "{\"action\":\"HANDLE\",\"note\":\"更换线路\"}", "HANDLED");
        step(worker, "{\"action\":\"VERIFY\",\"note\":\"现场核实已亮\"}", "VERIFIED");
        step(operator, "{\"action\":\"CLOSE\"}", "CLOSED");
        JsonNode rated = step(resident, "{\"action\":\"RATE\",\"rating\":4,\"note\":\"修得慢了点\"}", "CLOSED");
        assertThat(rated.path("rating").asInt()).isEqualTo(4);
        step(operator, "{\"action\":\"REOPEN\",\"note\":\"又坏了\"}", "REGISTERED");
    }

    @Test
    @Order(7)
    void photosAreAttachedRecognisedByContentAndAudited() {
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        Api.Reply attached = worker.upload("/cases/" + caseId + "/attachments?name=" + java.net.URLEncoder.encode(
                "现场照片.png", java.nio.charset.StandardCharsets.UTF_8), "application/octet-stream", png);
        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        assertThat(attached.json().path("mediaType").asText()).isEqualTo("image/png");
        String attachmentId = attached.json().path("id").asText();
        assertThat(operator.get("/cases/" + caseId + "/attachments").json().toString()).contains("现场照片.png");
        assertThat(operator.download("/cases/" + caseId + "/attachments/" + attachmentId)).isEqualTo(png);
        Api.Reply notAPhoto = worker.upload("/cases/" + caseId + "/attachments?name=x.png", "image/png",
                "<script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(notAPhoto.status()).isEqualTo(415);
        assertThat(otherCounty.get("/cases/" + caseId + "/attachments/" + attachmentId).status()).isEqualTo(404);
        assertThat(lastStep(caseId).path("action").asText()).isEqualTo("ATTACH");
    }

    @Test
    @Order(7)
    void anIllegalStepIsRefusedAndChangesNothing() {
        int stepsBefore = operator.get("/cases/" + caseId + "/history").json().size();
        Api.Reply refused = operator.post("/cases/" + caseId + "/transitions", "{\"action\":\"CLOSE\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asText()).contains("REGISTERED").contains("VERIFIED");
        Api.Reply noReason = operator.post("/cases/" + caseId + "/transitions", "{\"action\":\"REJECT\"}");
        assertThat(noReason.status()).isEqualTo(409);
        Api.Reply unknownAction = operator.post("/cases/" + caseId + "/transitions", "{\"action\":\"SHRED\"}");
        assertThat(unknownAction.status()).isEqualTo(400);
        assertThat(operator.get("/cases/" + caseId).json().path("state").asText()).isEqualTo("REGISTERED");
        assertThat(operator.get("/cases/" + caseId + "/history").json().size()).isEqualTo(stepsBefore);
    }

    @Test
    @Order(8)
    void theAuditTrailHasEveryStepWithWhoAndWhy() {
        // People's steps; the platform's supervision may have warned of a deadline in between.
        List<String> trail = new ArrayList<>();
        List<JsonNode> byPeople = new ArrayList<>();
        operator.get("/cases/" + caseId + "/history").json().forEach(s -> {
            if (!"platform".equals(s.path("actorId").asText())) {
                byPeople.add(s);
                trail.add(s.path("actorId").asText() + ":" + (s.path("action").isNull() ? "REPORT" : s.path("action").asText()));
            }
        });
        assertThat(trail).containsExactly("qs-resident:REPORT", "qs-operator:REGISTER", "qs-operator:DISPATCH",
                "qs-judicial-1:RETURN", "qs-operator:REDISPATCH", "qs-police-1:ACCEPT",
                "qs-police-1:REQUEST_EXTENSION", "qs-operator:GRANT_EXTENSION", "qs-operator:ESCALATE",
                "qs-operator:DISPATCH", "qs-judicial-1:ACCEPT", "qs-judicial-1:HANDLE", "qs-worker:SEND_BACK",
                "qs-judicial-1:HANDLE", "qs-worker:VERIFY", "qs-operator:CLOSE", "qs-resident:RATE",
                "qs-operator:REOPEN", "qs-worker:ATTACH");
        String shown = platform.shell.run("civicgrid:case-show " + caseId);
        assertThat(shown).contains("路灯不亮").contains("REOPEN").contains("qs-judicial-1");
        JsonNode returned = byPeople.get(3);
        assertThat(returned.path("note").asText()).isEqualTo("属于派出所职责");
        assertThat(returned.path("from").asText()).isEqualTo("DISPATCHED");
    }

    @Test
    @Order(9)
    void anotherCountySeesNothingAndCanDoNothing() {
        assertThat(otherCounty.get("/cases/" + caseId).status()).isEqualTo(404);
        assertThat(otherCounty.get("/cases/" + caseId + "/history").status()).isEqualTo(404);
        assertThat(otherCounty.post("/cases/" + caseId + "/transitions", "{\"action\":\"CLOSE\"}").status()).isEqualTo(404);
        assertThat(otherCounty.get("/cases?region=140521").status()).isEqualTo(403);
        assertThat(otherCounty.get("/cases").json().toString()).doesNotContain(caseId);
        assertThat(operator.get("/cases?region=140521&state=REGISTERED").json().toString()).contains(caseId);
        assertThat(operator.get("/cases?q=路灯").json().toString()).contains(caseId);

        // A neighbour in the same village cannot read a case by its id, nor find it in a list.
        Api neighbour = user("qs-neighbour", "RESIDENT", VILLAGE, null);
        assertThat(neighbour.get("/cases/" + caseId).status()).isEqualTo(404);
        assertThat(neighbour.get("/cases/" + caseId + "/attachments").status()).isEqualTo(404);
        assertThat(neighbour.get("/cases").json().toString()).doesNotContain(caseId);
        assertThat(resident.get("/cases").json().toString()).contains(caseId);
    }

    @Test
    @Order(12)
    void figuresCountTheRegionsCases() {
        JsonNode figures = operator.get("/cases/figures?region=140521").json();
        assertThat(figures.path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(figures.path("byState").path("REGISTERED").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(figures.path("byCategory").path("street-light").asLong()).isEqualTo(1);
        assertThat(figures.path("averageRating").asDouble()).isEqualTo(4.0);
        assertThat(otherCounty.get("/cases/figures?region=140521").status()).isEqualTo(403);
        assertThat(otherCounty.get("/cases/figures").json().path("total").asLong()).isZero();
        assertThat(platform.shell.run("civicgrid:case-figures 140521")).contains("Cases in 140521");

        // Each township of the county with its counts; together they are the county's.
        JsonNode byRegion = operator.get("/cases/figures/regions?region=140521").json();
        assertThat(byRegion.findValuesAsText("regionCode")).contains("140521100");
        assertThat(byRegion.findValues("total").stream().mapToLong(JsonNode::asLong).sum())
                .isEqualTo(figures.path("total").asLong());
        assertThat(otherCounty.get("/cases/figures/regions?region=140521").status()).isEqualTo(403);
        assertThat(resident.get("/cases/figures/regions").status()).isEqualTo(403);

        // The operator's to-do list holds only cases waiting on a command centre.
        JsonNode toDo = operator.get("/cases?mine=true&limit=200").json();
        assertThat(toDo.findValuesAsText("state")).isNotEmpty()
                .allMatch(state -> java.util.Set.of("REPORTED", "REGISTERED", "RETURNED", "EXTENSION_REQUESTED",
                        "VERIFIED").contains(state));
        assertThat(operator.get("/cases?sort=priority").status()).isEqualTo(400);
    }

    @Test
    @Order(10)
    void aDeadlineChangeInTheConfigurationAppliesWithoutRestart() throws Exception {
        // Every minute a working minute, so the registration deadline is exactly registerMinutes after the report.
        platform.configure("org.civicgrid.cases.cfg",
                "zone = UTC\nofficeHours = 00:00-23:59:59\nweekend =\nregisterMinutes = 120\nhandleHours = 24\nverifyHours = 2\n");
        await("the new deadline applies").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode c = resident.post("/cases", "{\"title\":\"井盖缺失\",\"description\":\"路口井盖缺失\","
                    + "\"category\":\"manhole\",\"channel\":\"APP\",\"regionCode\":\"" + VILLAGE + "\"}").json();
            Duration due = Duration.between(OffsetDateTime.parse(c.path("reportedAt").asText()),
                    OffsetDateTime.parse(c.path("deadline").asText()));
            return due.toMinutes() >= 119 && due.toMinutes() <= 121;
        });
    }

    @Test
    @Order(11)
    void supervisionFlagsOverdueCasesAndEscalatesThemByTheRules() throws Exception {
        // Due at once, never escalated automatically: supervision only flags.
        String overdue = reportWithConfiguration("registerMinutes = 0\nescalateAfterOverdueMinutes = -1\n");
        String output = platform.shell.run("civicgrid:case-supervise");
        assertThat(output).contains("flagged overdue");
        JsonNode flagged = operator.get("/cases/" + overdue).json();
        assertThat(flagged.path("state").asText()).isEqualTo("REPORTED");
        assertThat(flagged.path("overdue").asBoolean()).isTrue();
        assertThat(lastStep(overdue).path("action").asText()).isEqualTo("SUPERVISE");
        assertThat(lastStep(overdue).path("actorId").asText()).isEqualTo("platform");
        assertThat(operator.get("/cases?overdue=true").json().toString()).contains(overdue);
        int steps = operator.get("/cases/" + overdue + "/history").json().size();
        platform.shell.run("civicgrid:case-supervise");
        assertThat(operator.get("/cases/" + overdue + "/history").json().size()).as("flagged once per deadline").isEqualTo(steps);
        assertThat(operator.post("/cases/" + overdue + "/transitions", "{\"action\":\"SUPERVISE\"}").status()).isEqualTo(403);

        // Escalate as soon as overdue: each round moves a registered case up one level.
        String escalating = reportWithConfiguration("registerMinutes = 0\nescalateAfterOverdueMinutes = 0\n");
        step(operator, escalating, "{\"action\":\"REGISTER\"}", "REGISTERED");
        // Supervision rounds until the new rule is in force (the file is read asynchronously); the scheduled round
        // (every minute) may escalate it too: at least one level up, by the platform.
        await("supervision escalates the overdue case").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    platform.shell.run("civicgrid:case-supervise");
                    return !"VILLAGE".equals(operator.get("/cases/" + escalating).json().path("level").asText());
                });
        JsonNode up = operator.get("/cases/" + escalating).json();
        assertThat(up.path("level").asText()).isIn("TOWNSHIP", "COUNTY", "CITY");
        assertThat(up.path("state").asText()).isEqualTo("REGISTERED");
        List<String> byPlatform = new ArrayList<>();
        operator.get("/cases/" + escalating + "/history").json().forEach(step -> {
            if ("platform".equals(step.path("actorId").asText())) {
                byPlatform.add(step.path("action").asText() + ": " + step.path("note").asText());
            }
        });
        assertThat(byPlatform).anySatisfy(step -> assertThat(step).startsWith("ESCALATE: ").contains("supervision"));
    }

    @Test
    @Order(13)
    void partiesAreKeptSealedAndShownMasked() {
        Api.Reply badPhone = resident.post("/cases", "{\"title\":\"噪音扰民\",\"description\":\"楼上夜间装修\","
                + "\"category\":\"noise\",\"channel\":\"APP\",\"regionCode\":\"" + VILLAGE + "\","
                + "\"parties\":[{\"role\":\"RESPONDENT\",\"kind\":\"PERSON\",\"name\":\"王五\",\"phone\":\"12345\"}]}");
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.json().path("detail").asText()).contains("parties[0].phone");
        int before = operator.get("/cases?limit=200").json().size();

        Api.Reply reported = resident.post("/cases", "{\"title\":\"噪音扰民\",\"description\":\"楼上夜间装修\","
                + "\"category\":\"noise\",\"channel\":\"APP\",\"regionCode\":\"" + VILLAGE + "\","
                + "\"parties\":[{\"role\":\"COMPLAINANT\",\"kind\":\"PERSON\",\"name\":\"张小明\",\"phone\":\"13800001234\"},"
                + "{\"role\":\"RESPONDENT\",\"kind\":\"ORGANISATION\",\"name\":\"龙港物业公司\",\"phone\":\"0356-2021234\"}]}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        assertThat(operator.get("/cases?limit=200").json().size()).as("the refused report wrote nothing").isEqualTo(before + 1);
        String id = reported.json().path("id").asText();
        for (JsonNode c : List.of(reported.json(), operator.get("/cases/" + id).json())) {
            String parties = c.path("parties").toString();
            assertThat(parties).contains("张**").contains("138****1234").contains("龙港物业公司").contains("035*****1234")
                    .doesNotContain("小明").doesNotContain("13800001234");
        }
        assertThat(operator.get("/cases?q=噪音").json().toString()).contains(id).contains("张**").doesNotContain("13800001234");
        // By when they were reported.
        String aSecondBefore = OffsetDateTime.parse(reported.json().path("reportedAt").asText()).minusSeconds(1)
                .withOffsetSameInstant(java.time.ZoneOffset.UTC).toString();
        assertThat(operator.get("/cases?q=噪音&from=" + aSecondBefore).json().toString()).contains(id);
        assertThat(operator.get("/cases?q=噪音&to=2000-01-01").json().toString()).doesNotContain(id);
        assertThat(operator.get("/cases?from=yesterday").status()).isEqualTo(400);

        // In full only for the staff who contact them, with a purpose, and on the record.
        assertThat(resident.post("/cases/" + id + "/parties/reveal", "{\"purpose\":\"想看看对方是谁\"}").status()).isEqualTo(403);
        assertThat(operator.post("/cases/" + id + "/parties/reveal", "{}").status()).isEqualTo(400);
        Api.Reply revealed = operator.post("/cases/" + id + "/parties/reveal", "{\"purpose\":\"电话回访投诉人核实情况\"}");
        assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
        assertThat(revealed.body()).contains("张小明").contains("13800001234").contains("0356-2021234");
        // On the record within a fraction of a second (the trail chains entries just after their commit).
        org.awaitility.Awaitility.await("the reveal is in the audit trail").atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(platform.shell.run("civicgrid:audit-list --type case --id " + id))
                        .contains("case.parties.reveal").contains("电话回访投诉人核实情况").contains("qs-operator"));
    }

    @Test
    @Order(14)
    void aMovedPlatformClockDrivesWarningSupervisionAndEscalation() throws Exception {
        // Every minute a working minute: due 240 minutes after the report, warned 60 before, escalated 120 after.
        String id = reportWithConfiguration("registerMinutes = 240\nwarnBeforeMinutes = 60\nescalateAfterOverdueMinutes = 120\n",
                due -> due.toMinutes() >= 239 && due.toMinutes() <= 241);
        step(operator, id, "{\"action\":\"REGISTER\"}", "REGISTERED");
        platform.shell.run("civicgrid:case-supervise");
        assertThat(lastStep(id).path("action").asText()).as("nothing due yet").isEqualTo("REGISTER");

        platform.moveClock(190);
        await("a warning an hour before the deadline").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    platform.shell.run("civicgrid:case-supervise");
                    return "WARN".equals(lastStep(id).path("action").asText());
                });
        assertThat(lastStep(id).path("actorId").asText()).isEqualTo("platform");
        assertThat(operator.get("/cases/" + id).json().path("overdue").asBoolean()).isFalse();

        platform.moveClock(250);
        await("flagged once overdue").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            platform.shell.run("civicgrid:case-supervise");
            return "SUPERVISE".equals(lastStep(id).path("action").asText());
        });
        assertThat(operator.get("/cases/" + id).json().path("overdue").asBoolean()).isTrue();
        assertThat(operator.get("/cases/" + id).json().path("level").asText()).isEqualTo("VILLAGE");

        platform.moveClock(380);
        await("escalated two hours after its deadline").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    platform.shell.run("civicgrid:case-supervise");
                    return "ESCALATE".equals(lastStep(id).path("action").asText());
                });
        JsonNode up = operator.get("/cases/" + id).json();
        assertThat(up.path("level").asText()).isEqualTo("TOWNSHIP");
        assertThat(up.path("state").asText()).isEqualTo("REGISTERED");
        platform.moveClock(0);
    }

    @Test
    @Order(15)
    void aCountysOwnCalendarAppliesToItsCasesOnly() throws Exception {
        platform.configure("org.civicgrid.cases.cfg",
                "zone = UTC\nofficeHours = 00:00-23:59:59\nweekend =\nregisterMinutes = 60\n");
        platform.configure("org.civicgrid.cases.county-qinshui.cfg",
                "region = 140521\nzone = UTC\nofficeHours = 00:00-23:59:59\nweekend =\nregisterMinutes = 15\n");
        await("沁水县's own registration deadline applies").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> registrationMinutes(resident, VILLAGE) == 15);
        platform.shell.run("civicgrid:user-add --role RESIDENT --region 140522100001 yc-resident resident-pass-02");
        assertThat(registrationMinutes(platform.api.as("yc-resident", "resident-pass-02"), "140522100001"))
                .as("阳城县 keeps the platform-wide deadline").isEqualTo(60);
        Files.delete(platform.home.resolve("etc/org.civicgrid.cases.county-qinshui.cfg"));
        await("removing the county file restores the platform-wide deadline").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> registrationMinutes(resident, VILLAGE) == 60);
    }

    @Test
    @Order(16)
    void withNoRuleForItsCategoryTheCountyCommandCentreTakesTheCase() {
        String id = resident.post("/cases", "{\"title\":\"夜间施工\",\"description\":\"工地夜间施工噪声\","
                + "\"category\":\"noise\",\"channel\":\"APP\",\"regionCode\":\"" + VILLAGE + "\"}").json().path("id").asText();
        step(operator, id, "{\"action\":\"REGISTER\"}", "REGISTERED");
        Api.Reply unowned = operator.post("/cases/" + id + "/transitions", "{\"action\":\"DISPATCH\"}");
        assertThat(unowned.status()).isEqualTo(400);
        assertThat(unowned.json().path("detail").asText()).contains("No routing rule").contains("command centre");

        created(admin.post("/units", "{\"id\":\"qs-centre\",\"name\":\"沁水县综治中心\",\"kind\":\"COMMAND_CENTRE\","
                + "\"regionCode\":\"140521\"}"));
        JsonNode dispatched = step(operator, id, "{\"action\":\"DISPATCH\"}", "DISPATCHED");
        assertThat(dispatched.path("unitId").asText()).isEqualTo("qs-centre");
        JsonNode routed = lastStep(id);
        assertThat(routed.path("unitId").asText()).isEqualTo("qs-centre");
        assertThat(routed.path("note").asText()).contains("fallback").contains("沁水县综治中心");
        // A rule the county writes still decides for the categories it names.
        JsonNode streetLight = step(operator, step(operator, resident.post("/cases", "{\"title\":\"路灯\","
                + "\"description\":\"路灯不亮\",\"category\":\"street-light\",\"channel\":\"APP\",\"regionCode\":\""
                + VILLAGE + "\"}").json().path("id").asText(), "{\"action\":\"REGISTER\"}", "REGISTERED").path("id").asText(),
                "{\"action\":\"DISPATCH\"}", "DISPATCHED");
        assertThat(streetLight.path("unitId").asText()).isEqualTo("qs-judicial");
    }

    /** Reports a case and returns the minutes from its report to its first deadline. */
    private static long registrationMinutes(Api as, String village) {
        JsonNode c = as.post("/cases", "{\"title\":\"垃圾堆放\",\"description\":\"路边垃圾堆放\","
                + "\"category\":\"sanitation\",\"channel\":\"APP\",\"regionCode\":\"" + village + "\"}").json();
        return Math.round(Duration.between(OffsetDateTime.parse(c.path("reportedAt").asText()),
                OffsetDateTime.parse(c.path("deadline").asText())).toSeconds() / 60.0);
    }

    /** Writes the case settings (all hours working hours), waits until they apply, reports a case; its id. */
    private String reportWithConfiguration(String settings) throws Exception {
        String id = reportWithConfiguration(settings, Duration::isZero);
        await("the case is past its deadline").atMost(Duration.ofSeconds(5)).until(
                () -> operator.get("/cases/" + id).json().path("overdue").asBoolean());
        return id;
    }

    /** Writes the case settings, reports cases until one's registration deadline shows they apply; its id. */
    private String reportWithConfiguration(String settings, java.util.function.Predicate<Duration> applied) throws Exception {
        platform.configure("org.civicgrid.cases.cfg",
                "zone = UTC\nofficeHours = 00:00-23:59:59\nweekend =\nhandleHours = 24\nverifyHours = 2\n" + settings);
        String[] id = new String[1];
        await("the new settings apply").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode c = resident.post("/cases", "{\"title\":\"违章搭建\",\"description\":\"楼顶违章搭建\","
                    + "\"category\":\"illegal-building\",\"channel\":\"APP\",\"regionCode\":\"" + VILLAGE + "\"}").json();
            id[0] = c.path("id").asText();
            return applied.test(Duration.between(OffsetDateTime.parse(c.path("reportedAt").asText()),
                    OffsetDateTime.parse(c.path("deadline").asText())));
        });
        return id[0];
    }

    private JsonNode lastStep(String id) {
        JsonNode history = operator.get("/cases/" + id + "/history").json();
        return history.get(history.size() - 1);
    }

    private JsonNode step(Api as, String id, String request, String expectedState) {
        Api.Reply reply = as.post("/cases/" + id + "/transitions", request);
        assertThat(reply.status()).as(request + " → " + reply.body()).isEqualTo(200);
        assertThat(reply.json().path("state").asText()).isEqualTo(expectedState);
        return reply.json();
    }

    private JsonNode step(Api as, String request, String expectedState) {
        Api.Reply reply = as.post("/cases/" + caseId + "/transitions", request);
        assertThat(reply.status()).as(request + " → " + reply.body()).isEqualTo(200);
        assertThat(reply.json().path("state").asText()).isEqualTo(expectedState);
        return reply.json();
    }

    private Api user(String id, String role, String region, String unit) {
        String password = TestPasswords.of(id);
        created(admin.post("/users", "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"password\":\"" + password
                + "\",\"roles\":[\"" + role + "\"],\"regionCode\":\"" + region + "\""
                + (unit == null ? "" : ",\"unitId\":\"" + unit + "\"") + "}"));
        return platform.api.as(id, password);
    }

    private static void created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }
}
