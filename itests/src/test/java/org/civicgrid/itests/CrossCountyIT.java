package org.civicgrid.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The cross-county matrix, generated from the platform's own OpenAPI document. With the core and all three plug-ins
 * installed, 沁水县 (county A) creates one object through every create endpoint the document lists, each with a
 * body that is thereby proven valid, and takes the steps that give its objects sessions, routes, check-ins,
 * hazards, alerts and the like; 阳城县 (county B) creates the same objects in its own area. Then:
 * <ul>
 * <li>every write endpoint of the document has a valid body in this class (a new one fails the test until it is
 * given one), and each action's body is shown well-formed on county B's own objects;</li>
 * <li>county B, as a user holding every working role, as its security administrator and as its audit
 * administrator, sends county A's exact create bodies and is refused, and county A's lists gain nothing;</li>
 * <li>the same three users call every endpoint of the document (lists, searches, exports, attachments, actions)
 * with every id county A's objects have, actions with their valid bodies, and are refused (403 or 404 where the path
 * names A's object) or shown nothing of A's; a refusal says no more about county A's id than about an id that does
 * not exist;</li>
 * <li>county A sees its data where county B sees none (the check's control), and nothing of A's changed.</li>
 * </ul>
 * A new endpoint is covered the day it is published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrossCountyIT {

    private static final String COUNTY_A = "140521";
    private static final String VILLAGE_A = "140521100200";
    private static final String TOWNSHIP_A = "140521100";
    /** Written into county A's objects; county B must never see it. */
    private static final String MARKER = "甲县内部标记";
    /** County A's code as it stands in an answer (a division code, the start of a grid code or ID number). */
    private static final Pattern CODE_OF_A = Pattern.compile("(?<![0-9.])" + COUNTY_A);
    private static final Pattern REGION_CODES_OF_A = Pattern.compile(
            "(?<![0-9])(" + VILLAGE_A + "|" + TOWNSHIP_A + "|" + COUNTY_A + ")(?![0-9])");
    /** Endpoints that serve no county's data: health, the division codes, the API description, fixed lists. */
    private static final Pattern PUBLIC = Pattern.compile(
            "^/(health|regions.*|openapi\\.json|me|cases/categories|mentalhealth/instruments.*)$");
    /**
     * Writes without a path parameter that act on the caller itself, not on any county's objects: opening and
     * ending one's own session, changing one's own password. Every other one creates something and is given a
     * body county A creates with.
     */
    private static final Set<String> ABOUT_THE_CALLER = Set.of("POST /session", "DELETE /session", "POST /me/password");
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    /** An id no object has, to compare county B's answers for county A's ids with. */
    private static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";
    private static final String EVERY_WORKING_ROLE = "--role COMMAND_OPERATOR --role GRID_WORKER --role GRID_LEADER "
            + "--role MEDIATOR --role COUNSELLOR --role DEPARTMENT_HANDLER --role COUNTY_ADMIN";

    private final County a = new County("沁水县", COUNTY_A, TOWNSHIP_A, VILLAGE_A, "qs", "a-all", MARKER, 112.0, 36.5,
            "沁水县龙港镇东街12号");
    private final County b = new County("阳城县", "140522", "140522100", "140522100001", "yc", "b-all", "乙县自有记录",
            112.40, 35.48, "阳城县凤城镇西关街8号");

    private PlatformRun run;
    private Distribution platform;
    private Api securityAdminOfB;
    private Api auditAdminOfB;
    private List<Endpoint> endpoints;
    private final Map<String, String> snapshotOfA = new TreeMap<>();
    private final Set<String> seenByA = new TreeSet<>();
    private String mainCaseOfA;
    private String caseFactsOfA;
    private String stepsOfA;
    private String gridOfA;

    @BeforeAll
    void boot() throws Exception {
        run = PlatformRun.start("crosscounty");
        platform = run.platform;
        platform.shell.run("feature:install civicgrid-mediation civicgrid-patrol civicgrid-mentalhealth");
        platform.shell.run("civicgrid:user-add " + EVERY_WORKING_ROLE + " --region " + COUNTY_A + " a-all county-a-pass-01");
        platform.shell.run("civicgrid:user-add " + EVERY_WORKING_ROLE + " --region " + b.code + " b-all county-b-pass-01");
        // Separation of duties: security and audit administration are accounts of their own.
        platform.shell.run("civicgrid:user-add --role SECURITY_ADMIN --region " + b.code + " b-sec " + TestPasswords.of("b-sec"));
        platform.shell.run("civicgrid:user-add --role AUDIT_ADMIN --region " + b.code + " b-aud " + TestPasswords.of("b-aud"));
        a.api = platform.api.as("a-all", "county-a-pass-01");
        b.api = platform.api.as("b-all", "county-b-pass-01");
        securityAdminOfB = platform.api.as("b-sec", TestPasswords.of("b-sec"));
        auditAdminOfB = platform.api.as("b-aud", TestPasswords.of("b-aud"));
        org.awaitility.Awaitility.await("the plug-ins answer").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500)).until(() -> a.api.status("/mediation/figures?region=" + COUNTY_A) == 200
                        && a.api.status("/patrol/teams") == 200 && a.api.status("/mentalhealth/instruments") == 200);
        // The demo grids are laid out once, in the background; county A's lists must not move under the snapshot.
        org.awaitility.Awaitility.await("demo grids generated").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1)).until(() -> a.api.get("/grids?region=" + COUNTY_A).json().size() > 50
                        && b.api.get("/grids?region=" + b.code).json().size() > 50);
        endpoints = endpoints();

        populate(a, true);
        populate(b, false);
        assertThat(a.ids).as("ids of county A's objects").hasSizeGreaterThanOrEqualTo(20);

        mainCaseOfA = a.id("case");
        caseFactsOfA = caseFacts(mainCaseOfA);
        stepsOfA = peoplesSteps(mainCaseOfA);
        gridOfA = a.api.get("/grids/" + a.id("grid")).body();
        long started = System.nanoTime();
        int reads = takeSnapshotOfA();
        System.out.println("CrossCountyIT: county A's snapshot: " + snapshotOfA.size() + " answers of " + reads
                + " reads in " + seconds(started) + " s");
    }

    @AfterAll
    void shutDown() throws Exception {
        if (run != null) {
            run.close();
        }
    }

    // ------------------------------------------------------------------------------------------------ the tests

    /**
     * Every write endpoint of the document is in the matrix with a valid body: a create (a write without a path
     * parameter) was made by county A with the body recorded for it, unless it acts on the caller itself; an
     * action on an object (POST or PUT with a path parameter) has a body in {@link #actions()}. A new endpoint
     * fails here until it is given one.
     */
    @Test
    @Order(1)
    void everyWriteEndpointOfTheDocumentHasAValidBody() {
        List<String> creates = new ArrayList<>();
        List<String> withoutCreate = new ArrayList<>();
        List<String> withoutAction = new ArrayList<>();
        Set<String> actionTemplates = new TreeSet<>();
        actions().forEach(action -> actionTemplates.add(action.method() + " " + action.template()));
        for (Endpoint e : endpoints) {
            if (e.method().equals("GET")) {
                continue;
            }
            if (!e.hasParameters()) {
                creates.add(e.key());
                if (!a.creates.containsKey(e.key()) && !ABOUT_THE_CALLER.contains(e.key())) {
                    withoutCreate.add(e.key());
                }
            } else if (!e.method().equals("DELETE") && !actionTemplates.contains(e.key())) {
                withoutAction.add(e.key());
            }
        }
        System.out.println("CrossCountyIT: the document lists " + endpoints.size() + " operations, "
                + endpoints.stream().filter(e -> PUBLIC.matcher(e.template()).matches()).count() + " of them public; "
                + a.creates.size() + " create endpoints with a body of county A, "
                + actionTemplates.size() + " action endpoints with a body, " + ABOUT_THE_CALLER.size()
                + " writes on the caller itself");
        assertThat(withoutCreate).as("create endpoints without a body county A created with: add a valid body to "
                + "populate() (county A's create must succeed with it), or, if the endpoint acts on the caller "
                + "itself, to ABOUT_THE_CALLER").isEmpty();
        assertThat(withoutAction).as("actions on an object without a valid body: add one to actions()").isEmpty();
        Set<String> documented = new TreeSet<>();
        endpoints.forEach(e -> documented.add(e.key()));
        assertThat(documented).as("every recorded body and exception is of an endpoint the document lists")
                .containsAll(a.creates.keySet()).containsAll(ABOUT_THE_CALLER).containsAll(actionTemplates);
        assertThat(creates).as("creates of the core and of each plug-in are in the matrix")
                .contains("POST /users", "POST /cases", "POST /addresses/import", "POST /mediation/organisations",
                        "POST /patrol/shifts", "POST /mentalhealth/persons", "POST /mentalhealth/screenings",
                        "POST /mentalhealth/campaigns");
    }

    /**
     * Each action's body is well-formed, shown where it disturbs nothing of county A's: county B sends it, in its
     * own terms, to its own object made with the same create bodies. The answer may be a refusal of the step in
     * the object's state (409: an outcome after an agreement, say), never a 400 about the body or a 404 (which would
     * mean the action missed its object). Before each, county B sends county A's version of the body (naming A's
     * users, units, checkpoints …) to its own object, and is refused without learning anything of A's.
     */
    @Test
    @Order(2)
    void everyActionsBodyIsWellFormedOnCountyBsOwnObjects() {
        List<String> problems = new ArrayList<>();
        List<String> stateRefusals = new ArrayList<>();
        for (Action action : actions()) {
            String path = action.path(b.id(action.target()));
            Body ownBody = action.body().apply(b);
            Body bodyOfA = action.body().apply(a);
            if (namesSomethingOfA(bodyOfA.text()) && !namesSomethingOfA(ownBody.text())) {
                Api.Reply reply = send(b.api, action.method(), path, bodyOfA);
                String call = "b-all " + action.method() + " " + path + " " + cut(bodyOfA.text());
                if (reply.status() < 400 || reply.status() >= 500) {
                    problems.add(call + " → " + reply.status() + ": county A's ids are not refused on B's own object");
                }
                String leak = leak("b-all", action.method(), path, bodyOfA.text(), reply);
                if (leak != null) {
                    problems.add(leak);
                }
            }
            Api.Reply proof = send(b.api, action.method(), path, ownBody);
            String call = action.method() + " " + path + " " + cut(ownBody.text());
            if (proof.status() == 409) {
                // Valid, but not a step the object's state allows now: the body passed its checks, which come first.
                stateRefusals.add(action.key());
            } else if (proof.status() < 200 || proof.status() >= 300) {
                problems.add(call + " → " + proof.status() + ": " + cut(proof.body()));
            }
        }
        System.out.println("CrossCountyIT: action bodies well-formed on county B's objects; refused for the object's "
                + "state only: " + stateRefusals);
        assertThat(problems).as("action bodies that county B's own objects do not take").isEmpty();
    }

    /**
     * County B — the working user, the security administrator, the audit administrator — sends every body county A
     * created with, as it was (county A's region codes and ids), and is refused; the working user also sends each
     * with county B's region codes, and whatever names county A's objects is refused too. County A's lists gain
     * nothing.
     */
    @Test
    @Order(3)
    void countyBCreatesNothingInCountyA() {
        Map<String, Set<String>> listsBefore = listsOfA();
        List<String> problems = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, Api> user : usersOfB().entrySet()) {
            for (Map.Entry<String, Body> create : a.creates.entrySet()) {
                String path = create.getKey().substring(create.getKey().indexOf(' ') + 1);
                Api.Reply reply = send(user.getValue(), "POST", path, create.getValue());
                calls++;
                if (reply.status() < 400 || reply.status() >= 500) {
                    problems.add(user.getKey() + " POST " + path + " with county A's body → " + reply.status() + ": "
                            + cut(reply.body()));
                }
                String leak = leak(user.getKey(), "POST", path, create.getValue().text(), reply);
                if (leak != null) {
                    problems.add(leak);
                }
            }
        }
        for (Map.Entry<String, Body> create : a.creates.entrySet()) {
            String path = create.getKey().substring(create.getKey().indexOf(' ') + 1);
            Body retargeted = new Body(create.getValue().type(), retarget(create.getValue().text())
                    .getBytes(StandardCharsets.UTF_8));
            Api.Reply reply = send(b.api, "POST", path, retargeted);
            calls++;
            // In its own area county B may create what names nothing of county A's (a dispute, a team …).
            boolean namesA = namesSomethingOfA(retargeted.text());
            if (reply.status() == 401 || reply.status() >= 500 || (namesA && reply.status() < 400)) {
                problems.add("b-all POST " + path + " with county A's body in county B's area → " + reply.status() + ": "
                        + cut(reply.body()));
            }
            String shown = showsA(path, retargeted.text(), reply.body());
            if (shown != null) {
                problems.add("b-all POST " + path + " with county A's body in county B's area → " + reply.status() + " "
                        + shown);
            }
        }
        System.out.println("CrossCountyIT: " + calls + " creates by county B with county A's bodies");
        assertThat(listsOfA()).as("county A's lists, by the ids in them").isEqualTo(listsBefore);
        assertThat(problems).as("creates county B got through or learned from").isEmpty();
    }

    /**
     * The whole matrix as county B's user with every working role and its county administration: every endpoint,
     * every id of county A's, actions with their valid bodies in A's and in B's terms; the control is that county A
     * sees its own data where B is refused.
     */
    @Test
    @Order(4)
    void everyEndpointRefusesCountyBsWorkingUserOrShowsItNothingOfCountyA() {
        Matrix matrix = matrix("b-all", b.api);
        assertThat(matrix.covered).as("endpoints of the core and all three plug-ins are in the matrix")
                .anyMatch(e -> e.contains("/cases/{"))
                .anyMatch(e -> e.contains("/mediation/"))
                .anyMatch(e -> e.contains("/patrol/"))
                .anyMatch(e -> e.contains("/mentalhealth/"))
                .anyMatch(e -> e.contains("/attachments/{"))
                .anyMatch(e -> e.contains("/export"))
                .anyMatch(e -> e.contains("/audit"))
                .anyMatch(e -> e.startsWith("POST /users/{"))
                .anyMatch(e -> e.startsWith("PUT /grids/{"));
        assertThat(seenByA).as("endpoints where county A itself sees its data (the check's control)")
                .anyMatch(e -> e.startsWith("/cases/{"))
                .anyMatch(e -> e.startsWith("/cases/{id}/attachments/{"))
                .anyMatch(e -> e.startsWith("/mediation/"))
                .anyMatch(e -> e.startsWith("/patrol/"))
                .anyMatch(e -> e.startsWith("/mentalhealth/"))
                .anyMatch(e -> e.startsWith("/users"))
                .anyMatch(e -> e.startsWith("/grids"));
        assertThat(matrix.problems).as("what county B's working user got of county A").isEmpty();
    }

    /** The whole matrix as county B's security administrator (accounts and roles of B). */
    @Test
    @Order(5)
    void everyEndpointRefusesCountyBsSecurityAdministratorOrShowsItNothingOfCountyA() {
        assertThat(matrix("b-sec", securityAdminOfB).problems).as("what county B's security administrator got of county A")
                .isEmpty();
    }

    /** The whole matrix as county B's audit administrator (B's audit trail). */
    @Test
    @Order(6)
    void everyEndpointRefusesCountyBsAuditAdministratorOrShowsItNothingOfCountyA() {
        assertThat(matrix("b-aud", auditAdminOfB).problems).as("what county B's audit administrator got of county A")
                .isEmpty();
    }

    /** Every answer county A had before county B tried anything is the same after it. */
    @Test
    @Order(7)
    void nothingOfCountyAChanged() {
        assertThat(caseFacts(mainCaseOfA)).isEqualTo(caseFactsOfA);
        assertThat(peoplesSteps(mainCaseOfA)).isEqualTo(stepsOfA);
        assertThat(a.api.get("/grids/" + a.id("grid")).body()).isEqualTo(gridOfA);
        Map<String, String> changed = new TreeMap<>();
        snapshotOfA.forEach((url, before) -> {
            Api.Reply now = a.api.get(url);
            String after = now.status() == 200 ? normalised(now) : "status " + now.status();
            if (!before.equals(after)) {
                changed.put(url, cut(before) + "\n  → " + cut(after));
            }
        });
        assertThat(changed).as("county A's answers that changed").isEmpty();
    }

    @Test
    @Order(8)
    void aPlugInWhoseMigrationFailsShowsAsFailedAndTheRestKeepsServing() throws Exception {
        java.nio.file.Path jar = platform.home.resolve("broken-plugin.jar");
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        java.util.jar.Attributes main = manifest.getMainAttributes();
        main.put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.example.civicgrid.broken");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Civicgrid-Plugin", "broken");
        main.putValue("Civicgrid-Changelog", "db/broken.xml");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(
                java.nio.file.Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new java.util.zip.ZipEntry("db/broken.xml"));
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<databaseChangeLog "
                    + "xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n"
                    + "  <changeSet id=\"broken-1\" author=\"vendor\"><sql>this is not sql</sql></changeSet>\n"
                    + "</databaseChangeLog>\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        platform.shell.run("bundle:install -s file:" + jar.toAbsolutePath());
        org.awaitility.Awaitility.await("the broken plug-in shows as failed").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    for (JsonNode plugin : platform.api.get("/health").json().path("plugins")) {
                        if ("broken".equals(plugin.path("name").asText())) {
                            return "FAILED".equals(plugin.path("status").asText())
                                    && plugin.path("problems").toString().contains("schema migration failed");
                        }
                    }
                    return false;
                });
        Api.Reply health = platform.api.get("/health");
        assertThat(health.status()).as("the core still serves").isEqualTo(200);
        List<String> plugins = new ArrayList<>();
        health.json().path("plugins").forEach(p -> plugins.add(p.path("name").asText() + " " + p.path("status").asText()));
        assertThat(plugins).as("the real plug-ins stay up beside the broken one")
                .containsExactlyInAnyOrder("broken FAILED", "mediation UP", "patrol UP", "mentalhealth UP");
        assertThat(a.api.get("/cases?region=" + COUNTY_A).status()).isEqualTo(200);
        // Each real plug-in still reads its records and takes new ones.
        Api.Reply disputes = a.api.get("/mediation/disputes?region=" + COUNTY_A);
        assertThat(disputes.status()).isEqualTo(200);
        assertThat(disputes.body()).contains(MARKER);
        assertThat(a.api.post("/mediation/disputes", "{\"regionCode\":\"" + TOWNSHIP_A + "\",\"type\":\"NEIGHBOURS\","
                + "\"summary\":\"楼上漏水\"}").status()).isEqualTo(201);
        Api.Reply teams = a.api.get("/patrol/teams?region=" + COUNTY_A);
        assertThat(teams.status()).isEqualTo(200);
        assertThat(teams.body()).contains(MARKER);
        Api.Reply worklist = a.api.get("/mentalhealth/flags?region=" + COUNTY_A);
        assertThat(worklist.status()).as(worklist.body()).isEqualTo(200);
        assertThat(worklist.body()).contains(MARKER);
        assertThat(a.api.post("/mentalhealth/flags", "{\"regionCode\":\"" + VILLAGE_A + "\",\"name\":\"张小兰\",\"idNumber\":\""
                + ResidentIds.of("14052119920304002") + "\",\"reason\":\"家属反映失眠\"}").status()).isEqualTo(201);
        platform.shell.run("bundle:uninstall org.example.civicgrid.broken");
    }

    // ------------------------------------------------------------------------------- the counties' objects

    /**
     * Creates the county's objects through every create endpoint, recording each body, and takes the steps later
     * creates need (a patrol member and route before a shift). County A ({@code everything}) also gives its objects
     * what the reads and actions of the matrix should find: an attachment, a dispute mediated to an agreement, a
     * check-in and a hazard, a referral and a follow-up, an open alert. (Whatever state an object is in, an action
     * of county B's on it must be refused with 403 or 404, not with a 409 about the state.)
     */
    private void populate(County c, boolean everything) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        String unit = c.prefix + "-judicial";
        create(c, "/units", Body.json("{\"id\":\"" + unit + "\",\"name\":\"" + c.name + "司法局" + c.marker + "\","
                + "\"kind\":\"JUDICIAL_OFFICE\",\"regionCode\":\"" + c.code + "\"}"));
        c.made("unit", unit);
        create(c, "/routing-rules", Body.json("{\"category\":\"street-light\",\"regionCode\":\"" + c.code
                + "\",\"unitId\":\"" + unit + "\"}"));
        // The county itself, for the settings kept per county (its deadlines); a code, not an id of an object.
        c.made.put("county", c.code);
        // An administrator, so that every account action (a second factor too) applies to it; a system
        // administrator, as the accounts of security and audit administrators are a security administrator's.
        String user = c.prefix + "-sysadmin";
        create(c, "/users", Body.json("{\"id\":\"" + user + "\",\"name\":\"" + c.name + "系统管理员" + c.marker + "\","
                + "\"password\":\"" + TestPasswords.of(user) + "\",\"roles\":[\"COUNTY_ADMIN\"],\"regionCode\":\"" + c.code + "\"}"));
        c.made("user", user);
        c.made("everyone", c.everyone);
        String grid = c.village + "901";
        create(c, "/grids/import", Body.json(GeoJson.collection(GeoJson.feature(grid, "网格" + c.marker, c.village,
                GeoJson.square(c.lon, c.lat)))));
        c.made("grid", grid);
        create(c, "/addresses/import", Body.csv("address,grid\n" + c.address + "," + grid + "\n"));
        c.made("case", create(c, "/cases", Body.json("{\"title\":\"路灯" + c.marker + "\",\"description\":\"村口路灯不亮"
                + c.marker + "\",\"category\":\"street-light\",\"channel\":\"GRID_WORKER\",\"regionCode\":\"" + c.village + "\","
                + "\"longitude\":" + (c.lon + 0.005) + ",\"latitude\":" + (c.lat + 0.005) + ","
                + "\"parties\":[{\"role\":\"COMPLAINANT\",\"kind\":\"PERSON\",\"name\":\"王大明\",\"phone\":\"13800001234\"}]}"))
                .path("id").asText());
        if (everything) {
            take(c, "/cases/{id}/attachments");
        }

        c.made("organisation", create(c, "/mediation/organisations", Body.json("{\"name\":\"" + c.name + "人民调解委员会"
                + c.marker + "\",\"kind\":\"TOWNSHIP_COMMITTEE\",\"regionCode\":\"" + c.township + "\","
                + "\"types\":[\"LAND\",\"NEIGHBOURS\",\"OTHER\"]}")).path("id").asText());
        c.made("dispute", create(c, "/mediation/disputes", Body.json("{\"regionCode\":\"" + c.township + "\",\"type\":\"LAND\","
                + "\"summary\":\"宅基地" + c.marker + "\",\"amountInDispute\":1200,\"parties\":[{\"role\":\"APPLICANT\","
                + "\"kind\":\"PERSON\",\"name\":\"张三\",\"phone\":\"13812345678\"}]}")).path("id").asText());
        if (everything) {
            take(c, "/mediation/organisations/{id}/mediators");
            take(c, "/mediation/disputes/{id}/assignment");
            take(c, "/mediation/disputes/{id}/sessions");
            take(c, "/mediation/disputes/{id}/agreement");
            keep(c, c.api.get("/mediation/disputes/" + c.id("dispute")));
        }

        c.made("team", create(c, "/patrol/teams", Body.json("{\"regionCode\":\"" + c.township + "\",\"name\":\"巡防队"
                + c.marker + "\"}")).path("id").asText());
        keep(c, send(c.api, "POST", "/patrol/teams/" + c.id("team") + "/members",
                Body.json("{\"userId\":\"" + c.everyone + "\",\"kind\":\"SAFETY_VOLUNTEER\"}")));
        JsonNode route = take(c, "/patrol/teams/{id}/routes");
        c.made("route", route.path("id").asText());
        c.made("checkpoint", route.path("checkpoints").get(0).path("id").asText());
        c.made("shift", create(c, "/patrol/shifts", Body.json("{\"teamId\":\"" + c.id("team") + "\",\"routeId\":\""
                + c.id("route") + "\",\"startsAt\":\"" + now.minusHours(1) + "\",\"endsAt\":\"" + now.plusHours(10)
                + "\",\"roster\":[\"" + c.everyone + "\"]}")).path("id").asText());
        if (everything) {
            take(c, "/patrol/shifts/{id}/check-ins");
            take(c, "/patrol/shifts/{id}/hazards");
            keep(c, c.api.get("/patrol/teams/" + c.id("team")));
            keep(c, c.api.get("/patrol/shifts/" + c.id("shift")));
        }

        c.made("campaign", create(c, "/mentalhealth/campaigns", Body.json("{\"regionCode\":\"" + c.code + "\",\"name\":\""
                + c.name + "心理健康筛查" + c.marker + "\",\"instruments\":[\"PHQ-9\",\"GAD-7\"],\"startsOn\":\""
                + today.minusDays(1) + "\",\"endsOn\":\"" + today.plusDays(60) + "\"}")).path("id").asText());
        c.made("flag", create(c, "/mentalhealth/flags", Body.json("{\"regionCode\":\"" + c.village + "\",\"name\":\"李小红\","
                + "\"idNumber\":\"" + ResidentIds.of(c.code + "19900101002") + "\",\"reason\":\"情绪低落" + c.marker + "\"}"))
                .path("id").asText());
        c.made("person", create(c, "/mentalhealth/persons", Body.json("{\"regionCode\":\"" + c.village + "\",\"name\":\"赵春花\","
                + "\"idNumber\":\"" + ResidentIds.of(c.code + "19850612442") + "\",\"phone\":\"13935612345\"}")).path("id").asText());
        create(c, "/mentalhealth/screenings", Body.json("{\"personId\":\"" + c.id("person") + "\",\"campaignId\":\""
                + c.id("campaign") + "\",\"instrument\":\"PHQ-9\",\"answers\":[2,1,3,0,2,1,3,0,1]}"));
        JsonNode alerts = keep(c, c.api.get("/mentalhealth/alerts?open=true"));
        c.made("alert", alerts.get(0).path("id").asText());
        if (everything) {
            // The flagged person's id is shown only on the counsellors' worklist.
            keep(c, c.api.get("/mentalhealth/flags?region=" + c.code));
            take(c, "/mentalhealth/persons/{id}/referrals");
            take(c, "/mentalhealth/persons/{id}/follow-ups");
        }
    }

    /** Creates through an endpoint, records the body the county used, and hands the answer back. */
    private JsonNode create(County c, String template, Body body) {
        c.creates.put("POST " + template, body);
        return keep(c, send(c.api, "POST", template, body));
    }

    /** The county takes an action of {@link #actions()} on its own object, with the action's body. */
    private JsonNode take(County c, String template) {
        Action action = actions().stream().filter(x -> x.template().equals(template)).findFirst().orElseThrow();
        return keep(c, send(c.api, action.method(), action.path(c.id(action.target())), action.body().apply(c)));
    }

    /** Records every id in an answer about the county's objects, and hands the answer back. */
    private static JsonNode keep(County c, Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
        JsonNode json = reply.json();
        collectIds(json, c.ids);
        return json;
    }

    private static void collectIds(JsonNode node, Set<String> ids) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if ((field.getKey().equals("id") || field.getKey().endsWith("Id")) && field.getValue().isTextual()
                        && field.getValue().asText().length() >= 8 && !field.getKey().equals("reporterId")) {
                    ids.add(field.getValue().asText());
                }
                collectIds(field.getValue(), ids);
            }
        } else if (node.isArray()) {
            node.forEach(n -> collectIds(n, ids));
        }
    }

    // -------------------------------------------------------------------------------------------- the actions

    /**
     * A valid body for every action on an object, in a county's terms (its users, units, checkpoints, places), and
     * which of its objects it acts on. In the order county B's proof takes them: what an action needs comes first.
     */
    private List<Action> actions() {
        String held = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10).truncatedTo(ChronoUnit.SECONDS).toString();
        return List.of(
                action("POST", "/users/{id}/unlock", "user", c -> Body.EMPTY),
                action("POST", "/users/{id}/disable", "user", c -> Body.json("{\"reason\":\"岗位调整，暂停账号\"}")),
                action("POST", "/users/{id}/enable", "user", c -> Body.EMPTY),
                action("POST", "/users/{id}/second-factor", "user", c -> Body.EMPTY),
                action("POST", "/users/{id}/password-reset", "user", c -> Body.EMPTY),
                action("POST", "/cases/{id}/parties/reveal", "case", c -> Body.json("{\"purpose\":\"电话联系当事人核实情况\"}")),
                new Action("POST", "/cases/{id}/attachments", "case", "?name=photo.png", c -> Body.png()),
                action("POST", "/cases/{id}/transitions", "case", c -> Body.json("{\"action\":\"REGISTER\"}")),
                action("POST", "/cases/{id}/transitions", "case",
                        c -> Body.json("{\"action\":\"DISPATCH\",\"unitId\":\"" + c.id("unit") + "\"}")),
                action("PUT", "/case-deadlines/{region}", "county", c -> Body.json("{\"registerMinutes\":120}")),
                action("PUT", "/grids/{code}/staff", "grid",
                        c -> Body.json("{\"workers\":[\"" + c.everyone + "\"],\"leader\":\"" + c.everyone + "\"}")),
                action("POST", "/mediation/organisations/{id}/mediators", "organisation",
                        c -> Body.json("{\"userId\":\"" + c.everyone + "\"}")),
                action("POST", "/mediation/disputes/{id}/assignment", "dispute",
                        c -> Body.json("{\"mediatorId\":\"" + c.everyone + "\"}")),
                action("POST", "/mediation/disputes/{id}/parties", "dispute",
                        c -> Body.json("{\"role\":\"RESPONDENT\",\"kind\":\"PERSON\",\"name\":\"李四\"}")),
                action("POST", "/mediation/disputes/{id}/sessions", "dispute", c -> Body.json("{\"heldAt\":\"" + held
                        + "\",\"place\":\"" + c.name + "调解室\",\"attendees\":[\"申请人 张三\",\"被申请人 李四\"],"
                        + "\"record\":\"双方陈述，调解员释法明理\"}")),
                action("POST", "/mediation/disputes/{id}/consultations", "dispute", c -> Body.json("{\"heldAt\":\"" + held
                        + "\",\"place\":\"" + c.name + "综治中心\",\"participants\":["
                        + "{\"kind\":\"COURT\",\"organisation\":\"" + c.name + "人民法院\"},"
                        + "{\"kind\":\"POLICE_STATION\",\"organisation\":\"城关派出所\"},"
                        + "{\"kind\":\"JUDICIAL_OFFICE\",\"organisation\":\"城关司法所\"}],\"conclusions\":\"引导当事人诉讼解决\"}")),
                action("POST", "/mediation/disputes/{id}/agreement", "dispute",
                        c -> Body.json("{\"terms\":\"李四于本月底前拆除越界围墙\",\"performance\":\"李四自行拆除，张三予以配合\"}")),
                action("POST", "/mediation/disputes/{id}/confirmation", "dispute",
                        c -> Body.json("{\"result\":\"APPLIED\",\"court\":\"" + c.name + "人民法院\"}")),
                action("POST", "/mediation/disputes/{id}/outcome", "dispute",
                        c -> Body.json("{\"outcome\":\"WITHDRAWN\",\"note\":\"双方已自行协商解决，申请撤回\"}")),
                action("POST", "/mediation/disputes/{id}/referral", "dispute", c -> Body.json("{\"to\":\"COURT\","
                        + "\"receivingBody\":\"" + c.name + "人民法院\",\"reason\":\"调解不成，引导诉讼\"}")),
                action("POST", "/patrol/teams/{id}/members", "team", c -> Body.json("{\"userId\":\"" + c.id("user")
                        + "\",\"kind\":\"VETERAN_CADRE\",\"phone\":\"13912345678\"}")),
                action("POST", "/patrol/teams/{id}/routes", "team", c -> Body.json("{\"name\":\"" + c.name + "巡防路线\","
                        + "\"regionCode\":\"" + c.village + "\",\"checkpoints\":["
                        + "{\"name\":\"村委会\",\"longitude\":" + (c.lon + 0.002) + ",\"latitude\":" + (c.lat + 0.002) + "},"
                        + "{\"name\":\"桥头\",\"longitude\":" + (c.lon + 0.006) + ",\"latitude\":" + (c.lat + 0.006) + "}]}")),
                action("POST", "/patrol/shifts/{id}/check-ins", "shift", c -> Body.json("{\"checkpointId\":\""
                        + c.id("checkpoint") + "\",\"longitude\":" + (c.lon + 0.002) + ",\"latitude\":" + (c.lat + 0.002) + "}")),
                action("POST", "/patrol/shifts/{id}/hazards", "shift", c -> Body.json("{\"title\":\"护栏松动" + c.marker
                        + "\",\"description\":\"桥头护栏松动，有坠落危险\",\"longitude\":" + (c.lon + 0.006) + ",\"latitude\":"
                        + (c.lat + 0.006) + ",\"address\":\"" + c.name + "桥头\"}")),
                action("POST", "/patrol/shifts/{id}/close", "shift", c -> Body.EMPTY),
                action("POST", "/mentalhealth/persons/{id}/referrals", "person",
                        c -> Body.json("{\"kind\":\"HOSPITAL\",\"target\":\"晋城市精神卫生中心\",\"note\":\"建议门诊评估\"}")),
                action("POST", "/mentalhealth/persons/{id}/follow-ups", "person",
                        c -> Body.json("{\"note\":\"已上门随访，情绪平稳\",\"tier\":\"HIGH\"}")),
                action("POST", "/mentalhealth/alerts/{id}/acknowledge", "alert",
                        c -> Body.json("{\"note\":\"已电话联系，已转介精神卫生中心\"}")));
    }

    private static Action action(String method, String template, String target, Function<County, Body> body) {
        return new Action(method, template, target, "", body);
    }

    // --------------------------------------------------------------------------------------------- the matrix

    /** What county B's user did and got in the matrix. */
    private static final class Matrix {
        final Set<String> covered = new LinkedHashSet<>();
        final List<String> problems = new ArrayList<>();
        int calls;
    }

    /**
     * Every endpoint of the document but the public ones and the creates (tried in {@link #countyBCreatesNothingInCountyA}):
     * lists, searches, figures and exports asked for county A's area (and B's own, which must hold nothing of A's);
     * reads and actions with every id of county A's in every path parameter, actions with their valid body in A's and
     * in B's terms. Each answer is checked for county A's data, and an answer about an id of A's is compared with the
     * answer about an id that does not exist.
     */
    private Matrix matrix(String who, Api api) {
        assertThat(api.get("/me").json().path("userId").asText()).as(who + " is signed in").isEqualTo(who);
        Matrix matrix = new Matrix();
        long started = System.nanoTime();
        for (Endpoint e : endpoints) {
            if (PUBLIC.matcher(e.template()).matches() || (!e.method().equals("GET") && !e.hasParameters())) {
                continue;
            }
            matrix.covered.add(e.key());
            if (!e.hasParameters()) {
                for (String url : readUrls(e)) {
                    matrix.calls++;
                    report(matrix, leak(who, e.method(), url, "", api.get(url)));
                }
                continue;
            }
            List<Body> bodies = new ArrayList<>();
            if (e.method().equals("GET") || e.method().equals("DELETE")) {
                bodies.add(Body.EMPTY);
            } else {
                for (Action action : actions()) {
                    if (action.key().equals(e.key())) {
                        Body ofA = action.body().apply(a);
                        Body ofB = action.body().apply(b);
                        bodies.add(ofA);
                        if (!ofB.text().equals(ofA.text())) {
                            bodies.add(ofB);
                        }
                    }
                }
            }
            String query = e.method().equals("GET") ? "" : actions().stream().filter(x -> x.key().equals(e.key()))
                    .map(Action::query).findFirst().orElse("");
            for (Body body : bodies) {
                for (String variant : e.method().equals("GET") ? pathQueries(e) : List.of(query)) {
                    Api.Reply unknown = send(api, e.method(), fill(e.template(), UNKNOWN) + variant, body);
                    matrix.calls++;
                    for (Concrete url : concrete(e.template())) {
                        Api.Reply reply = send(api, e.method(), url.path() + variant, body);
                        matrix.calls++;
                        String call = who + " " + e.method() + " " + url.path() + variant
                                + (body.content().length == 0 || body == Body.EMPTY ? "" : " " + cut(body.text()));
                        report(matrix, leak(who, e.method(), url.path() + variant, body.text(), reply));
                        report(matrix, sameAsUnknown(call, reply, url.values(), unknown));
                        if (reply.status() >= 400 && reply.status() < 500 && reply.status() != 401
                                && reply.status() != 403 && reply.status() != 404) {
                            // A 400 or 409 about county A's object is an answer about it, not a refusal of it.
                            report(matrix, call + " → " + reply.status() + " instead of 403 or 404: " + cut(reply.body()));
                        }
                    }
                }
            }
        }
        assertThat(api.get("/me").status()).as(who + " is still signed in after the matrix").isEqualTo(200);
        System.out.println("CrossCountyIT: " + who + ": " + matrix.calls + " calls over " + matrix.covered.size()
                + " endpoints with " + valuesOfA().size() + " ids and codes of county A in " + seconds(started) + " s");
        return matrix;
    }

    private static void report(Matrix matrix, String problem) {
        if (problem != null && matrix.problems.size() < 200) {
            matrix.problems.add(problem);
        }
    }

    /**
     * The answer about county A's id must be the one about an id that exists nowhere: the same status and, the ids
     * aside, the same words; otherwise it tells county B that A's object exists.
     */
    private static String sameAsUnknown(String call, Api.Reply reply, List<String> used, Api.Reply unknown) {
        if (reply.status() >= 500 || unknown.status() >= 500) {
            return null; // reported as an error already
        }
        String said = refusal(reply, used);
        String saidOfUnknown = refusal(unknown, List.of(UNKNOWN));
        if (said.equals(saidOfUnknown)) {
            return null;
        }
        return call + " → " + cut(said) + ", but for an id that does not exist → " + cut(saidOfUnknown)
                + ": the answer tells county A's object exists";
    }

    /** A refusal's status, title and detail, with the ids the request named written as {}. */
    private static String refusal(Api.Reply reply, List<String> ids) {
        String text;
        if (reply.body().startsWith("{")) {
            JsonNode problem = reply.json();
            text = reply.status() + " " + problem.path("title").asText() + ": " + problem.path("detail").asText();
        } else {
            text = reply.status() + " " + reply.body();
        }
        List<String> longestFirst = new ArrayList<>(ids);
        longestFirst.sort(java.util.Comparator.comparingInt(String::length).reversed());
        for (String id : longestFirst) {
            text = text.replace(id, "{}");
        }
        return text;
    }

    /** Why the reply gives something of county A away, or null if it does not. */
    private String leak(String who, String method, String url, String sent, Api.Reply reply) {
        int status = reply.status();
        String call = who + " " + method + " " + url;
        if (status == 401) {
            return call + " → 401: not signed in, so the call proves nothing";
        }
        if (status >= 500) {
            return call + " → " + status + " (an error instead of a refusal): " + cut(reply.body());
        }
        if (!method.equals("GET") && status < 400) {
            return call + " → " + status + ": county B changed something of county A's: " + cut(reply.body());
        }
        String shown = showsA(url, sent, reply.body());
        return shown == null ? null : call + " → " + status + " " + shown;
    }

    /** What of county A's the body shows beyond what the request named, or null. */
    private String showsA(String url, String sent, String body) {
        if (body.contains(MARKER) && !sent.contains(MARKER)) {
            return "shows county A's data: " + cut(body);
        }
        for (String id : a.ids) {
            if (body.contains(id) && !url.contains(id) && !sent.contains(id)) {
                return "shows county A's id " + id + ": " + cut(body);
            }
        }
        if (CODE_OF_A.matcher(body).find() && !url.contains(COUNTY_A) && !sent.contains(COUNTY_A)) {
            return "names county A's region: " + cut(body);
        }
        return null;
    }

    /** Whether a body names one of county A's objects or one of its region codes (a resident's ID number is neither). */
    private boolean namesSomethingOfA(String body) {
        return a.ids.stream().anyMatch(body::contains) || REGION_CODES_OF_A.matcher(body).find();
    }

    /** County A's body in county B's area: A's region codes replaced by B's, A's marker by B's; ids stay. */
    private String retarget(String body) {
        return body.replace("\"" + a.village + "\"", "\"" + b.village + "\"")
                .replace("\"" + a.township + "\"", "\"" + b.township + "\"")
                .replace("\"" + a.code + "\"", "\"" + b.code + "\"")
                .replace(MARKER, b.marker);
    }

    private Map<String, Api> usersOfB() {
        Map<String, Api> users = new LinkedHashMap<>();
        users.put("b-all", b.api);
        users.put("b-sec", securityAdminOfB);
        users.put("b-aud", auditAdminOfB);
        return users;
    }

    // ------------------------------------------------------------------------------------ county A's own view

    /**
     * Every read of the document county A answers itself with 200, as it answered before county B tried anything;
     * where it shows A's data it is the control of the matrix's check. Returns how many reads it made.
     */
    private int takeSnapshotOfA() {
        int reads = 0;
        for (Endpoint e : endpoints) {
            if (!e.method().equals("GET") || PUBLIC.matcher(e.template()).matches()) {
                continue;
            }
            for (String url : readUrls(e)) {
                Api.Reply reply = a.api.get(url);
                reads++;
                if (reply.status() != 200) {
                    continue;
                }
                if (!reply.contentType().startsWith("application/pdf")) {
                    snapshotOfA.put(url, normalised(reply));
                }
                // A's data: a list or figures showing A's objects, or one of A's objects by its id.
                if (showsA(url, "", reply.body()) != null || (e.hasParameters() && !reply.body().equals("[]"))) {
                    seenByA.add(e.template());
                }
            }
        }
        return reads;
    }

    /** The ids (and grid codes) in each of county A's answers of the snapshot. */
    private Map<String, Set<String>> listsOfA() {
        Map<String, Set<String>> lists = new TreeMap<>();
        for (String url : snapshotOfA.keySet()) {
            Api.Reply reply = a.api.get(url);
            Set<String> ids = new TreeSet<>();
            if (reply.status() == 200 && (reply.body().startsWith("[") || reply.body().startsWith("{"))) {
                allIds(reply.json(), ids);
            } else {
                ids.add("status " + reply.status());
            }
            lists.put(url, ids);
        }
        return lists;
    }

    private static void allIds(JsonNode node, Set<String> ids) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if ((field.getKey().equals("id") || field.getKey().equals("code")) && field.getValue().isTextual()) {
                    ids.add(field.getValue().asText());
                }
                allIds(field.getValue(), ids);
            });
        } else if (node.isArray()) {
            node.forEach(n -> allIds(n, ids));
        }
    }

    /** An answer as compared before and after: JSON without the fields that follow the clock, or the text. */
    private static String normalised(Api.Reply reply) {
        String body = reply.body();
        if (!body.startsWith("{") && !body.startsWith("[")) {
            return body;
        }
        JsonNode json = reply.json();
        withoutClock(json);
        return json.toString();
    }

    private static final Set<String> FOLLOW_THE_CLOCK = Set.of("daysLeft", "confirmationDaysLeft", "followUpOverdue",
            "overdue");

    private static void withoutClock(JsonNode node) {
        if (node.isObject()) {
            ((ObjectNode) node).remove(FOLLOW_THE_CLOCK);
            node.forEach(CrossCountyIT::withoutClock);
        } else if (node.isArray()) {
            node.forEach(CrossCountyIT::withoutClock);
        }
    }

    /** What county B must not be able to change about a case (time-dependent flags left out). */
    private String caseFacts(String caseId) {
        JsonNode c = a.api.get("/cases/" + caseId).json();
        return String.join("|", c.path("state").asText(), c.path("level").asText(), c.path("unitId").asText(),
                c.path("updatedAt").asText(), c.path("rating").asText(), c.path("parties").toString());
    }

    /** The steps people took (the platform's own deadline warnings may come at any time). */
    private String peoplesSteps(String caseId) {
        List<String> steps = new ArrayList<>();
        a.api.get("/cases/" + caseId + "/history").json().forEach(step -> {
            if (!"platform".equals(step.path("actorId").asText())) {
                steps.add(step.path("actorId").asText() + ":" + step.path("action").asText());
            }
        });
        return steps.toString();
    }

    // ------------------------------------------------------------------------------------------ the document

    /** One operation of the OpenAPI document: method, path template (without /api) and its query parameters. */
    private record Endpoint(String method, String template, Set<String> query) {
        boolean hasParameters() {
            return template.contains("{");
        }

        String key() {
            return method + " " + template;
        }
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        JsonNode paths = platform.api.get("/openapi.json").json().path("paths");
        paths.fields().forEachRemaining(entry -> {
            String template = entry.getKey().startsWith("/api/") ? entry.getKey().substring(4) : entry.getKey();
            entry.getValue().fields().forEachRemaining(operation -> {
                String method = operation.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    return;
                }
                Set<String> query = new LinkedHashSet<>();
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    if ("query".equals(parameter.path("in").asText())) {
                        query.add(parameter.path("name").asText());
                    }
                }
                all.add(new Endpoint(method, template, query));
            });
        });
        assertThat(all).as("the OpenAPI document lists the endpoints").hasSizeGreaterThan(50);
        return all;
    }

    /** The URLs a read is asked with: for a list, county A's area (and B's own); otherwise every id of A's. */
    private List<String> readUrls(Endpoint e) {
        List<String> urls = new ArrayList<>();
        if (!e.hasParameters()) {
            listQueries(e).forEach(q -> urls.add(e.template() + q));
        } else {
            for (Concrete url : concrete(e.template())) {
                pathQueries(e).forEach(q -> urls.add(url.path() + q));
            }
        }
        return urls;
    }

    /**
     * A list, search, figures or export is asked without parameters, for each of county A's region levels and for
     * county B's own county, and with every parameter this class knows filled with county A's (search text, unit,
     * campaign, point, address).
     */
    private List<String> listQueries(Endpoint e) {
        List<String> queries = new ArrayList<>();
        queries.add("");
        String region = e.query().contains("region") ? "region" : e.query().contains("county") ? "county" : null;
        if (region != null) {
            for (String code : List.of(COUNTY_A, TOWNSHIP_A, VILLAGE_A, b.code)) {
                queries.add("?" + region + "=" + code);
            }
        }
        String filled = filled(e);
        if (!filled.isEmpty() && !queries.contains(filled)) {
            queries.add(filled);
        }
        if (e.query().contains("address")) {
            queries.add("?address=" + enc(a.address));
        }
        return queries;
    }

    /** A read of one object is asked as it is and, if it has parameters this class knows (reveal), with them. */
    private List<String> pathQueries(Endpoint e) {
        String filled = filled(e);
        return filled.isEmpty() ? List.of("") : List.of("", filled);
    }

    private String filled(Endpoint e) {
        List<String> parts = new ArrayList<>();
        for (String name : e.query()) {
            String value = switch (name) {
                case "region", "county" -> COUNTY_A;
                case "q" -> MARKER;
                case "lon" -> String.valueOf(a.lon + 0.005);
                case "lat" -> String.valueOf(a.lat + 0.005);
                case "unit" -> a.made.get("unit");
                case "campaign" -> a.made.get("campaign");
                case "reveal" -> "true";
                default -> null;
            };
            if (value != null) {
                parts.add(name + "=" + enc(value));
            }
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    /** A path with its parameters filled, and the values it was filled with. */
    private record Concrete(String path, List<String> values) {
    }

    /** The ids of county A's objects and its region codes: what each path parameter is tried with. */
    private List<String> valuesOfA() {
        List<String> values = new ArrayList<>(a.ids);
        values.add(a.everyone);
        values.add(a.id("user"));
        values.add(a.id("unit"));
        values.add(a.id("grid"));
        values.add(COUNTY_A);
        values.add(TOWNSHIP_A);
        values.add(VILLAGE_A);
        return values.stream().distinct().toList();
    }

    /** Every way to fill the template's parameters with county A's ids (and codes); none without parameters. */
    private List<Concrete> concrete(String template) {
        Matcher m = PARAM.matcher(template);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        List<Concrete> urls = new ArrayList<>();
        if (!names.isEmpty()) {
            fill(template, names, 0, valuesOfA(), new ArrayList<>(), urls);
        }
        return urls;
    }

    private static void fill(String template, List<String> names, int at, List<String> values, List<String> used,
                             List<Concrete> out) {
        if (at == names.size()) {
            out.add(new Concrete(template, List.copyOf(used)));
            return;
        }
        for (String value : values) {
            used.add(value);
            fill(template.replace("{" + names.get(at) + "}", value), names, at + 1, values, used, out);
            used.remove(used.size() - 1);
        }
    }

    /** The template with every parameter set to the same value. */
    private static String fill(String template, String value) {
        return PARAM.matcher(template).replaceAll(Matcher.quoteReplacement(value));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Api.Reply send(Api api, String method, String url, Body body) {
        return switch (method) {
            case "GET" -> api.get(url);
            case "DELETE" -> api.delete(url);
            case "PUT" -> api.put(url, body.text());
            default -> api.upload(url, body.type(), body.content());
        };
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static long seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000_000L;
    }

    /** A request body: its media type and content. */
    private record Body(String type, byte[] content) {

        /** For the actions that take none. */
        static final Body EMPTY = json("{}");
        /** A real 1×1 PNG. */
        private static final byte[] PNG = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

        static Body json(String json) {
            return new Body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        static Body csv(String csv) {
            return new Body("text/csv", csv.getBytes(StandardCharsets.UTF_8));
        }

        static Body png() {
            return new Body("application/octet-stream", PNG);
        }

        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    /**
     * An action on one of a county's objects with a body valid for it: {@code target} names the object (a key of
     * {@link County#made}), {@code query} goes after the path.
     */
    private record Action(String method, String template, String target, String query, Function<County, Body> body) {

        String path(String id) {
            return PARAM.matcher(template).replaceFirst(Matcher.quoteReplacement(id)) + query;
        }

        String key() {
            return method + " " + template;
        }
    }

    /** One county's side of the matrix: where it is, who fills it, and what it created. */
    private static final class County {
        final String name;
        final String code;
        final String township;
        final String village;
        final String prefix;
        /** The user of the county with every working role and its administration. */
        final String everyone;
        /** Written into the county's objects. */
        final String marker;
        final double lon;
        final double lat;
        /** An address of the county's standard address library. */
        final String address;
        Api api;
        /** Every id in the answers about the county's objects. */
        final Set<String> ids = new LinkedHashSet<>();
        /** The county's objects by kind ("case", "team", …), for the actions. */
        final Map<String, String> made = new LinkedHashMap<>();
        /** The exact body each create endpoint ("POST /cases") took from the county. */
        final Map<String, Body> creates = new LinkedHashMap<>();

        County(String name, String code, String township, String village, String prefix, String everyone, String marker,
               double lon, double lat, String address) {
            this.name = name;
            this.code = code;
            this.township = township;
            this.village = village;
            this.prefix = prefix;
            this.everyone = everyone;
            this.marker = marker;
            this.lon = lon;
            this.lat = lat;
            this.address = address;
        }

        void made(String kind, String id) {
            assertThat(id).as(name + "'s " + kind).isNotBlank();
            made.put(kind, id);
            ids.add(id);
        }

        String id(String kind) {
            String id = made.get(kind);
            assertThat(id).as(name + "'s " + kind).isNotBlank();
            return id;
        }
    }
}
