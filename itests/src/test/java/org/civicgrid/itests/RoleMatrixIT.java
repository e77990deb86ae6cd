package org.civicgrid.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civicgrid.itests.RoleMatrixIT.Role.AUDIT_ADMIN;
import static org.civicgrid.itests.RoleMatrixIT.Role.CITY_ADMIN;
import static org.civicgrid.itests.RoleMatrixIT.Role.COMMAND_OPERATOR;
import static org.civicgrid.itests.RoleMatrixIT.Role.COUNSELLOR;
import static org.civicgrid.itests.RoleMatrixIT.Role.COUNTY_ADMIN;
import static org.civicgrid.itests.RoleMatrixIT.Role.DEPARTMENT_HANDLER;
import static org.civicgrid.itests.RoleMatrixIT.Role.GRID_LEADER;
import static org.civicgrid.itests.RoleMatrixIT.Role.GRID_WORKER;
import static org.civicgrid.itests.RoleMatrixIT.Role.MEDIATOR;
import static org.civicgrid.itests.RoleMatrixIT.Role.RESIDENT;
import static org.civicgrid.itests.RoleMatrixIT.Role.SECURITY_ADMIN;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The role matrix: with the core and all three plug-ins installed, one user of each role in 沁水县 (the city
 * administrator in 晋城市 above it) tries every operation of the table below on objects of the county, and each
 * role can do exactly what its row says. An allowed call answers 2xx and its effect can be seen (the created thing
 * reads back, the list holds the seeded object); a refused call answers 403 or 404, shows nothing of the object
 * (no marker written into it, no name, number or answer) and changes nothing. Among what it proves: a grid worker
 * flags a person for screening but sees no screening result, a mediator reads no mental-health record, the audit
 * administrator reads the audit trail and changes nothing, and system, security and audit administration
 * (三权分立) are three roles none of which does another's work — the audit trail shows what each administrator did,
 * and a system administrator signed in to the Karaf shell reads no audit trail there either. Names, phone numbers
 * and ID numbers are shown masked in every answer, except to the roles that may ask for them in full.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoleMatrixIT {

    /** The platform's roles, by the names the API uses. */
    enum Role {
        RESIDENT("RES"), GRID_WORKER("GW"), GRID_LEADER("GL"), COMMAND_OPERATOR("CO"), DEPARTMENT_HANDLER("DH"),
        MEDIATOR("MED"), COUNSELLOR("CSL"), COUNTY_ADMIN("CA"), CITY_ADMIN("CiA"), SECURITY_ADMIN("SA"),
        AUDIT_ADMIN("AA");

        /** The role's column heading in the printed matrix. */
        final String heading;

        Role(String heading) {
            this.heading = heading;
        }

        /** The login name of this role's user, e.g. {@code rm-grid-worker}. */
        String userId() {
            return "rm-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        String region() {
            return this == CITY_ADMIN ? CITY : COUNTY;
        }
    }

    private static final String CITY = "1405";
    private static final String COUNTY = "140521";
    private static final String TOWNSHIP = "140521100";
    private static final String VILLAGE = "140521100200";
    private static final String UNIT = "qs-judicial";
    private static final String MH = "/mentalhealth";

    /** Written into every seeded object; a refused caller must never see it. */
    private static final String MARKER = "角色矩阵标记";
    /** A case's party, shown masked except to those who may reveal it. */
    private static final String CASE_PARTY = "王大明";
    private static final String CASE_PHONE = "13800001234";
    /** A dispute's party: never shown in full over the API. */
    private static final String DISPUTE_PARTY = "张三丰";
    private static final String DISPUTE_ID_NUMBER = ResidentIds.of("14052119700202003");
    private static final String DISPUTE_PHONE = "13812345678";
    /** A patrol volunteer's phone: never shown in full. */
    private static final String VOLUNTEER_PHONE = "13911112222";
    /** A person on the mental-health register, and the answers of their screening. */
    private static final String MH_NAME = "李春花";
    private static final String MH_ID_NUMBER = ResidentIds.of("14052119850612442");
    private static final String MH_PHONE = "13935612345";
    private static final String ANSWERS = "[1,2,1,0,1,2,0,1,0]";
    /** Values no answer shows in full, unless its row says it reveals them. */
    private static final List<String> FULL_VALUES = List.of(CASE_PARTY, CASE_PHONE, DISPUTE_PARTY, DISPUTE_ID_NUMBER,
            DISPUTE_PHONE, VOLUNTEER_PHONE, MH_NAME, MH_ID_NUMBER, MH_PHONE);

    private PlatformRun run;
    private Distribution platform;
    private final Map<Role, Api> users = new EnumMap<>(Role.class);
    private final Map<String, String> seeded = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private boolean targetLocked;
    /** The password the forgetful account has now: a reset gives it a temporary one. */
    private String forgetfulPassword = TestPasswords.of("rm-forgetful");

    @BeforeAll
    void boot() throws Exception {
        run = PlatformRun.start("rolematrix");
        platform = run.platform;
        platform.shell.run("feature:install civicgrid-mediation civicgrid-patrol civicgrid-mentalhealth");
        platform.shell.run("civicgrid:unit-add --kind JUDICIAL_OFFICE --region " + COUNTY + " " + UNIT + " 沁水县司法局");
        for (Role role : Role.values()) {
            String id = role.userId();
            platform.shell.run("civicgrid:user-add --role " + role + " --region " + role.region()
                    + (role == DEPARTMENT_HANDLER ? " --unit " + UNIT : "") + " --name " + id + " " + id + " "
                    + TestPasswords.of(id));
            users.put(role, platform.api.as(id, TestPasswords.of(id)));
        }
        // Accounts the directory rows act on: one to read, disable and enable, one to lock and unlock, one whose
        // password is reset, and an administrator whose second factor gets a new key.
        platform.shell.run("civicgrid:user-add --role GRID_WORKER --region " + TOWNSHIP + " --name " + MARKER
                + "-目标 rm-target " + TestPasswords.of("rm-target"));
        for (String id : List.of("rm-locked", "rm-forgetful")) {
            platform.shell.run("civicgrid:user-add --role GRID_WORKER --region " + TOWNSHIP + " " + id + " "
                    + TestPasswords.of(id));
        }
        platform.shell.run("civicgrid:user-add --role COUNTY_ADMIN --region " + COUNTY + " rm-second-admin "
                + TestPasswords.of("rm-second-admin"));
        for (String path : List.of("/mediation/disputes?region=" + COUNTY, "/patrol/teams?region=" + COUNTY,
                MH + "/figures?region=" + COUNTY)) {
            await(path + " is served").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> as(COUNTY_ADMIN).status(path) == 200);
        }
        seed();
        table();
    }

    @AfterAll
    void shutDown() throws Exception {
        if (run != null) {
            run.close();
        }
    }

    /** The objects the operations need, each made by a role that may make it, each carrying the marker. */
    private void seed() {
        // Cases: one dispatched to the department handler's unit, with a party; one registered, to be dispatched.
        String main = created(as(GRID_WORKER).post("/cases", caseIntake("路灯不亮" + MARKER,
                ",\"parties\":[{\"role\":\"COMPLAINANT\",\"kind\":\"PERSON\",\"name\":\"" + CASE_PARTY + "\",\"phone\":\""
                        + CASE_PHONE + "\"}]")));
        step(main, "{\"action\":\"REGISTER\"}", "REGISTERED");
        step(main, "{\"action\":\"DISPATCH\",\"unitId\":\"" + UNIT + "\"}", "DISPATCHED");
        seeded.put("case", main);
        String waiting = created(as(GRID_WORKER).post("/cases", caseIntake("井盖缺失" + MARKER, "")));
        step(waiting, "{\"action\":\"REGISTER\"}", "REGISTERED");
        seeded.put("registeredCase", waiting);
        seeded.put("caseFacts", caseFacts(main));

        // A grid of the village, without staff.
        String grid = VILLAGE + "900";
        Api.Reply imported = as(COUNTY_ADMIN).post("/grids/import", GeoJson.collection(
                GeoJson.feature(grid, "网格" + MARKER, VILLAGE, GeoJson.square(112.0, 36.5))));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        seeded.put("grid", grid);

        // A dispute with a party, taken in at the window.
        seeded.put("dispute", created(as(COMMAND_OPERATOR).post("/mediation/disputes", "{\"regionCode\":\"" + VILLAGE
                + "\",\"type\":\"LAND\",\"summary\":\"宅基地边界" + MARKER + "\",\"amountInDispute\":1200,"
                + "\"parties\":[{\"role\":\"APPLICANT\",\"kind\":\"PERSON\",\"name\":\"" + DISPUTE_PARTY
                + "\",\"idNumber\":\"" + DISPUTE_ID_NUMBER + "\",\"phone\":\"" + DISPUTE_PHONE + "\"}]}")));

        // A patrol team whose one member is the resident, a volunteer with a phone.
        String team = created(as(COMMAND_OPERATOR).post("/patrol/teams", "{\"regionCode\":\"" + TOWNSHIP
                + "\",\"name\":\"巡防队" + MARKER + "\"}"));
        created(as(COMMAND_OPERATOR).post("/patrol/teams/" + team + "/members", "{\"userId\":\"" + RESIDENT.userId()
                + "\",\"kind\":\"SAFETY_VOLUNTEER\",\"phone\":\"" + VOLUNTEER_PHONE + "\"}"));
        seeded.put("team", team);

        // A person the grid worker flags, whom the counsellor screens.
        Api.Reply flagged = as(GRID_WORKER).post(MH + "/flags", flag(MH_ID_NUMBER, "近来情绪低落" + MARKER));
        seeded.put("flag", created(flagged));
        JsonNode worklist = as(COUNSELLOR).get(MH + "/flags?region=" + COUNTY).json();
        String person = worklist.get(0).path("personId").asText();
        assertThat(person).isNotBlank();
        seeded.put("person", person);
        seeded.put("screening", created(as(COUNSELLOR).post(MH + "/screenings", "{\"personId\":\"" + person
                + "\",\"instrument\":\"PHQ-9\",\"answers\":" + ANSWERS + "}")));
    }

    /**
     * The specification: one row per operation, with the roles allowed to do it; every other role is refused. Each
     * row says how to call it, what an allowed call must have done, and what a refused one must have left alone.
     */
    private void table() {
        String kase = seeded.get("case");
        String registered = seeded.get("registeredCase");
        String grid = seeded.get("grid");
        String dispute = seeded.get("dispute");
        String team = seeded.get("team");
        String person = seeded.get("person");
        String screening = seeded.get("screening");
        String flag = seeded.get("flag");

        // ------------------------------------------------------------------ cases
        Set<Role> caseStaff = EnumSet.of(GRID_WORKER, GRID_LEADER, COMMAND_OPERATOR, DEPARTMENT_HANDLER, MEDIATOR,
                COUNTY_ADMIN, CITY_ADMIN);

        row("list and search the county's cases", caseStaff)
                .call((role, api) -> api.get("/cases?region=" + COUNTY + "&q=" + url(MARKER)))
                .refusalMayBeAnAnswerWithoutIt() // anyone else is answered with the cases they reported themselves
                .ifAllowed((role, reply) -> assertThat(reply.body()).contains(kase).contains(registered));

        row("read a case (its parties masked)", caseStaff)
                .call((role, api) -> api.get("/cases/" + kase))
                .ifAllowed((role, reply) -> assertThat(reply.body()).contains(MARKER).contains("王**")
                        .contains("138****1234"));

        row("read a case's history", caseStaff)
                .call((role, api) -> api.get("/cases/" + kase + "/history"))
                .ifAllowed((role, reply) -> assertThat(reply.body()).contains("DISPATCH").contains(UNIT));

        row("report a case", EnumSet.complementOf(EnumSet.of(SECURITY_ADMIN, AUDIT_ADMIN)))
                .call((role, api) -> api.post("/cases", caseIntake(title(role), "")))
                .ifAllowed((role, reply) -> {
                    assertThat(reply.status()).isEqualTo(201);
                    assertThat(as(role).get("/cases/" + reply.json().path("id").asText()).body())
                            .as("the reporter reads the case back").contains(title(role));
                })
                .ifRefused((role, reply) -> assertThat(as(COMMAND_OPERATOR).get("/cases?region=" + COUNTY + "&q="
                        + url(title(role))).json().size()).as("cases reported").isZero());

        row("dispatch a case", EnumSet.of(COMMAND_OPERATOR))
                .call((role, api) -> api.post("/cases/" + registered + "/transitions",
                        "{\"action\":\"DISPATCH\",\"unitId\":\"" + UNIT + "\"}"))
                .ifAllowed((role, reply) -> {
                    assertThat(reply.json().path("state").asText()).isEqualTo("DISPATCHED");
                    assertThat(reply.json().path("unitId").asText()).isEqualTo(UNIT);
                })
                .ifRefused((role, reply) -> assertThat(as(COMMAND_OPERATOR).get("/cases/" + registered).json()
                        .path("state").asText()).isEqualTo("REGISTERED"));

        row("case figures of the county", caseStaff)
                .call((role, api) -> api.get("/cases/figures?region=" + COUNTY))
                .ifAllowed((role, reply) -> assertThat(reply.json().path("total").asLong()).isGreaterThanOrEqualTo(2));

        row("see a case's parties in full (with a purpose)",
                EnumSet.of(COMMAND_OPERATOR, GRID_WORKER, GRID_LEADER, MEDIATOR, DEPARTMENT_HANDLER))
                .call((role, api) -> api.post("/cases/" + kase + "/parties/reveal", "{\"purpose\":\"电话联系当事人核实情况\"}"))
                .reveals(CASE_PARTY, CASE_PHONE) // the department handler as the unit the case is dispatched to
                .ifAllowed((role, reply) -> assertThat(reply.body()).contains(CASE_PARTY).contains(CASE_PHONE));

        // ------------------------------------------------------------------ directory (accounts and units)
        Set<Role> accountAdmins = EnumSet.of(COUNTY_ADMIN, CITY_ADMIN, SECURITY_ADMIN);
        Set<Role> directoryReaders = EnumSet.complementOf(EnumSet.of(RESIDENT, AUDIT_ADMIN));

        row("list the county's users", directoryReaders)
                .call((role, api) -> api.get("/users?region=" + COUNTY))
                .ifAllowed((role, reply) -> assertThat(reply.body()).contains("rm-target").contains(MARKER));

        row("read another user's account", directoryReaders)
                .call((role, api) -> api.get("/users/rm-target"))
                .ifAllowed((role, reply) -> assertThat(reply.json().path("name").asText()).contains(MARKER));

        row("create a user", accountAdmins)
                .call((role, api) -> api.post("/users", "{\"id\":\"" + newUser(role) + "\",\"name\":\"新网格员\","
                        + "\"password\":\"" + TestPasswords.of(newUser(role)) + "\",\"roles\":[\"GRID_WORKER\"],"
                        + "\"regionCode\":\"" + TOWNSHIP + "\"}"))
                .ifAllowed((role, reply) -> {
                    assertThat(reply.status()).isEqualTo(201);
                    assertThat(as(role).get("/users/" + newUser(role)).status()).isEqualTo(200);
                    assertThat(platform.api.as(newUser(role), TestPasswords.of(newUser(role))).get("/me").status())
                            .as("the new user signs in").isEqualTo(200);
                })
                .ifRefused((role, reply) -> assertThat(as(SECURITY_ADMIN).get("/users/" + newUser(role)).status())
                        .as("no such user").isEqualTo(404));

        row("disable a user", accountAdmins)
                .before(role -> setEnabled("rm-target", true))
                .call((role, api) -> api.post("/users/rm-target/disable", "{\"reason\":\"调离岗位\"}"))
                .ifAllowed((role, reply) -> {
                    assertThat(reply.json().path("enabled").asBoolean()).isFalse();
                    assertThat(target().get("/me").status()).as("the disabled user signs in").isEqualTo(401);
                })
                .ifRefused((role, reply) -> assertThat(target().get("/me").status()).as("the user still signs in")
                        .isEqualTo(200));

        row("enable a user", accountAdmins)
                .before(role -> setEnabled("rm-target", false))
                .call((role, api) -> api.post("/users/rm-target/enable", ""))
                .ifAllowed((role, reply) -> {
                    assertThat(reply.json().path("enabled").asBoolean()).isTrue();
                    assertThat(target().get("/me").status()).as("the enabled user signs in").isEqualTo(200);
                })
                .ifRefused((role, reply) -> assertThat(as(SECURITY_ADMIN).get("/users/rm-target").json()
                        .path("enabled").asBoolean()).as("still disabled").isFalse());

        row("unlock a locked account", accountAdmins)
                .before(role -> lockTheLockedAccount())
                .call((role, api) -> api.post("/users/rm-locked/unlock", ""))
                .ifAllowed((role, reply) -> {
                    targetLocked = false;
                    assertThat(locked().get("/me").status()).as("the account signs in again").isEqualTo(200);
                })
                .ifRefused((role, reply) -> assertThat(locked().get("/me").status()).as("still locked").isEqualTo(401));

        row("reset a user's forgotten password", accountAdmins)
                .call((role, api) -> api.post("/users/rm-forgetful/password-reset", ""))
                .ifAllowed((role, reply) -> {
                    String temporary = reply.json().path("temporaryPassword").asText();
                    assertThat(platform.api.as("rm-forgetful", forgetfulPassword).get("/me").status())
                            .as("the password before").isEqualTo(401);
                    forgetfulPassword = temporary;
                    assertThat(platform.api.as("rm-forgetful", temporary).get("/me").json().path("passwordExpired")
                            .asBoolean()).as("the temporary password signs in, to be changed").isTrue();
                })
                .ifRefused((role, reply) -> {
                    assertThat(reply.body()).doesNotContain("temporaryPassword");
                    assertThat(platform.api.as("rm-forgetful", forgetfulPassword).get("/me").status())
                            .as("the password still works").isEqualTo(200);
                });

        row("give an administrator a new second-factor key", accountAdmins)
                .call((role, api) -> api.post("/users/rm-second-admin/second-factor", ""))
                .ifAllowed((role, reply) -> {
                    platform.secondFactors.remember("rm-second-admin", reply.json().path("key").asText());
                    assertThat(platform.api.as("rm-second-admin", TestPasswords.of("rm-second-admin")).get("/me")
                            .status()).as("the new key's code signs in").isEqualTo(200);
                })
                .ifRefused((role, reply) -> {
                    assertThat(reply.body()).doesNotContain("otpauth").doesNotContain("\"key\"");
                    List<String> given = new ArrayList<>();
                    as(AUDIT_ADMIN).get("/audit?limit=50").json().forEach(entry -> {
                        if (entry.path("actor").asText().equals(role.userId())) {
                            given.add(entry.path("action").asText());
                        }
                    });
                    assertThat(given).as("what the refused caller did").doesNotContain("user.second-factor");
                });

        row("create a unit", EnumSet.of(COUNTY_ADMIN, CITY_ADMIN))
                .call((role, api) -> api.post("/units", "{\"id\":\"" + newUnit(role) + "\",\"name\":\"派出所\","
                        + "\"kind\":\"POLICE_STATION\",\"regionCode\":\"" + TOWNSHIP + "\"}"))
                .ifAllowed((role, reply) -> assertThat(as(role).get("/units/" + newUnit(role)).status()).isEqualTo(200))
                .ifRefused((role, reply) -> assertThat(as(COUNTY_ADMIN).get("/units/" + newUnit(role)).status())
                        .as("no such unit").isEqualTo(404));

        // ------------------------------------------------------------------ grids
        row("import grids", EnumSet.of(COUNTY_ADMIN, CITY_ADMIN))
                .call((role, api) -> api.post("/grids/import", GeoJson.collection(GeoJson.feature(newGrid(role),
                        "网格" + role, VILLAGE, GeoJson.square(112.1 + 0.02 * role.ordinal(), 36.5)))))
                .ifAllowed((role, reply) -> assertThat(as(role).get("/grids/" + newGrid(role)).status()).isEqualTo(200))
                .ifRefused((role, reply) -> assertThat(as(COUNTY_ADMIN).get("/grids/" + newGrid(role)).status())
                        .as("no such grid").isEqualTo(404));

        row("assign a grid's workers and leader", EnumSet.of(COUNTY_ADMIN, CITY_ADMIN, COMMAND_OPERATOR))
                .call((role, api) -> api.put("/grids/" + grid + "/staff", "{\"workers\":[\"" + GRID_WORKER.userId()
                        + "\"],\"leader\":\"" + GRID_LEADER.userId() + "\"}"))
                .ifAllowed((role, reply) -> assertThat(as(COUNTY_ADMIN).get("/grids/" + grid).json().path("workers")
                        .toString()).contains(GRID_WORKER.userId()))
                .ifRefused((role, reply) -> assertThat(as(COUNTY_ADMIN).get("/grids/" + grid).json().path("workers")
                        .size()).as("workers").isZero());

        // ------------------------------------------------------------------ the audit trail
        row("read the audit trail", EnumSet.of(AUDIT_ADMIN))
                .call((role, api) -> api.get("/audit?limit=100"))
                .ifAllowed((role, reply) -> assertThat(reply.json().size()).as("entries").isPositive())
                .ifRefused((role, reply) -> assertThat(reply.body()).doesNotContain("\"hash\""));

        row("verify the audit trail", EnumSet.of(AUDIT_ADMIN))
                .call((role, api) -> api.get("/audit/verify"))
                .ifAllowed((role, reply) -> assertThat(reply.json().path("intact").asBoolean()).isTrue())
                .ifRefused((role, reply) -> assertThat(reply.body()).doesNotContain("intact"));

        row("export the audit trail", EnumSet.of(AUDIT_ADMIN))
                .call((role, api) -> api.get("/audit/export"))
                .ifAllowed((role, reply) -> {
                    assertThat(reply.contentType()).startsWith("text/csv");
                    assertThat(reply.body()).contains("seq,at,actor,action").contains("user.create");
                })
                .ifRefused((role, reply) -> assertThat(reply.body()).doesNotContain("seq,at,actor"));

        // ------------------------------------------------------------------ mediation
        Set<Role> studio = EnumSet.of(MEDIATOR, COMMAND_OPERATOR, GRID_WORKER, GRID_LEADER, COUNTY_ADMIN, CITY_ADMIN);

        row("list disputes", studio)
                .call((role, api) -> api.get("/mediation/disputes?region=" + COUNTY))
                .ifAllowed((role, reply) -> assertThat(reply.body()).contains(dispute).contains(MARKER));

        row("read a dispute (its parties masked)", studio)
                .call((role, api) -> api.get("/mediation/disputes/" + dispute))
                .ifAllowed((role, reply) -> assertThat(reply.body()).contains(MARKER).contains("张**")
                        .contains("138****5678"));

        row("take a dispute in", studio)
                .call((role, api) -> api.post("/mediation/disputes", "{\"regionCode\":\"" + VILLAGE
                        + "\",\"type\":\"NEIGHBOURS\",\"summary\":\"" + title(role) + "\"}"))
                .ifAllowed((role, reply) -> assertThat(as(role).get("/mediation/disputes/"
                        + reply.json().path("id").asText()).body()).contains(title(role)))
                .ifRefused((role, reply) -> assertThat(as(COMMAND_OPERATOR).get("/mediation/disputes?region=" + COUNTY)
                        .body()).doesNotContain(title(role)));

        row("register a mediation organisation", EnumSet.of(COUNTY_ADMIN, CITY_ADMIN))
                .call((role, api) -> api.post("/mediation/organisations", "{\"name\":\"" + title(role)
                        + "\",\"kind\":\"TOWNSHIP_COMMITTEE\",\"regionCode\":\"" + TOWNSHIP + "\"}"))
                .ifAllowed((role, reply) -> assertThat(as(role).get("/mediation/organisations/"
                        + reply.json().path("id").asText()).body()).contains(title(role)))
                .ifRefused((role, reply) -> assertThat(as(COUNTY_ADMIN).get("/mediation/organisations?region=" + COUNTY)
                        .body()).doesNotContain(title(role)));

        // ------------------------------------------------------------------ patrol
        Set<Role> patrolManagers = EnumSet.of(COUNTY_ADMIN, CITY_ADMIN, COMMAND_OPERATOR, GRID_LEADER);

        row("list patrol teams", patrolManagers)
                .call((role, api) -> api.get("/patrol/teams?region=" + COUNTY))
                .ifAllowed((role, reply) -> assertThat(reply.body()).contains(team).contains(MARKER));

        Set<Role> managersAndMember = EnumSet.copyOf(patrolManagers);
        managersAndMember.add(RESIDENT); // the team's volunteer
        row("read a patrol team (its members' phones masked)", managersAndMember)
                .call((role, api) -> api.get("/patrol/teams/" + team))
                .ifAllowed((role, reply) -> assertThat(reply.body()).contains(MARKER).contains("139****2222"));

        row("register a patrol team", patrolManagers)
                .call((role, api) -> api.post("/patrol/teams", "{\"regionCode\":\"" + TOWNSHIP + "\",\"name\":\""
                        + title(role) + "\"}"))
                .ifAllowed((role, reply) -> assertThat(as(role).get("/patrol/teams/" + reply.json().path("id").asText())
                        .body()).contains(title(role)))
                .ifRefused((role, reply) -> assertThat(as(COMMAND_OPERATOR).get("/patrol/teams?region=" + COUNTY)
                        .body()).doesNotContain(title(role)));

        // ------------------------------------------------------------------ mental health
        Set<Role> flagging = EnumSet.of(GRID_WORKER, GRID_LEADER, COUNSELLOR);
        Set<Role> counsellors = EnumSet.of(COUNSELLOR);

        row("flag a person for screening", flagging)
                .call((role, api) -> api.post(MH + "/flags", flag(MH_ID_NUMBER, title(role))))
                .ifAllowed((role, reply) -> {
                    JsonNode back = as(role).get(MH + "/flags/" + reply.json().path("id").asText()).json();
                    assertThat(back.path("status").asText()).isEqualTo("FLAGGED");
                    assertThat(back.has("name") || back.has("reason")).as("the flag shows no person").isFalse();
                })
                .ifRefused((role, reply) -> assertThat(as(COUNSELLOR).get(MH + "/flags?region=" + COUNTY).body())
                        .as("the counsellors' worklist").doesNotContain(title(role)));

        row("read back a flag (only that it is on record)", flagging)
                .call((role, api) -> api.get(MH + "/flags/" + flag))
                .ifAllowed((role, reply) -> assertThat(reply.json().path("status").asText()).isEqualTo("FLAGGED"));

        row("read the counsellors' worklist of flagged people", counsellors)
                .call((role, api) -> api.get(MH + "/flags?region=" + COUNTY))
                .ifAllowed((role, reply) -> assertThat(reply.body()).contains(person).contains(MARKER).contains("李**"));

        row("list people on the mental-health register", counsellors)
                .call((role, api) -> api.get(MH + "/persons?region=" + COUNTY))
                .ifAllowed((role, reply) -> assertThat(reply.body()).contains(person));

        row("read a person's record (identity masked)", counsellors)
                .call((role, api) -> api.get(MH + "/persons/" + person))
                .ifAllowed((role, reply) -> assertThat(reply.json().path("name").asText()).isEqualTo("李**"))
                .ifRefused((role, reply) -> assertThat(reply.body()).doesNotContain(person));

        row("see a person's identity in full", counsellors)
                .call((role, api) -> api.get(MH + "/persons/" + person + "?reveal=true"))
                .reveals(MH_NAME, MH_ID_NUMBER, MH_PHONE)
                .ifAllowed((role, reply) -> assertThat(reply.body()).contains(MH_NAME).contains(MH_ID_NUMBER));

        row("register a person", counsellors)
                .call((role, api) -> api.post(MH + "/persons", "{\"regionCode\":\"" + VILLAGE + "\",\"name\":\"赵秋菊\","
                        + "\"idNumber\":\"" + newIdNumber(role) + "\"}"))
                .ifAllowed((role, reply) -> assertThat(as(role).get(MH + "/persons/" + reply.json().path("id").asText())
                        .status()).isEqualTo(200))
                .ifRefused((role, reply) -> assertThat(as(COUNSELLOR).get(MH + "/persons?region=" + COUNTY).json()
                        .size()).as("people on the register").isEqualTo(1));

        row("read a person's screenings with answers and results", counsellors)
                .call((role, api) -> api.get(MH + "/persons/" + person + "/screenings"))
                .ifAllowed((role, reply) -> assertThat(reply.body()).contains(screening).contains("\"band\"")
                        .contains(ANSWERS));

        row("read a screening's result", counsellors)
                .call((role, api) -> api.get(MH + "/screenings/" + screening))
                .ifAllowed((role, reply) -> {
                    assertThat(reply.json().path("score").asInt()).isEqualTo(8);
                    assertThat(reply.json().path("band").asText()).isEqualTo("mild");
                })
                .ifRefused((role, reply) -> assertThat(reply.body()).doesNotContain("\"band\"").doesNotContain("mild"));

        row("record a screening", counsellors)
                .call((role, api) -> api.post(MH + "/screenings", "{\"personId\":\"" + person
                        + "\",\"instrument\":\"GAD-7\",\"answers\":[0,1,0,1,0,1,0]}"))
                .ifAllowed((role, reply) -> assertThat(screenings(person)).isEqualTo(2))
                .ifRefused((role, reply) -> assertThat(screenings(person)).as("screenings").isEqualTo(1));

        row("record a follow-up", counsellors)
                .call((role, api) -> api.post(MH + "/persons/" + person + "/follow-ups", "{\"note\":\"" + title(role) + "\"}"))
                .ifAllowed((role, reply) -> assertThat(as(COUNSELLOR).get(MH + "/persons/" + person + "/follow-ups")
                        .body()).contains(title(role)))
                .ifRefused((role, reply) -> assertThat(as(COUNSELLOR).get(MH + "/persons/" + person + "/follow-ups")
                        .body()).doesNotContain(title(role)));

        row("anonymised mental-health figures", EnumSet.of(COUNSELLOR, COUNTY_ADMIN, CITY_ADMIN, COMMAND_OPERATOR,
                GRID_LEADER, GRID_WORKER))
                .call((role, api) -> api.get(MH + "/figures?region=" + COUNTY))
                .ifAllowed((role, reply) -> assertThat(reply.body()).contains("\"people\"").doesNotContain(person));

        row("plan a screening campaign", EnumSet.of(COUNSELLOR, COUNTY_ADMIN, CITY_ADMIN))
                .call((role, api) -> api.post(MH + "/campaigns", campaign(role)))
                .ifAllowed((role, reply) -> assertThat(as(role).get(MH + "/campaigns/" + reply.json().path("id").asText())
                        .body()).contains(title(role)))
                .ifRefused((role, reply) -> assertThat(as(COUNSELLOR).get(MH + "/campaigns?region=" + COUNTY).body())
                        .doesNotContain(title(role)));
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> eachRoleDoesExactlyWhatItsRowAllows() {
        return rows.stream().map(row -> DynamicTest.dynamicTest(row.operation + ": " + row.allowed, () -> {
            List<String> wrong = new ArrayList<>();
            // The refused first: an allowed call may change the object (a dispatched case is no longer to dispatch).
            List<Role> order = new ArrayList<>(EnumSet.allOf(Role.class));
            order.removeAll(row.allowed);
            order.addAll(row.allowed);
            for (Role role : order) {
                boolean allowed = row.allowed.contains(role);
                try {
                    row.before.accept(role);
                    Api.Reply reply = row.call.apply(role, as(role));
                    if (allowed) {
                        assertThat(reply.status()).as("status: " + cut(reply.body())).isBetween(200, 299);
                        for (String value : FULL_VALUES) {
                            if (!row.shownInFull.contains(value)) {
                                assertThat(reply.body()).as("shown in full").doesNotContain(value);
                            }
                        }
                        row.ifAllowed.accept(role, reply);
                    } else {
                        if (!(row.refusalMayBeAnAnswer && reply.status() == 200)) {
                            assertThat(reply.status()).as("status: " + cut(reply.body())).isIn(403, 404);
                        }
                        assertThat(reply.body()).as("what the refused caller got").doesNotContain(MARKER)
                                .doesNotContain(ANSWERS);
                        for (String value : FULL_VALUES) {
                            assertThat(reply.body()).as("what the refused caller got").doesNotContain(value);
                        }
                        row.ifRefused.accept(role, reply);
                    }
                } catch (AssertionError e) {
                    wrong.add(role + " should be " + (allowed ? "allowed" : "refused") + ": " + e.getMessage());
                }
            }
            assertThat(wrong).as(row.operation).isEmpty();
        }));
    }

    @Test
    @Order(2)
    void theSecurityAndAuditAdministratorsDidOnlyTheirOwnWork() {
        List<JsonNode> trail = wholeTrail();
        assertThat(trail).as("the audit trail").hasSizeGreaterThan(100);
        Set<String> security = actionsDoneBy(trail, SECURITY_ADMIN);
        Set<String> audit = actionsDoneBy(trail, AUDIT_ADMIN);
        assertThat(security).as("what the security administrator did").isNotEmpty()
                .allMatch(action -> action.startsWith("user."));
        assertThat(audit).as("what the audit administrator did").isNotEmpty()
                .allMatch(action -> action.startsWith("audit."));
        for (Role administrator : List.of(COUNTY_ADMIN, CITY_ADMIN)) {
            assertThat(actionsDoneBy(trail, administrator)).as("what the " + administrator + " did").isNotEmpty()
                    .noneMatch(action -> action.startsWith("audit."));
        }
    }

    @Test
    @Order(3)
    void aSystemAdministratorOnTheShellReadsNoAuditTrail() {
        String id = COUNTY_ADMIN.userId();
        for (String command : List.of("civicgrid:audit-list --limit 50", "civicgrid:audit-verify")) {
            // A code opens one SSH session: each command signs in with the next one.
            KarafShell shell = new KarafShell(platform.sshPort, id, TestPasswords.of(id)
                    + platform.secondFactors.freshCode(id), platform.secondFactors);
            assertThat(shell.runAllowingErrors(command)).as(command).contains("audit administrators")
                    .doesNotContain("user.create").doesNotContain("intact");
        }
    }

    @Test
    @Order(4)
    void refusedCallsLeftTheSeededCaseAsItWas() {
        assertThat(caseFacts(seeded.get("case"))).isEqualTo(seeded.get("caseFacts"));
        System.out.println("RoleMatrixIT:\n" + matrix());
    }

    // ---------------------------------------------------------------------- the table's machinery

    /** One operation of the table: who may do it, how it is called, and what each outcome must show. */
    private static final class Row {
        final String operation;
        final Set<Role> allowed;
        BiFunction<Role, Api, Api.Reply> call;
        Consumer<Role> before = role -> { };
        BiConsumer<Role, Api.Reply> ifAllowed = (role, reply) -> { };
        BiConsumer<Role, Api.Reply> ifRefused = (role, reply) -> { };
        Set<String> shownInFull = Set.of();
        boolean refusalMayBeAnAnswer;

        Row(String operation, Set<Role> allowed) {
            this.operation = operation;
            Set<Role> roles = EnumSet.noneOf(Role.class);
            roles.addAll(allowed);
            this.allowed = Collections.unmodifiableSet(roles);
        }

        Row call(BiFunction<Role, Api, Api.Reply> call) {
            this.call = call;
            return this;
        }

        /** Runs before each role's call: puts the object into the state the operation acts on. */
        Row before(Consumer<Role> before) {
            this.before = before;
            return this;
        }

        /** What an allowed call must have done, beyond answering 2xx. */
        Row ifAllowed(BiConsumer<Role, Api.Reply> check) {
            this.ifAllowed = check;
            return this;
        }

        /** What a refused call must have left as it was, beyond answering 403 or 404 with nothing of the object. */
        Row ifRefused(BiConsumer<Role, Api.Reply> check) {
            this.ifRefused = check;
            return this;
        }

        /** The allowed calls show these values in full; everything else shows them masked or not at all. */
        Row reveals(String... values) {
            this.shownInFull = Set.of(values);
            return this;
        }

        /** A list that answers every caller with what is theirs: a refusal may be a 200 without the object. */
        Row refusalMayBeAnAnswerWithoutIt() {
            this.refusalMayBeAnAnswer = true;
            return this;
        }
    }

    private Row row(String operation, Set<Role> allowed) {
        Row row = new Row(operation, allowed);
        rows.add(row);
        return row;
    }

    /** The table as a grid of roles (Y allowed, - refused), for the test log. */
    private String matrix() {
        StringBuilder out = new StringBuilder(String.format("%-55s", "operation"));
        for (Role role : Role.values()) {
            out.append(String.format(" %4s", role.heading));
        }
        for (Row row : rows) {
            out.append('\n').append(String.format("%-55.55s", row.operation));
            for (Role role : Role.values()) {
                out.append(String.format(" %4s", row.allowed.contains(role) ? "Y" : "-"));
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------------- helpers

    private Api as(Role role) {
        return users.get(role);
    }

    private Api target() {
        return platform.api.as("rm-target", TestPasswords.of("rm-target"));
    }

    private Api locked() {
        return platform.api.as("rm-locked", TestPasswords.of("rm-locked"));
    }

    /** Enables or disables the target account as the security administrator, if it is not so already. */
    private void setEnabled(String userId, boolean enabled) {
        Api security = as(SECURITY_ADMIN);
        if (security.get("/users/" + userId).json().path("enabled").asBoolean() != enabled) {
            Api.Reply changed = enabled ? security.post("/users/" + userId + "/enable", "")
                    : security.post("/users/" + userId + "/disable", "{\"reason\":\"休假\"}");
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        }
    }

    /** Five wrong passwords in a row lock the account (the platform's default). */
    private void lockTheLockedAccount() {
        if (!targetLocked) {
            for (int i = 0; i < 5; i++) {
                assertThat(platform.api.as("rm-locked", "Wrong-guess-" + i).get("/me").status()).isEqualTo(401);
            }
            assertThat(locked().get("/me").status()).as("locked").isEqualTo(401);
            targetLocked = true;
        }
    }

    private int screenings(String person) {
        return as(COUNSELLOR).get(MH + "/persons/" + person + "/screenings").json().size();
    }

    /** The actions with outcome ok the role's user took, other than signing in. */
    private static Set<String> actionsDoneBy(List<JsonNode> trail, Role role) {
        Set<String> actions = new TreeSet<>();
        for (JsonNode entry : trail) {
            String action = entry.path("action").asText();
            if (role.userId().equals(entry.path("actor").asText()) && "ok".equals(entry.path("outcome").asText())
                    && !action.startsWith("login") && !action.startsWith("session")) {
                actions.add(action);
            }
        }
        return actions;
    }

    /** Every entry the audit administrator reads, page by page. */
    private List<JsonNode> wholeTrail() {
        // Entries are chained a moment after the change they record: wait until none is waiting.
        await("every audit entry chained").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> as(AUDIT_ADMIN).get("/audit/verify").json().path("pending").asLong(-1) == 0);
        List<JsonNode> entries = new ArrayList<>();
        Long before = null;
        while (true) {
            Api.Reply page = as(AUDIT_ADMIN).get("/audit?limit=500" + (before == null ? "" : "&before=" + before));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            JsonNode json = page.json();
            json.forEach(entries::add);
            if (json.size() < 500) {
                return entries;
            }
            before = json.get(json.size() - 1).path("seq").asLong();
        }
    }

    private String caseFacts(String caseId) {
        JsonNode c = as(COMMAND_OPERATOR).get("/cases/" + caseId).json();
        List<String> steps = new ArrayList<>();
        as(COMMAND_OPERATOR).get("/cases/" + caseId + "/history").json().forEach(step -> {
            if (!"platform".equals(step.path("actorId").asText())) {
                steps.add(step.path("actorId").asText() + ":" + step.path("action").asText());
            }
        });
        return String.join("|", c.path("state").asText(), c.path("unitId").asText(), c.path("updatedAt").asText(),
                c.path("parties").toString(), steps.toString());
    }

    private void step(String caseId, String request, String state) {
        Api.Reply reply = as(COMMAND_OPERATOR).post("/cases/" + caseId + "/transitions", request);
        assertThat(reply.status()).as(request + " → " + reply.body()).isEqualTo(200);
        assertThat(reply.json().path("state").asText()).isEqualTo(state);
    }

    /** The id of what a call created. */
    private static String created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("id").asText();
    }

    private static String caseIntake(String title, String more) {
        return "{\"title\":\"" + title + "\",\"description\":\"村口\",\"category\":\"street-light\",\"channel\":\"GRID_WORKER\","
                + "\"regionCode\":\"" + VILLAGE + "\"" + more + "}";
    }

    private static String flag(String idNumber, String reason) {
        return "{\"regionCode\":\"" + VILLAGE + "\",\"name\":\"" + MH_NAME + "\",\"idNumber\":\"" + idNumber
                + "\",\"phone\":\"" + MH_PHONE + "\",\"reason\":\"" + reason + "\"}";
    }

    private static String campaign(Role role) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return "{\"regionCode\":\"" + COUNTY + "\",\"name\":\"" + title(role) + "\",\"instruments\":[\"PHQ-9\"],"
                + "\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today.plusDays(30) + "\"}";
    }

    /** A title, name or note unique to a role's attempt, so its effect (or its absence) can be looked for. */
    private static String title(Role role) {
        return "矩阵-" + role.userId();
    }

    private static String newUser(Role role) {
        return "rm-made-by-" + role.ordinal();
    }

    private static String newUnit(Role role) {
        return "rm-unit-" + role.ordinal();
    }

    private static String newGrid(Role role) {
        return VILLAGE + (910 + role.ordinal());
    }

    private static String newIdNumber(Role role) {
        return ResidentIds.of(String.format("140521199001010%02d", role.ordinal()));
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
