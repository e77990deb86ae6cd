package org.civicgrid.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The mediation studio as 沁水县's staff work it, installed at runtime into the running platform: the window takes
 * a dispute in, the network assigns it, the mediator holds a session and records the agreement, prints it as a PDF,
 * the 30-day judicial-confirmation window is warned of and the confirmation recorded; a failed dispute is referred
 * to a court; a core case of the dispute category follows its dispute to HANDLED, whether agreed or, after a
 * 三长会商 joint consultation, referred; a court sends a dispute with its deadline and the court's studio takes it;
 * the parties withdraw another; 泽州县 sees nothing of 沁水县; uninstalling keeps the data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MediationIT {

    private static final String DISPUTES = "/mediation/disputes";
    private static final String TOWNSHIP = "140521100";
    private static final String VILLAGE = "140521100200";

    private PlatformRun run;
    private Distribution platform;
    private Api admin;
    private Api operator;
    private Api mediator;
    private Api zezhou;
    private String agreed;
    private String caseId;
    private String hardCaseId;
    private Api courtMediator;

    @BeforeAll
    void boot() throws Exception {
        run = PlatformRun.start("mediation");
        platform = run.platform;
        platform.shell.run("civicgrid:user-add --role COUNTY_ADMIN --region 140521 --name 沁水县管理员 qs-admin county-pass-01");
        platform.shell.run("civicgrid:user-add --role MEDIATOR --region 140525 --name 泽州调解员 zz-med county-pass-02");
        admin = platform.api.as("qs-admin", "county-pass-01");
        zezhou = platform.api.as("zz-med", "county-pass-02");
        created(admin.post("/units", "{\"id\":\"qs-mediation\",\"name\":\"沁水县人民调解委员会\","
                + "\"kind\":\"MEDIATION_COMMITTEE\",\"regionCode\":\"140521\"}"));
        operator = user("qs-operator", "COMMAND_OPERATOR", "140521");
        mediator = user("qs-med", "MEDIATOR", "140521");
        courtMediator = user("qs-court-med", "MEDIATOR", "140521");
    }

    @AfterAll
    void shutDown() throws Exception {
        if (run != null) {
            run.close();
        }
    }

    @Test
    @Order(1)
    void theStudioInstallsAtRuntimeAndTheAdministratorSetsUpItsNetwork() {
        assertThat(operator.status(DISPUTES + "?region=140521")).isEqualTo(404);
        platform.shell.run("feature:install civicgrid-mediation");
        await("the studio answers").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> operator.status(DISPUTES + "?region=140521") == 200);

        Api.Reply notAdmin = operator.post("/mediation/organisations", "{\"name\":\"x\",\"kind\":\"VILLAGE_COMMITTEE\","
                + "\"regionCode\":\"" + VILLAGE + "\"}");
        assertThat(notAdmin.status()).isEqualTo(403);
        Api.Reply committee = admin.post("/mediation/organisations", "{\"name\":\"龙港镇人民调解委员会\","
                + "\"kind\":\"TOWNSHIP_COMMITTEE\",\"regionCode\":\"" + TOWNSHIP + "\",\"types\":[\"LAND\",\"NEIGHBOURS\",\"OTHER\"]}");
        created(committee);
        String organisation = committee.json().path("id").asText();
        Api.Reply notAMediator = admin.post("/mediation/organisations/" + organisation + "/mediators",
                "{\"userId\":\"qs-operator\"}");
        assertThat(notAMediator.status()).isEqualTo(400);
        assertThat(notAMediator.json().path("detail").asText()).contains("MEDIATOR");
        created(admin.post("/mediation/organisations/" + organisation + "/mediators", "{\"userId\":\"qs-med\"}"));
        assertThat(operator.get("/mediation/organisations?region=140521").json().toString()).contains("龙港镇人民调解委员会");
    }

    @Test
    @Order(2)
    void aDisputeGoesFromTheWindowToASignedAgreementPrintedAsPdf() {
        Api.Reply badId = operator.post(DISPUTES, intake("110105194912310021"));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().path("detail").asText()).contains("idNumber").contains("check digit");

        Api.Reply received = operator.post(DISPUTES, intake("11010519491231002X"));
        created(received);
        agreed = received.json().path("id").asText();
        JsonNode parties = received.json().path("parties");
        assertThat(parties.get(0).path("name").asText()).isEqualTo("张*");
        assertThat(parties.get(0).path("idNumber").asText()).isEqualTo("1101**********002X");
        assertThat(parties.get(0).path("phone").asText()).isEqualTo("138****5678");
        assertThat(received.body()).doesNotContain("张三").doesNotContain("13812345678");
        // Nor anywhere in the database, read whole as a copy of it would be; the dispute's summary is stored in the
        // clear and shows the check reads where the data is.
        await("the dispute is stored").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> StoredData.of(run).contains("两户宅基地边界争议"));
        try {
            assertThat(StoredData.of(run).found("11010519491231002X", "13812345678", "张三", "龙港镇某村1号"))
                    .as("stored in the clear").isEmpty();
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        JsonNode assigned = ok(operator.post(DISPUTES + "/" + agreed + "/assignment", "{}"));
        assertThat(assigned.path("mediatorId").asText()).as("chosen by type and place").isEqualTo("qs-med");
        assertThat(assigned.path("status").asText()).isEqualTo("ASSIGNED");

        Api.Reply early = mediator.post(DISPUTES + "/" + agreed + "/agreement", agreement());
        assertThat(early.status()).as("no agreement before a session").isEqualTo(409);
        created(mediator.post(DISPUTES + "/" + agreed + "/sessions", "{\"heldAt\":\"" + now() + "\","
                + "\"place\":\"龙港镇调解室\",\"attendees\":[\"申请人 张三\",\"被申请人 李四\"],\"record\":\"双方陈述，调解员释法明理\"}"));
        Api.Reply agreement = mediator.post(DISPUTES + "/" + agreed + "/agreement", agreement());
        created(agreement);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(agreement.json().path("effectiveOn").asText()).isEqualTo(today.toString());
        assertThat(agreement.json().path("confirmationDeadline").asText()).isEqualTo(today.plusDays(30).toString());
        assertThat(agreement.json().path("confirmationStatus").asText()).isEqualTo("NOT_APPLIED");
        assertThat(mediator.get(DISPUTES + "/" + agreed).json().path("status").asText()).isEqualTo("AGREED");

        byte[] pdf = mediator.download(DISPUTES + "/" + agreed + "/agreement.pdf");
        assertThat(pdf.length).isGreaterThan(2000);
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).as("a Chinese font embedded").contains("/FontFile2");
    }

    @Test
    @Order(3)
    void theConfirmationWindowIsWarnedOfAndTheConfirmationRecorded() throws Exception {
        String before = platform.shell.run("civicgrid:mediation-confirmations");
        assertThat(before).contains("0 warned");
        // A county warns ten days ahead; three weeks later the window has nine days left.
        Files.writeString(platform.home.resolve("etc/org.civicgrid.mediation.cfg"), "confirmationWarnDays = 10\n");
        Files.writeString(platform.home.resolve("etc/org.civicgrid.clock.cfg"), "offsetMinutes = " + 21 * 24 * 60 + "\n");
        String[] output = new String[1];
        await("the round warns").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            output[0] = platform.shell.run("civicgrid:mediation-confirmations");
            return output[0].contains(agreed);
        });
        assertThat(output[0]).contains("1 warned").contains("9 day(s) left").contains("qs-med");
        assertThat(platform.shell.run("civicgrid:mediation-confirmations")).as("once").contains("0 warned");
        JsonNode due = operator.get("/mediation/confirmations?region=140521").json();
        assertThat(due.get(0).path("disputeId").asText()).isEqualTo(agreed);
        assertThat(due.get(0).path("warned").asBoolean()).isTrue();
        assertThat(due.get(0).path("daysLeft").asInt()).isEqualTo(9);

        Api.Reply confirmedTooSoon = mediator.post(DISPUTES + "/" + agreed + "/confirmation", "{\"result\":\"CONFIRMED\"}");
        assertThat(confirmedTooSoon.status()).isEqualTo(409);
        assertThat(ok(mediator.post(DISPUTES + "/" + agreed + "/confirmation",
                "{\"result\":\"APPLIED\",\"court\":\"沁水县人民法院\"}")).path("confirmationStatus").asText()).isEqualTo("APPLIED");
        JsonNode confirmed = ok(operator.post(DISPUTES + "/" + agreed + "/confirmation",
                "{\"result\":\"CONFIRMED\",\"note\":\"（2024）晋0521民特1号\"}"));
        assertThat(confirmed.path("confirmationStatus").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.path("confirmationCourt").asText()).isEqualTo("沁水县人民法院");
        Files.writeString(platform.home.resolve("etc/org.civicgrid.clock.cfg"), "offsetMinutes = 0\n");
        await("the clock is back").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> operator.get(DISPUTES + "/" + agreed + "/agreement").json().path("confirmationDaysLeft").asInt() == 30);
    }

    @Test
    @Order(4)
    void aFailedDisputeIsReferredToTheCourt() {
        Api.Reply received = operator.post(DISPUTES, "{\"regionCode\":\"" + VILLAGE + "\",\"type\":\"NEIGHBOURS\","
                + "\"summary\":\"楼上漏水，屡次协商不成\",\"parties\":[{\"role\":\"APPLICANT\",\"kind\":\"PERSON\",\"name\":\"王五\"}]}");
        created(received);
        String id = received.json().path("id").asText();
        ok(operator.post(DISPUTES + "/" + id + "/assignment", "{\"mediatorId\":\"qs-med\"}"));
        created(mediator.post(DISPUTES + "/" + id + "/sessions", "{\"heldAt\":\"" + now() + "\",\"place\":\"村委会\","
                + "\"attendees\":[\"王五\"],\"record\":\"被申请人拒不到场\"}"));
        assertThat(ok(mediator.post(DISPUTES + "/" + id + "/outcome", "{\"outcome\":\"FAILED\",\"note\":\"被申请人拒绝调解\"}"))
                .path("status").asText()).isEqualTo("FAILED");
        assertThat(ok(operator.get("/mediation/figures?region=140521")).path("failedNotReferred").asInt()).isEqualTo(1);
        Api.Reply noBody = mediator.post(DISPUTES + "/" + id + "/referral", "{\"to\":\"COURT\",\"reason\":\"调解不成\"}");
        assertThat(noBody.status()).isEqualTo(400);
        created(mediator.post(DISPUTES + "/" + id + "/referral", "{\"to\":\"COURT\",\"receivingBody\":\"沁水县人民法院\","
                + "\"reason\":\"调解不成，引导诉讼\"}"));
        assertThat(mediator.get(DISPUTES + "/" + id).json().path("status").asText()).isEqualTo("REFERRED");
        assertThat(mediator.get(DISPUTES + "/" + id + "/referrals").json().get(0).path("receivingBody").asText())
                .isEqualTo("沁水县人民法院");
        assertThat(ok(operator.get("/mediation/figures?region=140521")).path("failedNotReferred").asInt()).isZero();
    }

    @Test
    @Order(5)
    void aCoreCaseOfTheDisputeCategoryFollowsItsDisputeToHandled() {
        caseId = disputeCaseWithTheStudio("宅基地纠纷", "两户因界墙争执");
        String dispute = disputeOfCase(caseId);
        JsonNode opened = ok(operator.get(DISPUTES + "/" + dispute));
        assertThat(opened.path("source").asText()).isEqualTo("CASE");
        assertThat(opened.path("summary").asText()).contains("两户因界墙争执");
        ok(operator.post(DISPUTES + "/" + dispute + "/assignment", "{}"));
        ok(operator.post(DISPUTES + "/" + dispute + "/parties", "{\"role\":\"APPLICANT\",\"kind\":\"PERSON\",\"name\":\"赵六\"}"));
        created(mediator.post(DISPUTES + "/" + dispute + "/sessions", "{\"heldAt\":\"" + now() + "\",\"place\":\"村委会\","
                + "\"attendees\":[\"赵六\"],\"record\":\"笔录\"}"));
        created(mediator.post(DISPUTES + "/" + dispute + "/agreement", agreement()));
        await("the case is handled").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> "HANDLED".equals(operator.get("/cases/" + caseId).json().path("state").asText()));
        JsonNode history = operator.get("/cases/" + caseId + "/history").json();
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.toString()).contains("HANDLE").contains("mediation-studio").contains("人民调解达成协议");
    }

    @Test
    @Order(6)
    void anotherCountySeesNothingOfIt() {
        assertThat(zezhou.get(DISPUTES + "/" + agreed).status()).isEqualTo(404);
        assertThat(zezhou.get(DISPUTES + "/" + agreed + "/agreement.pdf").status()).isEqualTo(404);
        assertThat(zezhou.get(DISPUTES + "?region=140521").status()).isEqualTo(403);
        assertThat(zezhou.post(DISPUTES + "/" + agreed + "/confirmation", "{\"result\":\"REFUSED\"}").status()).isEqualTo(404);
        assertThat(zezhou.get("/mediation/figures?region=140521").status()).isEqualTo(403);
        assertThat(ok(zezhou.get("/mediation/figures?region=140525")).path("total").asInt()).isZero();

        JsonNode figures = ok(operator.get("/mediation/figures?region=140521"));
        assertThat(figures.path("total").asInt()).isEqualTo(3);
        assertThat(figures.path("byStatus").path("AGREED").asInt()).isEqualTo(2);
        assertThat(figures.path("byStatus").path("REFERRED").asInt()).isEqualTo(1);
        assertThat(figures.path("successRate").asDouble()).isEqualTo(0.667);
        assertThat(figures.path("confirmationRate").asDouble()).isEqualTo(0.5);
        assertThat(figures.path("byPlace").path(TOWNSHIP).asInt()).isEqualTo(3);
    }

    @Test
    @Order(7)
    void aHardDisputeFromACaseGoesToAJointConsultationIsReferredAndItsCaseFollows() {
        hardCaseId = disputeCaseWithTheStudio("土地承包纠纷", "两组村民争种一块地，多次冲突");
        String dispute = disputeOfCase(hardCaseId);
        ok(operator.post(DISPUTES + "/" + dispute + "/assignment", "{\"mediatorId\":\"qs-med\"}"));
        created(mediator.post(DISPUTES + "/" + dispute + "/sessions", "{\"heldAt\":\"" + now() + "\",\"place\":\"村委会\","
                + "\"attendees\":[\"一组代表\",\"二组代表\"],\"record\":\"双方各执一词\"}"));
        ok(mediator.post(DISPUTES + "/" + dispute + "/outcome", "{\"outcome\":\"FAILED\",\"note\":\"分歧过大\"}"));
        assertThat(operator.get("/cases/" + hardCaseId).json().path("state").asText())
                .as("a failed dispute is not the end of its case").isEqualTo("IN_HANDLING");

        Api.Reply twoOfThree = mediator.post(DISPUTES + "/" + dispute + "/consultations", consultation(
                "{\"kind\":\"COURT\",\"organisation\":\"沁水县人民法院龙港法庭\"},"
                        + "{\"kind\":\"POLICE_STATION\",\"organisation\":\"龙港派出所\"}"));
        assertThat(twoOfThree.status()).isEqualTo(400);
        assertThat(twoOfThree.json().path("detail").asText()).contains("JUDICIAL_OFFICE");
        Api.Reply consulted = mediator.post(DISPUTES + "/" + dispute + "/consultations", consultation(
                "{\"kind\":\"COURT\",\"organisation\":\"沁水县人民法院龙港法庭\",\"person\":\"王庭长\"},"
                        + "{\"kind\":\"POLICE_STATION\",\"organisation\":\"龙港派出所\",\"person\":\"李所长\"},"
                        + "{\"kind\":\"JUDICIAL_OFFICE\",\"organisation\":\"龙港司法所\",\"person\":\"赵所长\"},"
                        + "{\"kind\":\"VILLAGE_CADRE\",\"organisation\":\"村委会\"}"));
        created(consulted);
        JsonNode consultations = mediator.get(DISPUTES + "/" + dispute + "/consultations").json();
        assertThat(consultations.size()).isEqualTo(1);
        assertThat(consultations.get(0).path("participants").size()).isEqualTo(4);
        assertThat(consultations.get(0).path("participants").toString()).contains("王庭长").contains("龙港司法所");
        assertThat(consultations.get(0).path("conclusions").asText()).isEqualTo("土地权属争议，引导当事人诉讼解决");
        assertThat(zezhou.get(DISPUTES + "/" + dispute + "/consultations").status()).isEqualTo(404);

        created(mediator.post(DISPUTES + "/" + dispute + "/referral", "{\"to\":\"COURT\",\"receivingBody\":\"沁水县人民法院\","
                + "\"reason\":\"三长会商认为宜诉讼解决\"}"));
        assertThat(mediator.get(DISPUTES + "/" + dispute).json().path("status").asText()).isEqualTo("REFERRED");
        await("the case follows its referred dispute").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> "HANDLED".equals(operator.get("/cases/" + hardCaseId).json().path("state").asText()));
        JsonNode history = operator.get("/cases/" + hardCaseId + "/history").json();
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.path("action").asText()).isEqualTo("HANDLE");
        assertThat(last.path("actorId").asText()).isEqualTo("mediation-studio");
        assertThat(last.toString()).contains("调解不成，已转交").contains("沁水县人民法院");
        assertThat(mediator.post(DISPUTES + "/" + dispute + "/consultations", consultation(
                "{\"kind\":\"COURT\",\"organisation\":\"x\"},{\"kind\":\"POLICE_STATION\",\"organisation\":\"x\"},"
                        + "{\"kind\":\"JUDICIAL_OFFICE\",\"organisation\":\"x\"}")).status())
                .as("a referred dispute is in the court's hands").isEqualTo(409);
    }

    @Test
    @Order(8)
    void aCourtSendsADisputeForPreLitigationMediationWithItsDeadline() throws Exception {
        Api.Reply studio = admin.post("/mediation/organisations", "{\"name\":\"沁水县人民法院和事佬工作室\","
                + "\"kind\":\"COURT_STUDIO\",\"regionCode\":\"140521\"}");
        created(studio);
        String courtStudio = studio.json().path("id").asText();
        created(admin.post("/mediation/organisations/" + courtStudio + "/mediators", "{\"userId\":\"qs-court-med\"}"));

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Api.Reply noDeadline = operator.post(DISPUTES, courtSent("\"courtName\":\"沁水县人民法院\""));
        assertThat(noDeadline.status()).isEqualTo(400);
        assertThat(noDeadline.json().path("detail").asText()).contains("courtDeadline");
        Api.Reply passed = operator.post(DISPUTES, courtSent("\"courtName\":\"沁水县人民法院\",\"courtDeadline\":\""
                + today.minusDays(2) + "\""));
        assertThat(passed.status()).isEqualTo(400);
        assertThat(passed.json().path("detail").asText()).contains("already passed");

        Api.Reply received = operator.post(DISPUTES, courtSent("\"courtName\":\"沁水县人民法院\",\"courtDeadline\":\""
                + today.plusDays(1) + "\""));
        created(received);
        String id = received.json().path("id").asText();
        assertThat(received.json().path("source").asText()).isEqualTo("COURT");
        assertThat(received.json().path("courtName").asText()).isEqualTo("沁水县人民法院");
        assertThat(received.json().path("courtDeadline").asText()).isEqualTo(today.plusDays(1).toString());

        JsonNode assigned = ok(operator.post(DISPUTES + "/" + id + "/assignment", "{}"));
        assertThat(assigned.path("organisationId").asText()).as("a court's studio takes what a court sent")
                .isEqualTo(courtStudio);
        assertThat(assigned.path("mediatorId").asText()).isEqualTo("qs-court-med");
        assertThat(courtMediator.get(DISPUTES + "/" + id).json().path("courtDeadline").asText())
                .isEqualTo(today.plusDays(1).toString());
        JsonNode figures = ok(operator.get("/mediation/figures?region=140521"));
        assertThat(figures.path("courtSent").asInt()).isEqualTo(1);
        assertThat(figures.path("courtOverdue").asInt()).isZero();

        // Three days on, the court's deadline has passed with the dispute still open.
        Files.writeString(platform.home.resolve("etc/org.civicgrid.clock.cfg"), "offsetMinutes = " + 3 * 24 * 60 + "\n");
        await("the dispute is past the court's deadline").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> operator.get("/mediation/figures?region=140521").json().path("courtOverdue").asInt() == 1);
        Files.writeString(platform.home.resolve("etc/org.civicgrid.clock.cfg"), "offsetMinutes = 0\n");
        await("the clock is back").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> operator.get("/mediation/figures?region=140521").json().path("courtOverdue").asInt() == 0);
    }

    @Test
    @Order(9)
    void thePartiesWithdrawAtTheWindow() {
        Api.Reply received = operator.post(DISPUTES, "{\"regionCode\":\"" + VILLAGE + "\",\"type\":\"NEIGHBOURS\","
                + "\"summary\":\"邻居间树木遮挡采光\"}");
        created(received);
        String id = received.json().path("id").asText();
        ok(operator.post(DISPUTES + "/" + id + "/assignment", "{\"mediatorId\":\"qs-med\"}"));
        Api.Reply noReason = operator.post(DISPUTES + "/" + id + "/outcome", "{\"outcome\":\"WITHDRAWN\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(zezhou.post(DISPUTES + "/" + id + "/outcome", "{\"outcome\":\"WITHDRAWN\",\"note\":\"x\"}").status())
                .isEqualTo(404);

        JsonNode withdrawn = ok(operator.post(DISPUTES + "/" + id + "/outcome",
                "{\"outcome\":\"WITHDRAWN\",\"note\":\"双方已自行协商解决，申请撤回\"}"));
        assertThat(withdrawn.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.path("outcomeNote").asText()).isEqualTo("双方已自行协商解决，申请撤回");
        assertThat(withdrawn.path("closedAt").isTextual()).isTrue();
        Api.Reply sessionAfter = mediator.post(DISPUTES + "/" + id + "/sessions", "{\"heldAt\":\"" + now() + "\","
                + "\"place\":\"村委会\",\"attendees\":[\"x\"],\"record\":\"x\"}");
        assertThat(sessionAfter.status()).as("nothing more on a withdrawn dispute").isEqualTo(409);

        JsonNode figures = ok(operator.get("/mediation/figures?region=140521"));
        assertThat(figures.path("total").asInt()).isEqualTo(6);
        assertThat(figures.path("byStatus").path("AGREED").asInt()).isEqualTo(2);
        assertThat(figures.path("byStatus").path("REFERRED").asInt()).isEqualTo(2);
        assertThat(figures.path("byStatus").path("WITHDRAWN").asInt()).isEqualTo(1);
        assertThat(figures.path("byStatus").path("ASSIGNED").asInt()).as("the court's").isEqualTo(1);
        assertThat(figures.path("successRate").asDouble()).as("2 agreed of 5 concluded").isEqualTo(0.4);
        assertThat(figures.path("failedNotReferred").asInt()).isZero();
    }

    @Test
    @Order(10)
    void uninstallingKeepsTheData() throws Exception {
        platform.shell.run("feature:uninstall civicgrid-mediation");
        await("the studio is gone").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> operator.status(DISPUTES + "?region=140521") == 404);
        if (run.database.count("med_dispute") >= 0) {
            assertThat(run.database.count("med_dispute")).isEqualTo(6);
            assertThat(run.database.count("med_agreement")).isEqualTo(2);
            assertThat(run.database.count("med_consultation")).isEqualTo(1);
        }
        assertThat(operator.get("/cases/" + caseId).json().path("state").asText()).isEqualTo("HANDLED");
        assertThat(operator.get("/cases/" + hardCaseId).json().path("state").asText()).isEqualTo("HANDLED");
        platform.shell.run("feature:install civicgrid-mediation");
        await("the studio is back").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> operator.status(DISPUTES + "?region=140521") == 200);
        assertThat(operator.get(DISPUTES + "/" + agreed + "/agreement").json().path("confirmationStatus").asText())
                .isEqualTo("CONFIRMED");
        platform.shell.run("feature:uninstall civicgrid-mediation");
    }

    private static String intake(String idNumber) {
        return "{\"regionCode\":\"" + VILLAGE + "\",\"type\":\"LAND\",\"summary\":\"两户宅基地边界争议\","
                + "\"amountInDispute\":1200.50,\"issues\":\"界墙位置\",\"parties\":["
                + "{\"role\":\"APPLICANT\",\"kind\":\"PERSON\",\"name\":\"张三\",\"idNumber\":\"" + idNumber + "\","
                + "\"phone\":\"13812345678\",\"address\":\"龙港镇某村1号\"},"
                + "{\"role\":\"RESPONDENT\",\"kind\":\"PERSON\",\"name\":\"李四\"}]}";
    }

    /** The dispute a core case opened: the studio links it by the case's id. */
    /**
     * Reports a core case of the dispute category, registers and dispatches it without naming a unit — the county
     * has no routing rule for disputes, so the category sends it to the nearest mediation committee — and waits for
     * the studio to accept it; the case's id.
     */
    private String disputeCaseWithTheStudio(String title, String description) {
        Api.Reply reported = operator.post("/cases", "{\"title\":\"" + title + "\",\"description\":\"" + description
                + "\",\"category\":\"mediation-dispute\",\"channel\":\"WALK_IN\",\"regionCode\":\"" + VILLAGE + "\"}");
        created(reported);
        String id = reported.json().path("id").asText();
        ok(operator.post("/cases/" + id + "/transitions", "{\"action\":\"REGISTER\"}"));
        assertThat(ok(operator.post("/cases/" + id + "/transitions", "{\"action\":\"DISPATCH\"}")).path("unitId").asText())
                .as("routed by the category to the nearest mediation committee").isEqualTo("qs-mediation");
        // The studio may already have accepted it: the dispatch is not always the newest step.
        java.util.List<String> dispatchNotes = new java.util.ArrayList<>();
        for (JsonNode step : operator.get("/cases/" + id + "/history").json()) {
            if ("DISPATCH".equals(step.path("action").asText())) {
                dispatchNotes.add(step.path("note").asText());
            }
        }
        assertThat(dispatchNotes).singleElement().asString().contains("MEDIATION_COMMITTEE");
        await("the studio accepts the case for the unit").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> "IN_HANDLING".equals(operator.get("/cases/" + id).json().path("state").asText()));
        return id;
    }

    private String disputeOfCase(String theCase) {
        for (JsonNode d : operator.get(DISPUTES + "?region=140521").json()) {
            if (theCase.equals(d.path("caseId").asText())) {
                return d.path("id").asText();
            }
        }
        throw new AssertionError("No dispute opened for case " + theCase);
    }

    private static String consultation(String participants) {
        return "{\"heldAt\":\"" + now() + "\",\"place\":\"龙港镇综治中心\",\"participants\":[" + participants + "],"
                + "\"conclusions\":\"土地权属争议，引导当事人诉讼解决\"}";
    }

    /** A dispute the court sent, with the court's fields given. */
    private static String courtSent(String courtFields) {
        return "{\"regionCode\":\"" + VILLAGE + "\",\"type\":\"NEIGHBOURS\",\"summary\":\"相邻通行纠纷，诉前委派调解\","
                + "\"source\":\"COURT\"," + courtFields + "}";
    }

    private static String agreement() {
        return "{\"terms\":\"李四于本月底前拆除越界围墙\",\"performance\":\"李四自行拆除，张三予以配合\"}";
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10).toString();
    }

    private Api user(String id, String role, String region) {
        String password = TestPasswords.of(id);
        created(admin.post("/users", "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"password\":\"" + password
                + "\",\"roles\":[\"" + role + "\"],\"regionCode\":\"" + region + "\"}"));
        return platform.api.as(id, password);
    }

    private static JsonNode ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static void created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }
}
