package org.civicgrid.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A plug-in's own console pages, shipped as modules inside its bundle, in a real headless Chromium: the mediation
 * studio installed at runtime adds its pages to the menu; a mediator finds a dispute the window took in over the API;
 * the command centre adds a party (a wrong ID number refused with the platform's reason) and assigns the mediator; the
 * mediator records a session and the signed agreement on the page and sees the 30-day judicial-confirmation countdown,
 * which turns red once the window has passed; uninstalling the plug-in takes the menu entries away and the open page
 * says so, without a reload, and its module is no longer served. Screenshots go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginPagesIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String DISPUTES = "/mediation/disputes";
    private static final String TOWNSHIP = "140521100";
    private static final String VILLAGE = "140521100200";
    private static final String MODULE = "/console/plugins/mediation/disputes.js";
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    private PlatformRun run;
    private Distribution platform;
    private Api admin;
    private Api operator;
    private Api mediator;
    private WebDriver browser;
    private String base;
    private Path screenshots;
    private String disputeId;

    @BeforeAll
    void boot() throws Exception {
        for (String program : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Paths.get(program))) {
                throw new AssertionError("PluginPagesIT drives the console in a real headless Chromium and needs " + program
                        + ": install it with `apt-get install -y chromium chromium-driver fonts-wqy-zenhei`"
                        + " (.ci/run does this when they are missing).");
            }
        }
        run = PlatformRun.start("pluginpages");
        platform = run.platform;
        base = "http://127.0.0.1:" + platform.httpPort;
        screenshots = Paths.get(System.getProperty("civicgrid.it.work", "target/runs")).toAbsolutePath().getParent()
                .resolve("screenshots").resolve(run.database.kind().toLowerCase());
        Files.createDirectories(screenshots);

        platform.shell.run("civicgrid:user-add --role COUNTY_ADMIN --region 140521 --name 沁水县管理员 qs-admin county-pass-01");
        admin = platform.api.as("qs-admin", "county-pass-01");
        operator = user("qs-operator", "沁水县指挥中心", "COMMAND_OPERATOR");
        mediator = user("qs-med", "龙港镇调解员", "MEDIATOR");
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
    void theStudiosPagesAppearWhenItIsInstalledAndAMediatorFindsADisputeTakenInOverTheApi() throws Exception {
        assertThat(fetch(MODULE).statusCode()).as("not installed yet").isEqualTo(404);
        signIn("qs-med");
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = 'yes'");
        assertThat(browser.findElements(By.cssSelector("[data-menu=plugins]"))).isEmpty();

        platform.shell.run("feature:install civicgrid-mediation");
        org.awaitility.Awaitility.await("the studio answers").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500)).until(() -> operator.status(DISPUTES + "?region=140521") == 200);
        Api.Reply committee = admin.post("/mediation/organisations", "{\"name\":\"龙港镇人民调解委员会\","
                + "\"kind\":\"TOWNSHIP_COMMITTEE\",\"regionCode\":\"" + TOWNSHIP + "\",\"types\":[]}");
        created(committee);
        created(admin.post("/mediation/organisations/" + committee.json().path("id").asText() + "/mediators",
                "{\"userId\":\"qs-med\"}"));
        Api.Reply received = operator.post(DISPUTES, "{\"regionCode\":\"" + VILLAGE + "\",\"type\":\"LAND\","
                + "\"summary\":\"两户宅基地边界争议，界墙位置各执一词\",\"amountInDispute\":1200.50,\"issues\":\"界墙位置\","
                + "\"parties\":[{\"role\":\"APPLICANT\",\"kind\":\"PERSON\",\"name\":\"张三\",\"idNumber\":\""
                + ResidentIds.of("14052119700101002") + "\",\"phone\":\"13812345678\"}]}");
        created(received);
        disputeId = received.json().path("id").asText();

        // The module is served from the plug-in's bundle, to anyone (it holds no data), as a script.
        HttpResponse<String> module = fetch(MODULE);
        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        assertThat(module.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(module.headers().firstValue("ETag")).isPresent();
        assertThat(module.body()).contains("export default function disputes(host)");
        JsonNode panels = mediator.get("/console/panels").json();
        assertThat(panels.toString()).contains("\"module\":\"" + MODULE + "\"");

        // The menu follows within one poll, no reload.
        openPanel("mediation/disputes", Duration.ofSeconds(60));
        WebElement row = visible(By.cssSelector("a.med-dispute-link[data-dispute='" + disputeId + "']"))
                .findElement(By.xpath("./ancestor::tr"));
        assertThat(row.getText()).contains("已受理").contains("土地纠纷").contains("两户宅基地边界争议").contains("待分派");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument")).isEqualTo("yes");
        screenshot("14-mediation-disputes");
    }

    @Test
    @Order(2)
    void theCommandCentreAddsAPartyAndAssignsTheMediator() throws Exception {
        signOut();
        signIn("qs-operator");
        openPanel("mediation/disputes", PATIENCE);
        click(By.cssSelector("a.med-dispute-link[data-dispute='" + disputeId + "']"));
        awaitStatus("RECEIVED");
        String parties = visible(By.id("med-parties")).getText();
        assertThat(parties).as("masked as the API answers").contains("张*").contains("138****5678").doesNotContain("张三")
                .doesNotContain("13812345678");

        click(By.cssSelector("[data-action=party]"));
        choose("med-party-role", "被申请人");
        type("med-party-name", "李四");
        type("med-party-idNumber", "140521197001010021");
        click(By.id("med-action-submit"));
        assertThat(visible(By.id("med-action-error")).getText()).as("the platform's reason, on the page")
                .contains("check digit");
        assertThat(operator.get(DISPUTES + "/" + disputeId).json().path("parties")).as("nothing was added").hasSize(1);
        type("med-party-idNumber", ResidentIds.of("14052119700101003"));
        click(By.id("med-action-submit"));
        until("the party is listed", d -> d.findElement(By.id("med-parties")).getText().contains("李*"));

        click(By.cssSelector("[data-action=assign]"));
        choose("med-assign-mediatorId", "龙港镇调解员（龙港镇人民调解委员会）");
        click(By.id("med-action-submit"));
        awaitStatus("ASSIGNED");
        assertThat(visible(By.id("med-mediator")).getText()).isEqualTo("qs-med");
        assertThat(operator.get(DISPUTES + "/" + disputeId).json().path("mediatorId").asText()).isEqualTo("qs-med");
        assertThat(browser.findElements(By.cssSelector("[data-action=session]")))
                .as("sessions are the mediator's to record").isEmpty();
    }

    @Test
    @Order(3)
    void theMediatorRecordsASessionAndTheAgreementAndSeesTheConfirmationCountdown() throws Exception {
        signOut();
        signIn("qs-med");
        // A link to the dispute opens its page directly.
        browser.get(base + "/console/panels/mediation/disputes?dispute=" + disputeId);
        awaitStatus("ASSIGNED");

        click(By.cssSelector("[data-action=session]"));
        click(By.id("med-action-submit"));
        assertThat(visible(By.id("med-action-error")).getText()).contains("必填");
        type("med-session-place", "龙港镇调解室");
        type("med-session-attendees", "申请人 张某，被申请人 李某");
        type("med-session-record", "双方陈述界墙由来，调解员现场丈量并释法明理。");
        click(By.id("med-action-submit"));
        awaitStatus("IN_MEDIATION");
        assertThat(visible(By.id("med-sessions")).getText()).contains("现场丈量").contains("龙港镇调解室");
        JsonNode sessions = mediator.get(DISPUTES + "/" + disputeId + "/sessions").json();
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).path("attendees")).hasSize(2);

        click(By.cssSelector("[data-action=agreement]"));
        type("med-agreement-terms", "界墙按 1998 年宅基地证所载界址重砌，费用双方各半。");
        type("med-agreement-performance", "双方共同出资，一次付清");
        click(By.id("med-action-submit"));
        assertThat(visible(By.id("med-action-error")).getText()).as("the parties must have signed").contains("签名");
        click(By.id("med-agreement-signed"));
        click(By.id("med-action-submit"));
        awaitStatus("AGREED");
        WebElement countdown = visible(By.id("med-countdown"));
        assertThat(countdown.getAttribute("data-days-left")).isEqualTo("30");
        assertThat(countdown.getText()).contains("剩余 30 天");
        JsonNode agreement = mediator.get(DISPUTES + "/" + disputeId + "/agreement").json();
        assertThat(agreement.path("confirmationDaysLeft").asInt()).isEqualTo(30);
        assertThat(agreement.path("terms").asText()).contains("费用双方各半");
        assertThat(visible(By.id("med-confirmation-status")).getText()).contains("未申请");
        visible(By.id("med-agreement-pdf"));
        screenshot("15-mediation-dispute");

        openPanel("mediation/confirmations", PATIENCE);
        WebElement due = visible(By.cssSelector("#med-confirmation-table a[data-dispute='" + disputeId + "']"))
                .findElement(By.xpath("./ancestor::tr"));
        assertThat(due.getText()).contains("剩余 30 天");
        screenshot("16-mediation-confirmations");
    }

    @Test
    @Order(4)
    void onceTheThirtyDaysHavePassedTheCountdownIsOverdueInRed() throws Exception {
        platform.moveClock(32L * 24 * 60);
        try {
            JsonNode agreement = mediator.get(DISPUTES + "/" + disputeId + "/agreement").json();
            assertThat(agreement.path("confirmationDaysLeft").asInt()).isEqualTo(-2);
            // The browser's session may have run out on the moved clock: sign in again if so.
            browser.get(base + "/console/panels/mediation/disputes?dispute=" + disputeId);
            until("the page or the sign-in shows", d -> !d.findElements(By.id("login-user")).isEmpty()
                    || !d.findElements(By.id("med-countdown")).isEmpty());
            if (!browser.findElements(By.id("login-user")).isEmpty()) {
                signIn("qs-med");
                browser.get(base + "/console/panels/mediation/disputes?dispute=" + disputeId);
            }
            WebElement countdown = visible(By.id("med-countdown"));
            until("the page shows it", d -> "-2".equals(d.findElement(By.id("med-countdown")).getAttribute("data-days-left")));
            assertThat(countdown.getText()).contains("已逾期 2 天");
            String colour = visible(By.cssSelector("#med-countdown > div")).getCssValue("color");
            assertThat(colour).as("red").isIn("rgba(245, 108, 108, 1)", "rgb(245, 108, 108)");
            screenshot("17-mediation-overdue");
        } finally {
            platform.moveClock(0);
        }
    }

    @Test
    @Order(5)
    void uninstallingTheStudioTakesItsPagesAwayAndTheOpenPageSaysSo() throws Exception {
        signOut();
        signIn("qs-med");
        openPanel("mediation/disputes", PATIENCE);
        By link = By.cssSelector("a.med-dispute-link[data-dispute='" + disputeId + "']");
        choose("med-filter-status", "全部");
        visible(link);
        choose("med-filter-status", "未办结");
        until("an agreed dispute is not among the open ones", d -> d.findElements(link).isEmpty());
        choose("med-filter-status", "全部");
        visible(link);
        // The plug-in's page follows the console's language.
        chooseLanguage("English");
        until("the page is in English", d -> d.findElement(By.id("med-disputes")).getText().contains("Disputes in mediation"));
        assertThat(visible(By.id("med-disputes")).getText()).contains("Agreed").contains("Land").doesNotContain("调解成功");
        chooseLanguage("简体中文");
        until("and back", d -> d.findElement(By.id("med-disputes")).getText().contains("调解成功"));
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = 'still'");

        platform.shell.run("feature:uninstall civicgrid-mediation");
        until("the pages leave the menu", d -> d.findElements(By.cssSelector("[data-menu=plugins]")).isEmpty()
                && d.findElements(By.cssSelector("#side-menu [data-panel]")).isEmpty());
        assertThat(visible(By.id("panel-removed")).getText()).contains("mediation").contains("不再安装");
        assertThat(browser.findElements(By.id("med-disputes"))).as("the page is gone").isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument")).isEqualTo("still");
        assertThat(fetch(MODULE).statusCode()).isEqualTo(404);
        screenshot("18-mediation-removed");

        // The rest of the console carries on.
        click(By.cssSelector("[data-menu=inbox]"));
        urlContains("/console/cases");
    }

    // --- the browser ---

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1366,768", "--lang=zh-CN");
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).build();
        return new ChromeDriver(service, options);
    }

    private void signIn(String user) {
        browser.get(base + "/console/login");
        type("login-user", user);
        type("login-password", TestPasswords.of(user));
        click(By.id("login-submit"));
        urlContains("/console/map");
        until("the page shows it", d -> d.findElement(By.cssSelector(".cg-user-menu")).getText().contains(user));
    }

    private void signOut() {
        click(By.cssSelector(".cg-user-menu"));
        click(By.xpath("//li[contains(@class,'el-dropdown-menu__item')][contains(@class,'cg-logout')]"));
        urlContains("/console/login");
    }

    /** Opens a plug-in's page from the menu's 扩展功能 (extensions), waiting up to the given time for it to appear. */
    private void openPanel(String panel, Duration timeout) {
        By entry = By.cssSelector("#side-menu [data-panel='" + panel + "']");
        await(panel + " is in the menu", timeout, d -> {
            if (d.findElements(By.cssSelector("[data-menu=plugins]")).isEmpty()) {
                return false;
            }
            if (d.findElements(entry).stream().noneMatch(WebElement::isDisplayed)) {
                d.findElement(By.cssSelector("[data-menu=plugins] .el-sub-menu__title")).click();
            }
            return d.findElements(entry).stream().anyMatch(WebElement::isDisplayed);
        });
        click(entry);
        urlContains("/console/panels/" + panel);
    }

    private void chooseLanguage(String language) {
        click(By.cssSelector(".cg-language-switch"));
        click(By.xpath("//li[contains(@class,'el-dropdown-menu__item')][normalize-space(.)='" + language + "']"));
    }

    private void awaitStatus(String status) {
        until("the dispute is " + status, d -> {
            List<WebElement> tag = d.findElements(By.id("med-status"));
            return !tag.isEmpty() && status.equals(tag.get(0).getAttribute("data-status"));
        });
    }

    private void type(String id, String text) {
        WebElement input = visible(By.id(id));
        // Selecting and deleting, not clear(): the page's form only hears typed keys.
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        input.sendKeys(text);
    }

    /** Picks an option of an Element Plus select by its text. */
    private void choose(String id, String option) {
        click(By.xpath("//*[@id='" + id + "']/ancestor::div[contains(@class,'el-select__wrapper')]"));
        click(By.xpath("//li[contains(@class,'el-select-dropdown__item')][normalize-space(.)='" + option + "']"));
    }

    private void click(By by) {
        until("clicking " + by, d -> {
            List<WebElement> found = d.findElements(by).stream().filter(WebElement::isDisplayed).toList();
            if (found.isEmpty() || !found.get(0).isEnabled()) {
                return false;
            }
            found.get(0).click();
            return true;
        });
    }

    private WebElement visible(By by) {
        WebElement[] shown = new WebElement[1];
        await(by + " is shown", PATIENCE, d -> {
            shown[0] = d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
            return shown[0] != null;
        });
        return shown[0];
    }

    private void urlContains(String part) {
        until("the address has " + part, d -> d.getCurrentUrl().contains(part));
    }

    private void until(String what, java.util.function.Predicate<WebDriver> condition) {
        await(what, PATIENCE, condition);
    }

    /** Polls the page until the condition holds; a page changing under the test (stale elements) is polled again. */
    private void await(String what, Duration timeout, java.util.function.Predicate<WebDriver> condition) {
        try {
            org.awaitility.Awaitility.await(what + " (page: " + browser.getCurrentUrl() + ")").atMost(timeout)
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> condition.test(browser));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // What the page showed and what the browser logged, for whoever reads the failure.
            try {
                screenshot("failed-" + System.currentTimeMillis());
                browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll()
                        .forEach(entry -> System.err.println("browser: " + entry));
            } catch (Exception | Error ignored) {
                // the failure below says enough
            }
            throw e;
        }
    }

    private void screenshot(String name) throws IOException {
        Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    // --- the platform ---

    /** A file of the console, fetched without signing in. */
    private HttpResponse<String> fetch(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Api user(String id, String name, String role) {
        String password = TestPasswords.of(id);
        created(admin.post("/users", "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"password\":\"" + password
                + "\",\"roles\":[\"" + role + "\"],\"regionCode\":\"140521\"}"));
        return platform.api.as(id, password);
    }

    private static void created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }
}
