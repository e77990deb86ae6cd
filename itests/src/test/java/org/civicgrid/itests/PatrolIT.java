package org.civicgrid.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
 * 陵川县's veteran-cadre and volunteer patrol as a county works it: the plug-in installed at runtime, a team with
 * a volunteer and a veteran cadre, a route over checkpoints in 城内社区, a shift on now and one that ended; check-ins
 * on the spot, 500 m away and outside the shift; a hazard that becomes a case in the right grid and whose state
 * the patrol follows until the case is closed, when the figures count it resolved; missed checkpoints, figures and
 * the hours export; another county refused; data kept across uninstall and reinstall, with no core bundle or
 * component restarted by any of it. Runs on H2 and PostgreSQL like the other integration tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PatrolIT {

    /** 城内社区居委会, 崇文镇, 陵川县. */
    private static final String VILLAGE = "140524100001";
    private static final List<String> PLUGIN_BUNDLES = List.of("civicgrid patrol");
    /** Checkpoints in 陵川县城 (WGS 84 longitude, latitude). */
    private static final double[][] POINTS = {{113.2800, 35.7760}, {113.2815, 35.7768}, {113.2830, 35.7755}};

    private PlatformRun run;
    private Distribution platform;
    private Api admin;
    private Api operator;
    private Api volunteer;
    private Api cadre;
    private Api neighbour;
    private Api otherCounty;
    private String teamId;
    private String routeId;
    private final String[] checkpoints = new String[3];
    private String currentShift;
    private String pastShift;
    private String hazardId;
    private String caseId;
    private CoreState core;

    @BeforeAll
    void boot() throws Exception {
        run = PlatformRun.start("patrol");
        platform = run.platform;
        platform.shell.run("civicgrid:user-add --role COUNTY_ADMIN --region 140524 --name 陵川县管理员 lc-admin county-pass-01");
        platform.shell.run("civicgrid:user-add --role COUNTY_ADMIN --region 140521 --name 沁水县管理员 qs-admin county-pass-02");
        admin = platform.api.as("lc-admin", "county-pass-01");
        otherCounty = platform.api.as("qs-admin", "county-pass-02");
        operator = user("lc-operator", "指挥中心值班员", "COMMAND_OPERATOR", "140524");
        volunteer = user("vol-wang", "王平安", "RESIDENT", VILLAGE);
        // The veteran cadre lives in the next community, 城西社区, and patrols with the 城内 team.
        cadre = user("cadre-li", "李建国", "RESIDENT", "140524100002");
        neighbour = user("res-zhao", "赵大妈", "RESIDENT", VILLAGE);
    }

    @AfterAll
    void shutDown() throws Exception {
        if (run != null) {
            run.close();
        }
    }

    @Test
    @Order(1)
    void thePluginInstallsAtRuntimeAndOffersItsCaseCategory() {
        assertThat(admin.get("/patrol/teams?region=140524").status()).isEqualTo(404);
        core = CoreState.of(platform, PLUGIN_BUNDLES);
        platform.shell.run("feature:install civicgrid-patrol");
        awaitStatus(admin, "/patrol/teams?region=140524", 200);
        assertThat(CoreState.of(platform, PLUGIN_BUNDLES)).as("no core bundle or component restarted").isEqualTo(core);
        assertThat(admin.get("/cases/categories").json().toString()).contains("patrol-hazard").contains("巡防发现隐患");
        assertThat(platform.api.get("/openapi.json").body()).contains("/patrol/shifts/{id}/check-ins");
    }

    @Test
    @Order(2)
    void anAdministratorRegistersATeamMembersARouteAndShifts() {
        Api.Reply team = admin.post("/patrol/teams", "{\"regionCode\":\"140524100\",\"name\":\"城关老干部巡防队\"}");
        assertThat(team.status()).as(team.body()).isEqualTo(201);
        teamId = team.json().path("id").asText();
        assertThat(team.json().path("regionName").asText()).isEqualTo("崇文镇");

        created(admin.post("/patrol/teams/" + teamId + "/members", "{\"userId\":\"vol-wang\",\"kind\":\"SAFETY_VOLUNTEER\"}"));
        Api.Reply li = admin.post("/patrol/teams/" + teamId + "/members",
                "{\"userId\":\"cadre-li\",\"kind\":\"VETERAN_CADRE\",\"phone\":\"13912345678\"}");
        created(li);
        assertThat(li.json().path("phone").asText()).isEqualTo("139****5678");
        assertThat(li.json().path("name").asText()).isEqualTo("李建国");
        Api.Reply twice = admin.post("/patrol/teams/" + teamId + "/members", "{\"userId\":\"vol-wang\",\"kind\":\"SAFETY_VOLUNTEER\"}");
        assertThat(twice.status()).isEqualTo(409);

        Api.Reply badRoute = admin.post("/patrol/teams/" + teamId + "/routes", "{\"name\":\"反了\",\"regionCode\":\"" + VILLAGE
                + "\",\"checkpoints\":[{\"name\":\"x\",\"longitude\":35.776,\"latitude\":113.28}]}");
        assertThat(badRoute.status()).isEqualTo(400);
        assertThat(badRoute.contentType()).startsWith("application/problem+json");
        assertThat(badRoute.json().path("detail").asText()).contains("not in China");

        Api.Reply route = admin.post("/patrol/teams/" + teamId + "/routes", "{\"name\":\"县城中心线\",\"regionCode\":\"" + VILLAGE
                + "\",\"checkpoints\":[" + checkpoint("城内社区居委会", POINTS[0]) + "," + checkpoint("桥头", POINTS[1]) + ","
                + checkpoint("农贸市场", POINTS[2]) + "]}");
        assertThat(route.status()).as(route.body()).isEqualTo(201);
        routeId = route.json().path("id").asText();
        for (int i = 0; i < 3; i++) {
            checkpoints[i] = route.json().path("checkpoints").get(i).path("id").asText();
        }
        assertThat(route.json().path("checkpoints").get(1).path("name").asText()).isEqualTo("桥头");

        // The community's real grid, imported by the county, so a hazard on the route lands in it.
        Api.Reply grid = admin.post("/grids/import", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"code\":\"" + VILLAGE + "901\",\"name\":\"城内社区第1网格\",\"parent\":\"" + VILLAGE + "\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[113.2790,35.7745],[113.2840,35.7745],"
                + "[113.2840,35.7775],[113.2790,35.7775],[113.2790,35.7745]]]}}]}");
        assertThat(grid.status()).as(grid.body()).isEqualTo(200);

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        currentShift = shift(now.minusHours(1), now.plusHours(2));
        pastShift = shift(now.minusHours(6), now.minusHours(4));
        JsonNode planned = admin.get("/patrol/shifts/" + currentShift).json();
        assertThat(planned.path("planned").asInt()).isEqualTo(3);
        assertThat(planned.path("roster").toString()).contains("vol-wang").contains("cadre-li");

        JsonNode shown = volunteer.get("/patrol/teams/" + teamId).json();
        assertThat(shown.path("members").size()).as("a member sees the team").isEqualTo(2);
        assertThat(shown.path("routes").get(0).path("checkpoints").size()).isEqualTo(3);
    }

    @Test
    @Order(3)
    void checkInsAwayFromTheCheckpointOrOutsideTheShiftAreFlagged() {
        JsonNode onTheSpot = checkIn(volunteer, currentShift, checkpoints[0], POINTS[0][0] + 0.0002, POINTS[0][1]);
        assertThat(onTheSpot.path("away").asBoolean()).isFalse();
        assertThat(onTheSpot.path("offShift").asBoolean()).isFalse();
        assertThat(onTheSpot.path("distanceMetres").asDouble()).isBetween(10.0, 30.0);

        // 500 m east of the bridge (a degree of longitude is about 90.3 km at 35.8°N).
        JsonNode away = checkIn(volunteer, currentShift, checkpoints[1], POINTS[1][0] + 500 / 90_300.0, POINTS[1][1]);
        assertThat(away.path("away").asBoolean()).isTrue();
        assertThat(away.path("offShift").asBoolean()).isFalse();
        assertThat(away.path("distanceMetres").asDouble()).isBetween(480.0, 520.0);

        JsonNode late = checkIn(cadre, pastShift, checkpoints[0], POINTS[0][0], POINTS[0][1]);
        assertThat(late.path("offShift").asBoolean()).isTrue();
        assertThat(late.path("away").asBoolean()).isFalse();

        Api.Reply notAMember = neighbour.post("/patrol/shifts/" + currentShift + "/check-ins", "{\"checkpointId\":\""
                + checkpoints[0] + "\",\"longitude\":" + POINTS[0][0] + ",\"latitude\":" + POINTS[0][1] + "}");
        assertThat(notAMember.status()).isEqualTo(403);
        Api.Reply unknownCheckpoint = volunteer.post("/patrol/shifts/" + currentShift + "/check-ins",
                "{\"checkpointId\":\"nowhere\",\"longitude\":113.28,\"latitude\":35.776}");
        assertThat(unknownCheckpoint.status()).isEqualTo(400);

        JsonNode shift = admin.get("/patrol/shifts/" + currentShift).json();
        assertThat(shift.path("checkIns").size()).isEqualTo(2);
        assertThat(shift.path("visited").asInt()).as("a flagged check-in is no visit").isEqualTo(1);
    }

    @Test
    @Order(4)
    void aHazardBecomesACaseInTheRightGridAndThePatrolFollowsItsState() {
        Api.Reply reported = cadre.post("/patrol/shifts/" + currentShift + "/hazards", "{\"title\":\"桥头护栏松动\","
                + "\"description\":\"桥头东侧护栏松动，有坠落危险\",\"longitude\":113.2817,\"latitude\":35.7769,"
                + "\"address\":\"城内社区桥头\"}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        hazardId = reported.json().path("id").asText();
        caseId = reported.json().path("caseId").asText();
        assertThat(reported.json().path("caseState").asText()).isEqualTo("REPORTED");

        JsonNode theCase = operator.get("/cases/" + caseId).json();
        assertThat(theCase.path("channel").asText()).isEqualTo("PATROL");
        assertThat(theCase.path("category").asText()).isEqualTo("patrol-hazard");
        assertThat(theCase.path("regionCode").asText()).isEqualTo(VILLAGE);
        assertThat(theCase.path("gridCode").asText()).isEqualTo(VILLAGE + "901");
        assertThat(theCase.path("reporterId").asText()).isEqualTo("cadre-li");
        assertThat(theCase.path("description").asText()).contains("城关老干部巡防队").contains("李建国");

        Api.Reply registered = operator.post("/cases/" + caseId + "/transitions", "{\"action\":\"REGISTER\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        assertThat(admin.get("/patrol/hazards/" + hazardId).json().path("caseState").asText()).isEqualTo("REGISTERED");
        // The stored state follows the case's events, so lists and figures see it without asking the core.
        await("the patrol hears of the registration").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> admin.get("/patrol/hazards?region=140524").json().get(0).path("caseState").asText().equals("REGISTERED"));
        assertThat(admin.get("/patrol/shifts/" + currentShift).json().path("hazards").get(0).path("caseId").asText())
                .isEqualTo(caseId);
    }

    @Test
    @Order(5)
    void missedCheckpointsAreReportedWhenAShiftIsClosedOrSupervisionClosesIt() {
        Api.Reply closed = volunteer.post("/patrol/shifts/" + currentShift + "/close", "{}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(names(closed.json().path("missed"))).isEqualTo("桥头,农贸市场");
        assertThat(closed.json().path("closedBy").asText()).isEqualTo("vol-wang");
        assertThat(volunteer.post("/patrol/shifts/" + currentShift + "/close", "{}").status()).isEqualTo(409);

        // The past shift ended hours ago: a supervision round (the scheduled one may come first) closes it.
        assertThat(platform.shell.run("civicgrid:patrol-supervise")).contains("Patrol supervision:");
        JsonNode past = admin.get("/patrol/shifts/" + pastShift).json();
        assertThat(past.path("closedBy").asText()).isEqualTo("platform");
        assertThat(past.path("missed").size()).isEqualTo(3);
        assertThat(platform.shell.run("civicgrid:patrol-shift " + currentShift)).contains("Missed: 2 桥头")
                .contains("away");
    }

    @Test
    @Order(6)
    void figuresShowCoverageFlagsHazardsAndHoursAndTheHoursExport() {
        JsonNode figures = admin.get("/patrol/figures?region=140524").json();
        assertThat(figures.path("closedShifts").asInt()).isEqualTo(2);
        assertThat(figures.path("plannedCheckpoints").asInt()).isEqualTo(6);
        assertThat(figures.path("visitedCheckpoints").asInt()).isEqualTo(1);
        assertThat(figures.path("coverage").asDouble()).isEqualTo(0.167);
        assertThat(figures.path("flaggedCheckIns").asInt()).isEqualTo(2);
        assertThat(figures.path("hazardsReported").asInt()).isEqualTo(1);
        assertThat(figures.path("hazardsResolved").asInt()).isZero();
        // Only the volunteer made a check-in that counts; the shift ran an hour until she closed it.
        assertThat(figures.path("members").size()).isEqualTo(1);
        assertThat(figures.path("members").get(0).path("userId").asText()).isEqualTo("vol-wang");
        assertThat(figures.path("members").get(0).path("hours").asDouble()).isBetween(0.9, 1.3);

        Api.Reply csv = admin.get("/patrol/hours.csv?region=140524");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("user_id,name,kind,team,shifts,hours").contains("vol-wang,王平安,SAFETY_VOLUNTEER,城关老干部巡防队,1,");
        assertThat(platform.shell.run("civicgrid:patrol-figures 140524")).contains("coverage 1/6").contains("vol-wang");
        assertThat(volunteer.get("/patrol/figures?region=140524").status()).as("figures are for managers").isEqualTo(403);
    }

    @Test
    @Order(7)
    void theHazardsCaseIsCarriedToClosedAndCountsAsResolved() {
        created(admin.post("/units", "{\"id\":\"lc-housing\",\"name\":\"陵川县住房和城乡建设局\",\"kind\":\"HOUSING\","
                + "\"regionCode\":\"140524\"}"));
        Api.Reply handlerCreated = admin.post("/users", "{\"id\":\"lc-housing-1\",\"name\":\"住建局经办人\","
                + "\"password\":\"" + TestPasswords.of("lc-housing-1") + "\",\"roles\":[\"DEPARTMENT_HANDLER\"],"
                + "\"regionCode\":\"140524\",\"unitId\":\"lc-housing\"}");
        created(handlerCreated);
        Api handler = platform.api.as("lc-housing-1", TestPasswords.of("lc-housing-1"));
        Api gridWorker = user("lc-worker", "城内社区网格员", "GRID_WORKER", VILLAGE);

        step(operator, "{\"action\":\"DISPATCH\",\"unitId\":\"lc-housing\"}", "DISPATCHED");
        step(handler, "{\"action\":\"ACCEPT\"}", "IN_HANDLING");
        step(handler, "{\"action\":\"HANDLE\",\"note\":\"已加固桥头护栏\"}", "HANDLED");
        awaitHazardState("HANDLED");
        assertThat(admin.get("/patrol/figures?region=140524").json().path("hazardsResolved").asInt())
                .as("handled but not yet verified").isZero();
        step(gridWorker, "{\"action\":\"VERIFY\",\"note\":\"现场核实护栏已牢固\"}", "VERIFIED");
        step(operator, "{\"action\":\"CLOSE\"}", "CLOSED");

        awaitHazardState("CLOSED");
        assertThat(cadre.get("/patrol/hazards/" + hazardId).json().path("caseState").asText())
                .as("the cadre who found it sees what became of it").isEqualTo("CLOSED");
        JsonNode figures = admin.get("/patrol/figures?region=140524").json();
        assertThat(figures.path("hazardsReported").asInt()).isEqualTo(1);
        assertThat(figures.path("hazardsResolved").asInt()).isEqualTo(1);
        assertThat(figures.path("hazardsRejected").asInt()).isZero();
    }

    @Test
    @Order(8)
    void anotherCountySeesNothingAndCanDoNothing() {
        assertThat(otherCounty.get("/patrol/teams/" + teamId).status()).isEqualTo(404);
        assertThat(otherCounty.get("/patrol/shifts/" + currentShift).status()).isEqualTo(404);
        assertThat(otherCounty.get("/patrol/hazards/" + hazardId).status()).isEqualTo(404);
        assertThat(otherCounty.post("/patrol/shifts/" + currentShift + "/check-ins", "{\"checkpointId\":\"" + checkpoints[2]
                + "\",\"longitude\":113.283,\"latitude\":35.7755,\"memberId\":\"vol-wang\"}").status()).isEqualTo(404);
        assertThat(otherCounty.post("/patrol/shifts/" + currentShift + "/hazards", "{\"title\":\"x\",\"description\":\"x\","
                + "\"longitude\":113.283,\"latitude\":35.7755,\"memberId\":\"vol-wang\"}").status()).isEqualTo(404);
        assertThat(otherCounty.get("/patrol/figures?region=140524").status()).isEqualTo(403);
        assertThat(otherCounty.post("/patrol/teams", "{\"regionCode\":\"140524100\",\"name\":\"越界\"}").status()).isEqualTo(403);
        assertThat(otherCounty.get("/patrol/teams").json().toString()).doesNotContain(teamId);
        assertThat(otherCounty.get("/patrol/figures").json().path("shifts").asInt()).isZero();
    }

    @Test
    @Order(9)
    void uninstallingKeepsTheDataAndReinstallingFindsIt() {
        platform.shell.run("feature:uninstall civicgrid-patrol");
        awaitStatus(admin, "/patrol/teams?region=140524", 404);
        assertThat(CoreState.of(platform, PLUGIN_BUNDLES)).as("no core bundle or component restarted").isEqualTo(core);
        assertThat(admin.get("/cases/categories").json().toString()).doesNotContain("patrol-hazard");
        assertThat(operator.get("/cases/" + caseId).json().path("category").asText())
                .as("the case stays readable without its plug-in").isEqualTo("patrol-hazard");

        platform.shell.run("feature:install civicgrid-patrol");
        awaitStatus(admin, "/patrol/teams?region=140524", 200);
        assertThat(CoreState.of(platform, PLUGIN_BUNDLES)).as("no core bundle or component restarted").isEqualTo(core);
        JsonNode team = admin.get("/patrol/teams/" + teamId).json();
        assertThat(team.path("members").size()).isEqualTo(2);
        assertThat(team.path("routes").get(0).path("id").asText()).isEqualTo(routeId);
        JsonNode shift = admin.get("/patrol/shifts/" + currentShift).json();
        assertThat(shift.path("checkIns").size()).isEqualTo(2);
        assertThat(shift.path("hazards").get(0).path("caseState").asText()).isEqualTo("CLOSED");
        JsonNode figures = admin.get("/patrol/figures?region=140524").json();
        assertThat(figures.path("closedShifts").asInt()).isEqualTo(2);
        assertThat(figures.path("hazardsResolved").asInt()).isEqualTo(1);
    }

    private void step(Api as, String request, String expectedState) {
        Api.Reply reply = as.post("/cases/" + caseId + "/transitions", request);
        assertThat(reply.status()).as(request + " → " + reply.body()).isEqualTo(200);
        assertThat(reply.json().path("state").asText()).isEqualTo(expectedState);
    }

    /** The patrol's hazard list follows its case's events, so it may lag the case by a moment. */
    private void awaitHazardState(String state) {
        await("the patrol hears the case is " + state).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> admin.get("/patrol/hazards?region=140524").json().get(0).path("caseState").asText()
                        .equals(state));
    }

    private String shift(OffsetDateTime start, OffsetDateTime end) {
        Api.Reply shift = admin.post("/patrol/shifts", "{\"teamId\":\"" + teamId + "\",\"routeId\":\"" + routeId
                + "\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + end + "\",\"roster\":[\"vol-wang\",\"cadre-li\"]}");
        assertThat(shift.status()).as(shift.body()).isEqualTo(201);
        return shift.json().path("id").asText();
    }

    private JsonNode checkIn(Api as, String shift, String checkpoint, double lon, double lat) {
        Api.Reply reply = as.post("/patrol/shifts/" + shift + "/check-ins", "{\"checkpointId\":\"" + checkpoint
                + "\",\"longitude\":" + lon + ",\"latitude\":" + lat + "}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    private static String checkpoint(String name, double[] point) {
        return "{\"name\":\"" + name + "\",\"longitude\":" + point[0] + ",\"latitude\":" + point[1] + "}";
    }

    private static String names(JsonNode checkpoints) {
        StringBuilder names = new StringBuilder();
        checkpoints.forEach(c -> names.append(names.length() == 0 ? "" : ",").append(c.path("name").asText()));
        return names.toString();
    }

    private Api user(String id, String name, String role, String region) {
        String password = TestPasswords.of(id);
        created(admin.post("/users", "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"password\":\"" + password
                + "\",\"roles\":[\"" + role + "\"],\"regionCode\":\"" + region + "\"}"));
        return platform.api.as(id, password);
    }

    private static void awaitStatus(Api api, String path, int status) {
        await(path + " answers " + status).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.status(path) == status);
    }

    private static void created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }
}
