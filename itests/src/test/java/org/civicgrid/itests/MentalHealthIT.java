package org.civicgrid.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
 * The mental-health plug-in of 泽州县 installed at runtime: a counsellor plans a campaign, a grid worker flags a
 * person and learns nothing more, the counsellor records a PHQ-9 with a positive self-harm item and the server
 * scores it, alerts the counsellor and plans the follow-up; every read of the person's record is in the audit
 * trail; the counsellor refers the person to a hospital; moved platform time makes the follow-up overdue and
 * supervision flags it; the counsellor acknowledges the alerts; a grid worker, a mediator, a county administrator
 * and a counsellor of 沁水县 see no identity or answer; the database holds none in the clear; uninstalling keeps
 * the data; no core bundle or component is restarted by installing, uninstalling or reinstalling.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MentalHealthIT {

    private static final String MH = "/mentalhealth";
    private static final String ZEZHOU = "140525";
    private static final String VILLAGE = "140525100200"; // 南村镇 南村村委会
    private static final String NAME = "李春花";
    private static final String ID_NUMBER = ResidentIds.of("14052519850612442");
    private static final String PHONE = "13935612345";
    private static final String ANSWERS = "[2,1,3,0,2,1,3,0,1]";
    private static final String CAMPAIGN_TOKEN = "ZZ-SPRING-SCREENING";
    private static final String HOSPITAL = "晋城市精神卫生中心";
    private static final List<String> PLUGIN_BUNDLES = List.of("civicgrid mental-health screening");

    private PlatformRun run;
    private Distribution platform;
    private Api counsellor;
    private Api worker;
    private Api mediator;
    private Api countyAdmin;
    private Api otherCounsellor;
    private Api auditor;
    private CoreState core;
    private String campaignId;
    private String flagId;
    private String flagReadBack;
    private String personId;
    private String screeningId;

    @BeforeAll
    void boot() throws Exception {
        run = PlatformRun.start("mentalhealth");
        platform = run.platform;
        counsellor = user("zz-counsellor", "COUNSELLOR", ZEZHOU);
        worker = user("zz-worker", "GRID_WORKER", "140525100");
        mediator = user("zz-mediator", "MEDIATOR", ZEZHOU);
        countyAdmin = user("zz-admin", "COUNTY_ADMIN", ZEZHOU);
        otherCounsellor = user("qs-counsellor", "COUNSELLOR", "140521");
        auditor = user("zz-auditor", "AUDIT_ADMIN", ZEZHOU);
    }

    @AfterAll
    void shutDown() throws Exception {
        if (run != null) {
            run.close();
        }
    }

    @Test
    @Order(1)
    void thePluginInstallsAtRuntime() {
        assertThat(counsellor.get(MH + "/instruments").status()).isEqualTo(404);
        core = CoreState.of(platform, PLUGIN_BUNDLES);
        platform.shell.run("feature:install civicgrid-mentalhealth");
        awaitStatus(counsellor, MH + "/instruments", 200);
        assertThat(CoreState.of(platform, PLUGIN_BUNDLES)).as("no core bundle or component restarted").isEqualTo(core);
        JsonNode instruments = counsellor.get(MH + "/instruments").json();
        assertThat(instruments.toString()).contains("PHQ-9").contains("GAD-7").contains("有不如死掉或用某种方式伤害自己的念头")
                .contains("moderately-severe");
        JsonNode health = platform.api.get("/health").json();
        assertThat(health.path("plugins").toString()).contains("mentalhealth");
        assertThat(health.toString()).contains("mentalhealth-1");
    }

    @Test
    @Order(2)
    void aCounsellorPlansACampaign() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Api.Reply created = counsellor.post(MH + "/campaigns", "{\"regionCode\":\"" + ZEZHOU + "\",\"name\":\""
                + CAMPAIGN_TOKEN + " 泽州县春季心理健康筛查\",\"instruments\":[\"PHQ-9\",\"GAD-7\"],\"startsOn\":\""
                + today.minusDays(1) + "\",\"endsOn\":\"" + today.plusDays(60) + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        campaignId = created.json().path("id").asText();
        assertThat(created.json().path("regionName").asText()).isEqualTo("泽州县");
        assertThat(worker.post(MH + "/campaigns", "{\"regionCode\":\"" + ZEZHOU + "\",\"name\":\"x\",\"instruments\":[\"PHQ-9\"],"
                + "\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today + "\"}").status()).isEqualTo(403);
        assertThat(otherCounsellor.get(MH + "/campaigns/" + campaignId).status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void aGridWorkerFlagsAPersonAndSeesOnlyTheFlag() {
        Api.Reply mistyped = worker.post(MH + "/flags", flag(ID_NUMBER.substring(0, 17) + otherCheck(ID_NUMBER)));
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.json().path("detail").asText()).contains("check digit");

        Api.Reply flagged = worker.post(MH + "/flags", flag(ID_NUMBER));
        assertThat(flagged.status()).as(flagged.body()).isEqualTo(201);
        flagId = flagged.json().path("id").asText();
        JsonNode readBack = worker.get(MH + "/flags/" + flagId).json();
        assertThat(readBack.path("status").asText()).isEqualTo("FLAGGED");
        assertThat(fieldNames(readBack)).containsExactlyInAnyOrder("id", "regionCode", "flaggedBy", "flaggedAt", "status");
        assertThat(readBack.toString()).doesNotContain(NAME).doesNotContain(ID_NUMBER);
        flagReadBack = readBack.toString();
        assertThat(worker.get(MH + "/flags?region=140525100").status()).as("the worklist is the counsellors'").isEqualTo(403);
        assertThat(worker.get(MH + "/persons?region=140525100").status()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void theCounsellorRecordsAPhq9AndTheServerScoresItAndAlerts() {
        JsonNode worklist = counsellor.get(MH + "/flags?region=" + ZEZHOU).json();
        assertThat(worklist.size()).isEqualTo(1);
        assertThat(worklist.get(0).path("name").asText()).isEqualTo("李**");
        assertThat(worklist.get(0).path("reason").asText()).isEqualTo("近来情绪低落，邻居反映");
        personId = worklist.get(0).path("personId").asText();

        Api.Reply withScore = counsellor.post(MH + "/screenings", "{\"personId\":\"" + personId + "\",\"instrument\":\"PHQ-9\","
                + "\"answers\":" + ANSWERS + ",\"score\":0}");
        assertThat(withScore.status()).isEqualTo(400);
        assertThat(withScore.json().path("detail").asText()).contains("computed by the server");

        Api.Reply screened = counsellor.post(MH + "/screenings", "{\"personId\":\"" + personId + "\",\"campaignId\":\""
                + campaignId + "\",\"instrument\":\"PHQ-9\",\"answers\":" + ANSWERS + "}");
        assertThat(screened.status()).as(screened.body()).isEqualTo(201);
        JsonNode s = screened.json();
        screeningId = s.path("id").asText();
        assertThat(s.path("score").asInt()).isEqualTo(13);
        assertThat(s.path("band").asText()).isEqualTo("moderate");
        assertThat(s.path("tier").asText()).isEqualTo("CRISIS");
        assertThat(s.path("alert").asBoolean()).isTrue();

        JsonNode inbox = counsellor.get(MH + "/alerts?open=true").json();
        assertThat(inbox.size()).isEqualTo(1);
        assertThat(inbox.get(0).path("kind").asText()).isEqualTo("SELF_HARM_ITEM");
        assertThat(inbox.get(0).path("personId").asText()).isEqualTo(personId);

        JsonNode person = counsellor.get(MH + "/persons/" + personId).json();
        assertThat(person.path("tier").asText()).isEqualTo("CRISIS");
        assertThat(person.path("counsellorId").asText()).isEqualTo("zz-counsellor");
        assertThat(person.path("followUpEveryDays").asInt()).isEqualTo(7);
        assertThat(OffsetDateTime.parse(person.path("nextFollowUpDue").asText()))
                .isEqualTo(OffsetDateTime.parse(s.path("recordedAt").asText()).plusDays(7));
        assertThat(person.path("followUpOverdue").asBoolean()).isFalse();
        assertThat(person.path("name").asText()).isEqualTo("李**");
        assertThat(person.path("idNumber").asText()).isEqualTo("1405**********" + ID_NUMBER.substring(14));
        Api.Reply revealed = counsellor.get(MH + "/persons/" + personId + "?reveal=true");
        assertThat(revealed.json().path("idNumber").asText()).isEqualTo(ID_NUMBER);
        assertThat(revealed.json().path("name").asText()).isEqualTo(NAME);
        assertThat(counsellor.get(MH + "/persons/" + personId + "/screenings").json().get(0).path("answers").toString())
                .isEqualTo(ANSWERS);

        // What the grid worker reads back has not changed: screened or not, a flag is a flag.
        assertThat(worker.get(MH + "/flags/" + flagId).json().toString()).isEqualTo(flagReadBack);
        assertThat(counsellor.get(MH + "/flags?region=" + ZEZHOU).json().get(0).path("screened").asBoolean()).isTrue();
    }

    @Test
    @Order(5)
    void everyReadOfAPersonsRecordIsInTheAuditTrail() {
        long reads = auditEntries("person.read", "zz-counsellor", "ok");
        long reveals = auditEntries("person.reveal", "zz-counsellor", "ok");
        long refusals = auditEntries("person.read", "qs-counsellor", "refused");

        // Each entry joins the chain a fraction of a second after the read: wait for it a few seconds at most.
        assertThat(counsellor.get(MH + "/persons/" + personId).status()).isEqualTo(200);
        chained(() -> assertThat(auditEntries("person.read", "zz-counsellor", "ok")).isEqualTo(reads + 1));
        assertThat(counsellor.get(MH + "/persons/" + personId + "?reveal=true").status()).isEqualTo(200);
        chained(() -> assertThat(auditEntries("person.reveal", "zz-counsellor", "ok")).as("an identity shown in full")
                .isEqualTo(reveals + 1));
        assertThat(otherCounsellor.get(MH + "/persons/" + personId).status()).isEqualTo(404);
        chained(() -> assertThat(auditEntries("person.read", "qs-counsellor", "refused"))
                .as("an attempt from another county").isEqualTo(refusals + 1));

        Api.Reply trail = auditor.get("/audit?limit=500");
        assertThat(trail.body()).as("the trail names the record, not the person").doesNotContain(NAME)
                .doesNotContain(ID_NUMBER).doesNotContain(PHONE);
        assertThat(auditor.get(MH + "/persons/" + personId).status()).as("an auditor reads the trail, not the record")
                .isEqualTo(403);
    }

    @Test
    @Order(6)
    void theCounsellorRefersThePersonToAHospital() {
        Api.Reply notACounsellor = counsellor.post(MH + "/persons/" + personId + "/referrals",
                "{\"kind\":\"COUNSELLOR\",\"target\":\"zz-worker\",\"note\":\"转介\"}");
        assertThat(notACounsellor.status()).isEqualTo(400);
        assertThat(notACounsellor.json().path("detail").asText()).contains("counsellor");
        assertThat(counsellor.post(MH + "/persons/" + personId + "/referrals",
                "{\"kind\":\"COUNSELLOR\",\"target\":\"qs-counsellor\",\"note\":\"转介\"}").status())
                .as("a counsellor whose area does not cover the person").isEqualTo(400);
        assertThat(worker.post(MH + "/persons/" + personId + "/referrals",
                "{\"kind\":\"HOSPITAL\",\"target\":\"" + HOSPITAL + "\"}").status()).isEqualTo(403);

        Api.Reply referred = counsellor.post(MH + "/persons/" + personId + "/referrals",
                "{\"kind\":\"HOSPITAL\",\"target\":\"" + HOSPITAL + "\",\"note\":\"建议门诊评估\"}");
        assertThat(referred.status()).as(referred.body()).isEqualTo(201);
        assertThat(referred.json().path("kind").asText()).isEqualTo("HOSPITAL");

        JsonNode referrals = counsellor.get(MH + "/persons/" + personId + "/referrals").json();
        assertThat(referrals.size()).isEqualTo(1);
        assertThat(referrals.get(0).path("target").asText()).isEqualTo(HOSPITAL);
        assertThat(referrals.get(0).path("note").asText()).isEqualTo("建议门诊评估");
        assertThat(referrals.get(0).path("referredBy").asText()).isEqualTo("zz-counsellor");
        assertThat(otherCounsellor.get(MH + "/persons/" + personId + "/referrals").status()).isEqualTo(404);
        assertThat(counsellor.get(MH + "/persons/" + personId).json().path("counsellorId").asText())
                .as("a hospital referral leaves the counsellor responsible").isEqualTo("zz-counsellor");
    }

    @Test
    @Order(7)
    void aCountysOwnBandsApplyWithoutRestart() throws Exception {
        Files.writeString(platform.home.resolve("etc/org.civicgrid.mentalhealth.bands-zezhou.cfg"),
                "county = 140525\ngad7 = minimal:0-4:LOW,mild:5-9:LOW,moderate:10-13:MODERATE,"
                        + "moderately-severe:14-18:HIGH,severe:19-21:HIGH\n", StandardCharsets.UTF_8);
        await("the county's bands apply").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> platform.shell.run("civicgrid:mh-bands 140525").contains("moderately-severe:14-18:HIGH"));
        Api.Reply gad7 = counsellor.post(MH + "/screenings", "{\"personId\":\"" + personId + "\",\"instrument\":\"GAD-7\","
                + "\"answers\":[2,2,2,2,2,2,2]}");
        assertThat(gad7.status()).as(gad7.body()).isEqualTo(201);
        assertThat(gad7.json().path("band").asText()).as("14 is moderate by the standard, not in 泽州县")
                .isEqualTo("moderately-severe");
        assertThat(counsellor.get(MH + "/persons/" + personId).json().path("tier").asText())
                .as("a lower screening does not lower the tier").isEqualTo("CRISIS");
        assertThat(platform.shell.run("civicgrid:mh-bands 140521")).contains("moderate:10-14:MODERATE");
    }

    @Test
    @Order(8)
    void aFollowUpPastDueOnThePlatformClockIsFlagged() throws Exception {
        assertThat(counsellor.get(MH + "/persons?region=" + ZEZHOU + "&overdue=true").json().size()).isZero();
        // Eight days later on the platform clock: the CRISIS follow-up (7 days) is past due.
        Files.writeString(platform.home.resolve("etc/org.civicgrid.clock.cfg"), "offsetMinutes = " + 8 * 24 * 60 + "\n");
        await("supervision flags the follow-up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    String output = platform.shell.run("civicgrid:mh-supervise");
                    assertThat(output).contains("flagged overdue");
                    return counsellor.get(MH + "/persons/" + personId).json().path("overdueFlaggedAt").isTextual();
                });
        JsonNode person = counsellor.get(MH + "/persons/" + personId).json();
        assertThat(person.path("followUpOverdue").asBoolean()).isTrue();
        assertThat(counsellor.get(MH + "/persons?region=" + ZEZHOU + "&overdue=true").json().toString()).contains(personId);
        List<String> kinds = new ArrayList<>();
        counsellor.get(MH + "/alerts?open=true").json().forEach(a -> kinds.add(a.path("kind").asText()));
        assertThat(kinds).containsExactlyInAnyOrder("SELF_HARM_ITEM", "FOLLOW_UP_OVERDUE");
        assertThat(platform.shell.run("civicgrid:mh-supervise")).as("flagged once per due date")
                .contains("0 follow-up(s) flagged overdue");

        Api.Reply followUp = counsellor.post(MH + "/persons/" + personId + "/follow-ups",
                "{\"note\":\"已上门随访，危险性评估1级\",\"tier\":\"HIGH\"}");
        assertThat(followUp.status()).as(followUp.body()).isEqualTo(201);
        JsonNode replanned = counsellor.get(MH + "/persons/" + personId).json();
        assertThat(replanned.path("followUpOverdue").asBoolean()).isFalse();
        assertThat(replanned.path("followUpEveryDays").asInt()).isEqualTo(14);
    }

    @Test
    @Order(9)
    void theCounsellorAcknowledgesTheAlertsWithWhatWasDone() {
        JsonNode open = counsellor.get(MH + "/alerts?open=true").json();
        assertThat(open.size()).isEqualTo(2);
        String first = open.get(0).path("id").asText();
        assertThat(otherCounsellor.post(MH + "/alerts/" + first + "/acknowledge", "{\"note\":\"已电话联系\"}").status())
                .isEqualTo(404);
        assertThat(worker.post(MH + "/alerts/" + first + "/acknowledge", "{\"note\":\"已电话联系\"}").status())
                .isEqualTo(403);
        assertThat(counsellor.post(MH + "/alerts/" + first + "/acknowledge", "{}").status()).as("what was done")
                .isEqualTo(400);

        for (JsonNode alert : open) {
            Api.Reply acknowledged = counsellor.post(MH + "/alerts/" + alert.path("id").asText() + "/acknowledge",
                    "{\"note\":\"已电话联系，已转介精神卫生中心\"}");
            assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
            assertThat(acknowledged.json().path("acknowledgedBy").asText()).isEqualTo("zz-counsellor");
            assertThat(acknowledged.json().path("acknowledgedAt").isTextual()).isTrue();
        }
        assertThat(counsellor.post(MH + "/alerts/" + first + "/acknowledge", "{\"note\":\"再次\"}").status())
                .as("once").isEqualTo(409);
        assertThat(counsellor.get(MH + "/alerts?open=true").json().size()).as("the inbox is clear").isZero();
        JsonNode all = counsellor.get(MH + "/alerts").json();
        assertThat(all.size()).isEqualTo(2);
        all.forEach(alert -> assertThat(alert.path("note").asText()).isEqualTo("已电话联系，已转介精神卫生中心"));
    }

    @Test
    @Order(10)
    void othersSeeNoIdentityAndNoAnswers() {
        for (Api other : List.of(worker, mediator, countyAdmin)) {
            Api.Reply person = other.get(MH + "/persons/" + personId);
            assertThat(person.status()).isEqualTo(403);
            assertThat(person.body()).doesNotContain("李").doesNotContain(ID_NUMBER);
            assertThat(other.get(MH + "/screenings/" + screeningId).status()).isEqualTo(403);
            assertThat(other.get(MH + "/persons/" + personId + "/screenings").status()).isEqualTo(403);
            assertThat(other.get(MH + "/alerts").status()).isEqualTo(403);
        }
        assertThat(otherCounsellor.get(MH + "/persons/" + personId).status()).isEqualTo(404);
        assertThat(otherCounsellor.get(MH + "/persons/" + personId + "/screenings").status()).isEqualTo(404);
        assertThat(otherCounsellor.get(MH + "/screenings/" + screeningId).status()).isEqualTo(404);
        assertThat(otherCounsellor.get(MH + "/flags/" + flagId).status()).isEqualTo(404);
        assertThat(otherCounsellor.get(MH + "/alerts").json().size()).isZero();
        assertThat(otherCounsellor.get(MH + "/persons?region=" + ZEZHOU).status()).isEqualTo(403);
        assertThat(otherCounsellor.get(MH + "/figures?region=" + ZEZHOU).status()).isEqualTo(403);
        assertThat(mediator.get(MH + "/figures?region=" + ZEZHOU).status()).isEqualTo(403);

        Api.Reply figures = countyAdmin.get(MH + "/figures?region=" + ZEZHOU);
        assertThat(figures.status()).as(figures.body()).isEqualTo(200);
        assertThat(figures.json().path("people").asText()).isEqualTo("<5");
        assertThat(figures.json().path("byTier").path("HIGH").asText()).isEqualTo("<5");
        assertThat(figures.json().path("byRegion").path("140525100").path("name").asText()).isEqualTo("南村镇");
        assertThat(figures.body()).doesNotContain(personId).doesNotContain("李").doesNotContain(ID_NUMBER);
        assertThat(platform.shell.run("civicgrid:mh-figures 140525")).contains("泽州县").contains("<5")
                .doesNotContain(NAME);
    }

    @Test
    @Order(11)
    void theDatabaseHoldsNoPlaintextIdentityOrAnswers() throws Exception {
        // The campaign name is stored in the clear: it proves the check reads where the data is. The whole database
        // is read, the core's tables and the audit trail included, not only the plug-in's.
        await("the rows are in the database").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> StoredData.of(run).contains(CAMPAIGN_TOKEN));
        StoredData stored = StoredData.of(run);
        assertThat(stored.contains(VILLAGE)).isTrue();
        assertThat(stored.found(ID_NUMBER, PHONE, ANSWERS.substring(1, ANSWERS.length() - 1), "score=13", NAME,
                "近来情绪低落", "危险性评估", HOSPITAL, "建议门诊评估", "已电话联系")).as("stored in the clear").isEmpty();
    }

    @Test
    @Order(12)
    void uninstallKeepsTheDataAndReinstallShowsIt() throws Exception {
        platform.shell.run("feature:uninstall civicgrid-mentalhealth");
        awaitStatus(counsellor, MH + "/instruments", 404);
        assertThat(CoreState.of(platform, PLUGIN_BUNDLES)).as("no core bundle or component restarted").isEqualTo(core);
        if (run.database.count("mh_screening") >= 0) {
            assertThat(run.database.count("mh_screening")).isEqualTo(2);
            assertThat(run.database.count("mh_person")).isEqualTo(1);
            assertThat(run.database.count("mh_referral")).isEqualTo(1);
        }
        platform.shell.run("feature:install civicgrid-mentalhealth");
        awaitStatus(counsellor, MH + "/instruments", 200);
        assertThat(CoreState.of(platform, PLUGIN_BUNDLES)).as("no core bundle or component restarted").isEqualTo(core);
        JsonNode person = counsellor.get(MH + "/persons/" + personId + "?reveal=true").json();
        assertThat(person.path("idNumber").asText()).isEqualTo(ID_NUMBER);
        assertThat(person.path("tier").asText()).isEqualTo("HIGH");
        assertThat(counsellor.get(MH + "/persons/" + personId + "/screenings").json().size()).isEqualTo(2);
        assertThat(counsellor.get(MH + "/persons/" + personId + "/referrals").json().get(0).path("target").asText())
                .isEqualTo(HOSPITAL);
        assertThat(counsellor.get(MH + "/alerts?open=true").json().size()).isZero();
        platform.shell.run("feature:uninstall civicgrid-mentalhealth");
        awaitStatus(counsellor, MH + "/instruments", 404);
        assertThat(CoreState.of(platform, PLUGIN_BUNDLES)).as("no core bundle or component restarted").isEqualTo(core);
    }

    private static void chained(org.awaitility.core.ThrowingRunnable assertion) {
        org.awaitility.Awaitility.await("the entry is in the audit trail").atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(200)).untilAsserted(assertion);
    }

    /** How many entries of the audit trail record this action on the person by this actor with this outcome. */
    private long auditEntries(String action, String actor, String outcome) {
        Api.Reply trail = auditor.get("/audit?limit=500");
        assertThat(trail.status()).as(trail.body()).isEqualTo(200);
        long n = 0;
        for (JsonNode entry : trail.json()) {
            if (action.equals(entry.path("action").asText()) && actor.equals(entry.path("actor").asText())
                    && outcome.equals(entry.path("outcome").asText()) && personId.equals(entry.path("objectId").asText())) {
                n++;
            }
        }
        return n;
    }

    private String flag(String idNumber) {
        return "{\"regionCode\":\"" + VILLAGE + "\",\"name\":\"" + NAME + "\",\"idNumber\":\"" + idNumber
                + "\",\"phone\":\"" + PHONE + "\",\"reason\":\"近来情绪低落，邻居反映\"}";
    }

    private Api user(String id, String role, String region) {
        String password = TestPasswords.of(id);
        platform.shell.run("civicgrid:user-add --role " + role + " --region " + region + " --name " + id + " " + id + " " + password);
        return platform.api.as(id, password);
    }

    private static void awaitStatus(Api api, String path, int status) {
        await(path + " answers " + status).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.status(path) == status);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A check character that is wrong for this number. */
    private static char otherCheck(String idNumber) {
        return idNumber.charAt(17) == '0' ? '1' : '0';
    }
}
