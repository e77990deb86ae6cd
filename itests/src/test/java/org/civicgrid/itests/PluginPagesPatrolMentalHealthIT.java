package org.civicgrid.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The pages the patrol and mental-health plug-ins ship inside their bundles, in a real headless Chromium against the
 * running distribution, both plug-ins installed at runtime: a command-centre operator of 陵川县 sees the team's
 * route drawn on the map, the roster and the check-ins (one on the spot, one flagged as away) entered through the
 * API; a counsellor of 泽州县 fills in a PHQ-9 for a person a grid worker flagged, is refused while items are
 * unanswered, sees the score, band, tier and alert the server answers, records a follow-up and finds the alert in
 * the inbox; at phone width the follow-ups fit the screen; a grid worker has no mental-health page in the menu and
 * the data such a page would ask for is refused. Screenshots go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginPagesPatrolMentalHealthIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    /** 城内社区居委会, 崇文镇, 陵川县. */
    private static final String PATROL_VILLAGE = "140524100001";
    private static final double[][] POINTS = {{113.2800, 35.7760}, {113.2815, 35.7768}, {113.2830, 35.7755}};
    /** 南村村委会, 南村镇, 泽州县. */
    private static final String MH_VILLAGE = "140525100200";
    private static final String ROUTE_NAME = "县城中心线";

    private PlatformRun run;
    private Distribution platform;
    private Api operator;
    private Api counsellor;
    private Api worker;
    private WebDriver browser;
    private String base;
    private Path screenshots;
    private String routeId;
    private String shiftId;
    private String personId;

    @BeforeAll
    void boot() throws Exception {
        for (String program : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Paths.get(program))) {
                throw new AssertionError("This test drives the console in a real headless Chromium and needs " + program
                        + ": install it with `apt-get install -y chromium chromium-driver fonts-wqy-zenhei`.");
            }
        }
        run = PlatformRun.start("pluginpages");
        platform = run.platform;
        base = "http://127.0.0.1:" + platform.httpPort;
        screenshots = Paths.get(System.getProperty("civicgrid.it.work", "target/runs")).toAbsolutePath().getParent()
                .resolve("screenshots").resolve(run.database.kind().toLowerCase());
        Files.createDirectories(screenshots);

        operator = user("lc-operator", "陵川县指挥中心", "COMMAND_OPERATOR", "140524");
        user("vol-wang", "王平安", "RESIDENT", PATROL_VILLAGE);
        user("cadre-li", "李建国", "RESIDENT", "140524100002");
        counsellor = user("zz-counsellor", "泽州县心理咨询师", "COUNSELLOR", "140525");
        worker = user("zz-worker", "南村镇网格员", "GRID_WORKER", "140525100");
        browser = chromium();
    }

    @AfterAll
    void shutDown() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (run != null) {
                run.close();
            }
        }
    }

    @Test
    @Order(1)
    void bothPluginsInstallAtRuntimeAndDeclareTheirPagesAsModules() throws Exception {
        assertThat(operator.get("/patrol/teams?region=140524").status()).isEqualTo(404);
        platform.shell.run("feature:install civicgrid-patrol");
        platform.shell.run("feature:install civicgrid-mentalhealth");
        awaitStatus(operator, "/patrol/teams?region=140524", 200);
        awaitStatus(counsellor, "/mentalhealth/instruments", 200);

        await("the console lists the plug-ins' pages").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> counsellor.get("/console/panels").body().contains("/console/plugins/mentalhealth/screening.js"));
        JsonNode panels = operator.get("/console/panels").json();
        assertThat(panels.toString()).contains("/console/plugins/patrol/routes.js").contains("/console/plugins/patrol/roster.js")
                .doesNotContain("screening.js").doesNotContain("followups.js");
        // The scripts are served from the bundles.
        java.net.http.HttpResponse<String> script = fetch("/console/plugins/patrol/routes.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("export default function");
        assertThat(fetch("/console/plugins/mentalhealth/screening.js").body()).contains("export default function");
    }

    @Test
    @Order(2)
    void theOperatorSeesTheRouteDrawnOnTheMap() throws Exception {
        Api.Reply team = operator.post("/patrol/teams", "{\"regionCode\":\"140524100\",\"name\":\"城关老干部巡防队\"}");
        created(team);
        String teamId = team.json().path("id").asText();
        created(operator.post("/patrol/teams/" + teamId + "/members", "{\"userId\":\"vol-wang\",\"kind\":\"SAFETY_VOLUNTEER\"}"));
        created(operator.post("/patrol/teams/" + teamId + "/members", "{\"userId\":\"cadre-li\",\"kind\":\"VETERAN_CADRE\",\"phone\":\"13912345678\"}"));
        Api.Reply route = operator.post("/patrol/teams/" + teamId + "/routes", "{\"name\":\"" + ROUTE_NAME + "\",\"regionCode\":\""
                + PATROL_VILLAGE + "\",\"checkpoints\":[" + checkpoint("城内社区居委会", POINTS[0]) + "," + checkpoint("桥头", POINTS[1])
                + "," + checkpoint("农贸市场", POINTS[2]) + "]}");
        created(route);
        routeId = route.json().path("id").asText();

        signIn("lc-operator");
        until("the plug-ins' pages are in the menu", d -> menu().size() == 5);
        assertThat(menu()).as("an operator manages patrols and reads campaigns, but sees no one's records")
                .containsExactly("patrol/teams", "patrol/routes", "patrol/roster", "patrol/checkins", "mentalhealth/campaigns");
        openPanel("patrol/routes");
        until("the route is drawn", d -> d.findElements(By.cssSelector("path.cg-patrol-route-" + routeId)).size() == 1);
        until("with its three checkpoints", d -> d.findElements(By.cssSelector("path.cg-patrol-checkpoint")).size() == 3);
        assertThat(visible(By.id("patrol-route-list")).getText()).contains(ROUTE_NAME).contains("城内社区居委会");
        String line = browser.findElement(By.cssSelector("path.cg-patrol-route-" + routeId)).getAttribute("d");
        assertThat(line).as("a line through the checkpoints").matches("M[^L]+L[^L]+L.+");
        screenshot("16-patrol-routes");
    }

    @Test
    @Order(3)
    void aRosterAndCheckInsEnteredThroughTheApiAppearOnTheirPages() throws Exception {
        JsonNode team = operator.get("/patrol/teams?region=140524").json().get(0);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        Api.Reply shift = operator.post("/patrol/shifts", "{\"teamId\":\"" + team.path("id").asText() + "\",\"routeId\":\"" + routeId
                + "\",\"startsAt\":\"" + now.minusHours(1) + "\",\"endsAt\":\"" + now.plusHours(2) + "\",\"roster\":[\"vol-wang\",\"cadre-li\"]}");
        created(shift);
        shiftId = shift.json().path("id").asText();
        JsonNode checkpoints = operator.get("/patrol/routes/" + routeId).json().path("checkpoints");
        Api volunteer = platform.api.as("vol-wang", TestPasswords.of("vol-wang"));
        Api cadre = platform.api.as("cadre-li", TestPasswords.of("cadre-li"));
        created(volunteer.post("/patrol/shifts/" + shiftId + "/check-ins", "{\"checkpointId\":\""
                + checkpoints.get(0).path("id").asText() + "\",\"longitude\":113.2800,\"latitude\":35.7760}"));
        // About 500 m east of 桥头: recorded, flagged away, not a visit.
        created(cadre.post("/patrol/shifts/" + shiftId + "/check-ins", "{\"checkpointId\":\""
                + checkpoints.get(1).path("id").asText() + "\",\"longitude\":113.2870,\"latitude\":35.7768}"));

        openPanel("patrol/roster");
        WebElement roster = visible(By.cssSelector("#patrol-shifts .shift-roster[data-shift='" + shiftId + "']"));
        assertThat(roster.getText()).contains("王平安").contains("李建国");
        assertThat(visible(By.id("patrol-shifts")).getText()).contains(ROUTE_NAME).contains("1 / 3").contains("进行中");
        screenshot("17-patrol-roster");

        click(By.cssSelector("#patrol-shifts .shift-checkins"));
        urlContains("/console/panels/patrol/checkins");
        until("the shift's check-ins are listed", d -> d.findElements(By.cssSelector("#shift-check-ins tbody tr")).size() == 2);
        String checkIns = visible(By.id("shift-check-ins")).getText();
        assertThat(checkIns).contains("城内社区居委会").contains("桥头").contains("王平安").contains("李建国").contains("113.28700");
        assertThat(browser.findElements(By.cssSelector("#shift-check-ins .check-in-away"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#shift-checkpoints .checkpoint-visited"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#shift-checkpoints .checkpoint-open"))).hasSize(2);
        until("the check-ins are on the map", d -> d.findElements(By.cssSelector("path.cg-patrol-check-in")).size() == 2);
        signOut();
    }

    @Test
    @Order(4)
    void aCounsellorFillsInAScreeningAndSeesTheServersResult() throws Exception {
        Api.Reply flag = worker.post("/mentalhealth/flags", "{\"regionCode\":\"" + MH_VILLAGE + "\",\"name\":\"李春花\",\"idNumber\":\""
                + ResidentIds.of("14052519850612442") + "\",\"reason\":\"近期情绪低落\"}");
        created(flag);

        signIn("zz-counsellor");
        until("the plug-ins' pages are in the menu", d -> menu().size() == 4);
        assertThat(menu()).containsExactly("mentalhealth/campaigns", "mentalhealth/screening", "mentalhealth/followups",
                "mentalhealth/alerts");
        openPanel("mentalhealth/screening");
        choose("screening-person", "李**");
        // Two items left out: refused in the page, nothing sent.
        int[] answers = {2, 1, 3, 0, 2, 1, 3, 0, 1};
        for (int item = 1; item <= 7; item++) {
            answer(item, answers[item - 1]);
        }
        click(By.id("screening-submit"));
        assertThat(visible(By.cssSelector("#panel-module .el-alert--error")).getText()).contains("还有题目没有作答").contains("8、9");
        personId = counsellor.get("/mentalhealth/flags?region=140525").json().get(0).path("personId").asText();
        assertThat(counsellor.get("/mentalhealth/persons/" + personId + "/screenings").json()).isEmpty();

        answer(8, answers[7]);
        answer(9, answers[8]);
        click(By.id("screening-submit"));
        WebElement result = visible(By.id("screening-result"));
        assertThat(result.getAttribute("data-score")).isEqualTo("13");
        assertThat(result.getAttribute("data-tier")).isEqualTo("CRISIS");
        assertThat(result.getText()).contains("13 / 27").contains("moderate").contains("危机").contains("危机预警");
        JsonNode screenings = counsellor.get("/mentalhealth/persons/" + personId + "/screenings").json();
        assertThat(screenings).hasSize(1);
        assertThat(screenings.get(0).path("score").asInt()).isEqualTo(13);
        assertThat(screenings.get(0).path("answers").toString()).isEqualTo("[2,1,3,0,2,1,3,0,1]");
        assertThat(browser.findElement(By.id("panel-module")).getText()).as("the page never shows the ID number")
                .doesNotContain("14052519850612442");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", result);
        screenshot("18-mh-screening");
    }

    @Test
    @Order(5)
    void theCounsellorRecordsAFollowUpAndFindsTheAlert() throws Exception {
        openPanel("mentalhealth/followups");
        click(By.cssSelector(".follow-up-record[data-person='" + personId + "']"));
        click(By.id("follow-up-submit"));
        assertThat(visible(By.cssSelector(".el-dialog .el-alert--error")).getText()).contains("请写下随访情况");
        type("follow-up-note", "电话联系本人及家属，情绪较前平稳，已约精防医生面诊。");
        click(By.id("follow-up-submit"));
        until("the dialog closes", d -> d.findElements(By.id("follow-up-submit")).stream().noneMatch(WebElement::isDisplayed));
        JsonNode followUps = counsellor.get("/mentalhealth/persons/" + personId + "/follow-ups").json();
        assertThat(followUps).hasSize(1);
        assertThat(followUps.get(0).path("note").asText()).contains("情绪较前平稳");
        JsonNode person = counsellor.get("/mentalhealth/persons/" + personId).json();
        assertThat(visible(By.id("mh-follow-ups")).getText()).contains(person.path("name").asText()).contains("危机")
                .doesNotContain("李春花");
        screenshot("19-mh-followups");

        browser.manage().window().setSize(new Dimension(400, 800));
        try {
            browser.navigate().refresh();
            until("the list is there", d -> d.findElements(By.cssSelector(".follow-up-record[data-person='" + personId + "']")).size() == 1);
            noSidewaysScrolling();
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 768));
        }

        openPanel("mentalhealth/alerts");
        assertThat(visible(By.id("mh-alerts")).getText()).contains("自伤念头");
        signOut();
    }

    @Test
    @Order(6)
    void aGridWorkerHasNoMentalHealthPageAndItsDataIsRefused() throws Exception {
        assertThat(worker.get("/console/panels").body()).doesNotContain("mentalhealth");
        signIn("zz-worker");
        visible(By.id("side-menu"));
        assertThat(menu()).noneMatch(panel -> panel.startsWith("mentalhealth/"));
        // What the pages would ask for is refused to them.
        assertThat(worker.get("/mentalhealth/persons?region=140525").status()).isEqualTo(403);
        assertThat(worker.get("/mentalhealth/alerts").status()).isEqualTo(403);
        assertThat(worker.post("/mentalhealth/screenings", "{\"personId\":\"" + personId + "\",\"instrument\":\"PHQ-9\","
                + "\"answers\":[0,0,0,0,0,0,0,0,0]}").status()).isEqualTo(403);
        // Typing the page's address loads no module: the console says there is no such page for them.
        browser.get(base + "/console/panels/mentalhealth/screening");
        visible(By.id("panel-unknown"));
        assertThat(browser.findElements(By.id("panel-module"))).isEmpty();
        assertThat(browser.findElements(By.id("screening-submit"))).isEmpty();
    }

    // --- the browser ---

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1366,768", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).build();
        return new ChromeDriver(service, options);
    }

    private void signIn(String user) {
        browser.get(base + "/console/login");
        // Whoever was signed in before is forgotten (as closing the tab does).
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.get(base + "/console/login");
        type("login-user", user);
        type("login-password", TestPasswords.of(user));
        click(By.id("login-submit"));
        urlContains("/console/map");
        until("the console greets them", d -> d.findElement(By.cssSelector(".cg-user-menu")).getText().contains(user));
    }

    private void signOut() {
        click(By.cssSelector(".cg-user-menu"));
        click(By.xpath("//li[contains(@class,'el-dropdown-menu__item')][contains(@class,'cg-logout') or normalize-space(.)='退出登录']"));
        urlContains("/console/login");
    }

    /** The plug-in pages in the side menu, in menu order. */
    private List<String> menu() {
        return browser.findElements(By.cssSelector("#side-menu [data-panel]")).stream()
                .map(e -> e.getAttribute("data-panel")).toList();
    }

    private void openPanel(String panel) {
        browser.get(base + "/console/panels/" + panel);
        until("the page " + panel + " is loaded", d -> !d.findElements(By.id("panel-module")).isEmpty()
                || !d.findElements(By.id("panel-error")).isEmpty());
        assertThat(browser.findElements(By.id("panel-error"))).as("the module of " + panel + " loads").isEmpty();
    }

    /** Answers a questionnaire item with the given point of its scale. */
    private void answer(int item, int value) {
        click(By.cssSelector(".screening-item[data-item='" + item + "'] label.el-radio:nth-of-type(" + (value + 1) + ")"));
    }

    /** Picks the first option of an Element Plus select whose text contains the given text. */
    private void choose(String id, String option) {
        click(By.xpath("//*[@id='" + id + "']/ancestor::div[contains(@class,'el-select__wrapper')]"));
        click(By.xpath("//li[contains(@class,'el-select-dropdown__item')][contains(normalize-space(.),'" + option + "')]"));
    }

    private void noSidewaysScrolling() {
        until("nothing scrolls sideways", d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth"
                        + " && document.body.scrollWidth <= window.innerWidth")));
    }

    private void type(String id, String text) {
        WebElement input = visible(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private void click(By by) {
        until("clicking " + by, d -> {
            List<WebElement> found = d.findElements(by);
            if (found.isEmpty() || !found.get(0).isDisplayed() || !found.get(0).isEnabled()) {
                return false;
            }
            found.get(0).click();
            return true;
        });
    }

    private WebElement visible(By by) {
        WebElement[] shown = new WebElement[1];
        until(by + " is shown", d -> {
            List<WebElement> found = d.findElements(by);
            shown[0] = found.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
            return shown[0] != null;
        });
        return shown[0];
    }

    private void urlContains(String part) {
        until("the address has " + part, d -> d.getCurrentUrl().contains(part));
    }

    /** Polls the page until the condition holds; a page changing under the test (stale elements) is polled again. */
    private void until(String what, java.util.function.Predicate<WebDriver> condition) {
        try {
            org.awaitility.Awaitility.await(what + " (page: " + browser.getCurrentUrl() + ")").atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> condition.test(browser));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // What the page showed when it did not come, for whoever reads the failure.
            try {
                String name = "failed-" + System.currentTimeMillis();
                screenshot(name);
                Files.writeString(screenshots.resolve(name + ".html"), browser.getPageSource());
            } catch (IOException | RuntimeException ignored) {
                e.addSuppressed(ignored);
            }
            throw e;
        }
    }

    private void screenshot(String name) throws IOException {
        Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    // --- the platform ---

    private Api user(String id, String name, String role, String region) {
        String password = TestPasswords.of(id);
        platform.shell.run("civicgrid:user-add --role " + role + " --region " + region + " --name " + name + " " + id + " " + password);
        return platform.api.as(id, password);
    }

    /** A GET of a path outside /api, without signing in (a page's script holds no data). */
    private java.net.http.HttpResponse<String> fetch(String path) throws IOException, InterruptedException {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base + path)).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static String checkpoint(String name, double[] point) {
        return "{\"name\":\"" + name + "\",\"longitude\":" + point[0] + ",\"latitude\":" + point[1] + "}";
    }

    private static void awaitStatus(Api api, String path, int status) {
        await(path + " answers " + status).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.status(path) == status);
    }

    private static void created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }
}
