package org.civicgrid.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicgrid.itests.GeoJson.collection;
import static org.civicgrid.itests.GeoJson.square;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The web console in a real headless Chromium against the running distribution, as county staff use it: sign in,
 * the region's grids on the map, a case reported on the map and taken through register, dispatch, accept, handle,
 * verify and close by the people whose steps they are, the dashboard counting it, the language switched, a
 * plug-in's panel appearing when its bundle is installed and going when it is removed (no page reload), and a grid
 * worker seeing neither administration nor a counsellor's panel, and at phone width able to reach the menu, the inbox
 * and a case without sideways scrolling; an administrator disabling and enabling a user and importing grids (a
 * refused file's per-row report, then a good file applied); the heat map of residents' demands by time and category.
 * Screenshots go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String TOWNSHIP = "140521100";
    /** The village the imported grids belong to. */
    private static final String IMPORT_VILLAGE = "140521100200";
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    private PlatformRun run;
    private Distribution platform;
    private Api admin;
    private Api operatorApi;
    private WebDriver browser;
    private String base;
    private Path screenshots;
    private String gridCode;
    private String caseId;
    private long totalBefore;
    private long closedBefore;

    @BeforeAll
    void boot() throws Exception {
        for (String program : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Paths.get(program))) {
                throw new AssertionError("ConsoleIT drives the console in a real headless Chromium and needs " + program
                        + ": install it with `apt-get install -y chromium chromium-driver fonts-wqy-zenhei`"
                        + " (.ci/run does this when they are missing).");
            }
        }
        run = PlatformRun.start("console");
        platform = run.platform;
        base = "http://127.0.0.1:" + platform.httpPort;
        screenshots = Paths.get(System.getProperty("civicgrid.it.work", "target/runs")).toAbsolutePath().getParent()
                .resolve("screenshots").resolve(run.database.kind().toLowerCase());
        Files.createDirectories(screenshots);

        platform.shell.run("civicgrid:user-add --role COUNTY_ADMIN --region 140521 --name 沁水县管理员 qs-admin county-pass-01");
        admin = platform.api.as("qs-admin", "county-pass-01");
        created(admin.post("/units", "{\"id\":\"qs-police\",\"name\":\"龙港派出所\",\"kind\":\"POLICE_STATION\","
                + "\"regionCode\":\"" + TOWNSHIP + "\"}"));
        operatorApi = user("qs-operator", "沁水县指挥中心", "COMMAND_OPERATOR", "140521", null);
        user("qs-police-1", "龙港派出所民警", "DEPARTMENT_HANDLER", TOWNSHIP, "qs-police");
        user("qs-worker", "龙港镇网格员", "GRID_WORKER", TOWNSHIP, null);
        platform.configure("org.civicgrid.routing-console.cfg", "category = street-light\nregion = 140521\nunit = qs-police\n");

        // A grid of the township (demo grids are generated on first start) with a grid worker.
        org.awaitility.Awaitility.await("the demo grids are there").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2)).until(() -> admin.get("/grids?region=" + TOWNSHIP).json().size() > 0);
        gridCode = admin.get("/grids?region=" + TOWNSHIP).json().get(0).path("code").asText();
        Api.Reply staffed = admin.put("/grids/" + gridCode + "/staff", "{\"workers\":[\"qs-worker\"]}");
        assertThat(staffed.status()).as(staffed.body()).isEqualTo(200);

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
    void aCountyOperatorSignsInAndSeesTheGridsOfTheCountyOnTheMap() throws Exception {
        browser.get(base + "/console/");
        urlContains("/console/login");
        type("login-user", "qs-operator");
        type("login-password", "wrong-password-1");
        click(By.id("login-submit"));
        assertThat(visible(By.id("login-error")).getText()).contains("用户名或密码错误");
        screenshot("01-login");

        signIn("qs-operator");
        urlContains("/console/map");
        int grids = admin.get("/grids?region=140521").json().size();
        assertThat(grids).isGreaterThan(10);
        until("the page shows it", d -> d.findElements(By.cssSelector("path.cg-grid")).size() >= grids);
        assertThat(browser.findElements(By.cssSelector("path.cg-grid"))).hasSize(grids);
        assertThat(visible(By.id("grid-count")).getText()).contains(String.valueOf(grids));
        assertThat(visible(By.id("side-menu")).getText()).contains("网格地图", "案件办理", "统计分析")
                .doesNotContain("系统管理");
        screenshot("02-map");
    }

    @Test
    @Order(2)
    void theDashboardShowsTheCountysFigures() throws Exception {
        click(By.cssSelector("[data-menu=dashboard]"));
        urlContains("/console/dashboard");
        JsonNode figures = operatorApi.get("/cases/figures?region=140521").json();
        totalBefore = figures.path("total").asLong();
        closedBefore = figures.path("byState").path("CLOSED").asLong();
        until("the page shows it", d -> statistic("figure-total") == totalBefore);
        assertThat(statistic("figure-closed")).isEqualTo(closedBefore);
    }

    @Test
    @Order(3)
    void clickingAGridShowsItsWorkerAndACaseIsReportedAtAPointPickedOnTheMap() throws Exception {
        click(By.cssSelector("[data-menu=map]"));
        until("the page shows it", d -> !d.findElements(By.cssSelector("path.cg-grid-" + gridCode)).isEmpty());
        type("grid-search", gridCode);
        browser.findElement(By.id("grid-search")).sendKeys(Keys.ENTER);
        assertThat(visible(By.id("grid-workers")).getText()).contains("qs-worker");
        click(By.cssSelector("#grid-card .el-card__header button"));
        until("the grid card closes", d -> d.findElements(By.id("grid-card")).isEmpty());
        click(By.cssSelector("path.cg-grid-" + gridCode));
        assertThat(visible(By.id("grid-workers")).getText()).contains("qs-worker");
        screenshot("03-grid");

        click(By.id("report-on-map"));
        visible(By.id("pick-hint"));
        click(By.cssSelector("path.cg-grid-" + gridCode));
        visible(By.id("report-title"));
        type("report-title", "村口路灯不亮");
        type("report-description", "村口两盏路灯连续三晚不亮，夜间行人看不清路。");
        choose("report-category", "路灯故障");
        screenshot("04-report");
        click(By.id("report-submit"));

        until("a case page opens", d -> d.getCurrentUrl().matches(".*/console/cases/[^/]+$"));
        caseId = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        awaitState("REPORTED");
        JsonNode reported = operatorApi.get("/cases/" + caseId).json();
        assertThat(reported.path("title").asText()).isEqualTo("村口路灯不亮");
        assertThat(reported.path("gridCode").asText()).isEqualTo(gridCode);
        assertThat(reported.path("reporterId").asText()).isEqualTo("qs-operator");
        assertThat(reported.path("longitude").isNumber()).isTrue();
    }

    @Test
    @Order(4)
    void theOperatorRegistersAndDispatchesIt() throws Exception {
        step("REGISTER", null);
        awaitState("REGISTERED");
        assertThat(browser.findElements(By.cssSelector("[data-action=CLOSE]"))).isEmpty();
        step("DISPATCH", null);
        awaitState("DISPATCHED");
        assertThat(operatorApi.get("/cases/" + caseId).json().path("unitId").asText()).isEqualTo("qs-police");
        screenshot("05-dispatched");
    }

    @Test
    @Order(5)
    void theUnitsHandlerFindsItInTheirToDoListAcceptsAndHandlesIt() throws Exception {
        signOut();
        signIn("qs-police-1");
        click(By.cssSelector("[data-menu=inbox]"));
        click(By.cssSelector("a.cg-case-link[data-case='" + caseId + "']"));
        awaitState("DISPATCHED");
        step("ACCEPT", null);
        awaitState("IN_HANDLING");
        step("HANDLE", "已更换灯泡并检修线路");
        awaitState("HANDLED");
    }

    @Test
    @Order(6)
    void theGridWorkerVerifiesItOnSiteFromADeepLink() throws Exception {
        signOut();
        signIn("qs-worker");
        browser.get(base + "/console/cases/" + caseId);
        awaitState("HANDLED");
        assertThat(browser.findElements(By.cssSelector("[data-action=CLOSE]"))).isEmpty();
        step("VERIFY", "现场核实，路灯已亮");
        awaitState("VERIFIED");
    }

    @Test
    @Order(7)
    void theOperatorClosesItAndTheTimelineShowsEveryStep() throws Exception {
        signOut();
        signIn("qs-operator");
        browser.get(base + "/console/cases/" + caseId);
        awaitState("VERIFIED");
        step("CLOSE", null);
        awaitState("CLOSED");
        until("the page shows it", d -> d.findElements(By.cssSelector("#case-timeline [data-step]")).size() >= 7);
        List<String> steps = browser.findElements(By.cssSelector("#case-timeline [data-step]")).stream()
                .map(e -> e.getAttribute("data-step")).filter(s -> !s.equals("WARN") && !s.equals("SUPERVISE")).toList();
        assertThat(steps).containsExactly("REPORT", "REGISTER", "DISPATCH", "ACCEPT", "HANDLE", "VERIFY", "CLOSE");
        assertThat(visible(By.id("case-timeline")).getText()).contains("现场核实，路灯已亮").contains("qs-police-1");
        screenshot("06-case-closed");
    }

    @Test
    @Order(8)
    void theDashboardCountsTheClosedCase() throws Exception {
        click(By.cssSelector("[data-menu=dashboard]"));
        until("the page shows it", d -> statistic("figure-total") == totalBefore + 1);
        until("the page shows it", d -> statistic("figure-closed") == closedBefore + 1);
        until("the page shows it", d -> !d.findElements(By.cssSelector("#chart-state canvas")).isEmpty());
        until("the regions below are compared", d -> !d.findElements(By.cssSelector("#chart-region canvas")).isEmpty());
        screenshot("07-dashboard");
    }

    @Test
    @Order(9)
    void theLanguageSwitchesToEnglishAndBack() throws Exception {
        chooseLanguage("English");
        until("the page shows it", d -> d.findElement(By.id("side-menu")).getText().contains("Grid map"));
        assertThat(visible(By.id("side-menu")).getText()).contains("Cases", "Dashboard").doesNotContain("网格地图");
        browser.get(base + "/console/cases/" + caseId);
        until("the page shows it", d -> d.findElement(By.id("case-state")).getText().contains("Closed"));
        assertThat(visible(By.id("case-timeline")).getText()).contains("Register", "Dispatch", "Verify");
        screenshot("08-english");
        chooseLanguage("简体中文");
        until("the page shows it", d -> d.findElement(By.id("side-menu")).getText().contains("网格地图"));
        assertThat(visible(By.id("case-state")).getText()).contains("已结案");
    }

    @Test
    @Order(10)
    void aPluginsPanelAppearsWhenItIsInstalledAndGoesWhenItIsRemovedWithoutAReload() throws Exception {
        click(By.cssSelector("[data-menu=map]"));
        urlContains("/console/map");
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = 'yes'");
        assertThat(browser.findElements(By.cssSelector("[data-panel]"))).isEmpty();

        String installed = platform.shell.run("bundle:install -s " + panelBundle().toUri());
        Matcher id = Pattern.compile("Bundle ID: (\\d+)").matcher(installed);
        assertThat(id.find()).as(installed).isTrue();

        // The menu follows within one poll (10 s), no reload.
        click(visibleWithin(By.cssSelector("[data-menu=plugins]"), Duration.ofSeconds(40)));
        click(By.cssSelector("[data-panel='console-itest/townships']"));
        until("the page shows it", d -> d.findElements(By.cssSelector("#panel-table")).size() == 1);
        assertThat(visible(By.id("panel-table")).getText()).contains("龙港镇").contains("140521100");
        assertThat(browser.findElements(By.cssSelector("[data-panel='console-itest/counselling']")))
                .as("a counsellor's panel is not the operator's").isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument")).isEqualTo("yes");
        screenshot("09-plugin-panel");

        // A grid worker sees the panel meant for them, but neither administration nor the counsellor's panel.
        signOut();
        signIn("qs-worker");
        click(visibleWithin(By.cssSelector("[data-menu=plugins]"), PATIENCE));
        visible(By.cssSelector("[data-panel='console-itest/townships']"));
        assertThat(browser.findElements(By.cssSelector("[data-panel='console-itest/counselling']"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("[data-menu=admin]"))).isEmpty();
        assertThat(visible(By.id("side-menu")).getText()).doesNotContain("系统管理");
        browser.get(base + "/console/admin");
        urlContains("/console/map");
        screenshot("10-grid-worker");

        click(visibleWithin(By.cssSelector("[data-menu=plugins]"), PATIENCE));
        click(By.cssSelector("[data-panel='console-itest/townships']"));
        visible(By.id("panel-table"));
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = 'still'");
        platform.shell.run("bundle:uninstall " + id.group(1));
        until("the panel leaves the menu", d -> d.findElements(By.cssSelector("[data-menu=plugins]")).isEmpty()
                && d.findElements(By.cssSelector("#side-menu [data-panel]")).isEmpty());
        // The open page says the plug-in is gone instead of showing stale data.
        assertThat(visible(By.id("panel-removed")).getText()).contains("console-itest").contains("不再安装");
        assertThat(browser.findElements(By.id("panel-table"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument")).isEqualTo("still");
    }

    @Test
    @Order(11)
    void anAdministratorDisablesAndEnablesAUserAndImportsGridsWithAPerRowReport() throws Exception {
        signOut();
        signIn("qs-admin", "county-pass-01");
        click(By.cssSelector("[data-menu=admin]"));
        urlContains("/console/admin");
        until("the page shows it", d -> d.findElement(By.id("admin-page")).getText().contains("qs-worker"));
        assertThat(browser.findElements(By.cssSelector("[data-disable='qs-admin']"))).as("not oneself").isEmpty();

        assertThat(platform.api.as("qs-police-1", TestPasswords.of("qs-police-1")).get("/me").status())
                .as("the password works before").isEqualTo(200);
        click(By.cssSelector("[data-disable='qs-police-1']"));
        type(By.cssSelector(".cg-disable-box .el-message-box__input input"), "调离岗位");
        click(By.cssSelector(".cg-disable-box .el-message-box__btns .el-button--primary"));
        until("the page shows it", d -> d.findElement(By.cssSelector("[data-user-state='qs-police-1']")).getText().contains("停用"));
        assertThat(admin.get("/users/qs-police-1").json().path("enabled").asBoolean()).isFalse();
        assertThat(platform.api.as("qs-police-1", TestPasswords.of("qs-police-1")).get("/me").status()).isEqualTo(401);
        screenshot("11-admin");
        click(By.cssSelector("[data-enable='qs-police-1']"));
        until("the page shows it", d -> d.findElement(By.cssSelector("[data-user-state='qs-police-1']")).getText().contains("启用"));
        assertThat(admin.get("/users/qs-police-1").json().path("enabled").asBoolean()).isTrue();
        assertThat(platform.api.as("qs-police-1", TestPasswords.of("qs-police-1")).get("/me").status()).isEqualTo(200);

        // A file with one bad feature (its outline crosses itself) is refused whole, with the row that is wrong.
        click(By.id("tab-grids"));
        String first = IMPORT_VILLAGE + "951";
        String second = IMPORT_VILLAGE + "952";
        Path bad = platform.home.resolve("grids-bad.geojson");
        Files.writeString(bad, collection(feature(first, "东街第951网格", square(112.00, 36.50)), feature(second, "东街第952网格",
                "[[[112.01,36.50],[112.02,36.51],[112.02,36.50],[112.01,36.51],[112.01,36.50]]]")));
        visible(By.id("grid-import-file")).sendKeys(bad.toAbsolutePath().toString());
        click(By.id("grid-import-submit"));
        WebElement problems = visible(By.id("grid-import-problems"));
        until("the report names the row", d -> d.findElement(By.cssSelector("#grid-import-problems tbody tr")).getText()
                .matches("(?s)2\\s+" + second + "\\s+.+"));
        assertThat(problems.findElements(By.cssSelector("tbody tr"))).hasSize(1);
        assertThat(admin.get("/grids/" + first).status()).as("nothing of a refused file is kept").isEqualTo(404);
        screenshot("11-grid-import");

        Path good = platform.home.resolve("grids-good.geojson");
        Files.writeString(good, collection(feature(first, "东街第951网格", square(112.00, 36.50)),
                feature(second, "东街第952网格", square(112.01, 36.50))));
        visible(By.id("grid-import-file")).sendKeys(good.toAbsolutePath().toString());
        click(By.id("grid-import-submit"));
        assertThat(visible(By.id("grid-import-applied")).getText()).contains("2");
        assertThat(browser.findElements(By.id("grid-import-problems"))).isEmpty();
        assertThat(admin.get("/grids/" + second).status()).isEqualTo(200);

        // A user who forgot their password: the administrator makes a temporary one, shown once, to hand over; the
        // user signs in with it and must set their own before anything else.
        click(By.id("tab-users"));
        click(By.cssSelector("[data-reset-password='qs-police-1']"));
        click(By.cssSelector(".cg-reset-box .el-message-box__btns .el-button--primary"));
        String temporary = visible(By.id("temporary-password")).getText().strip();
        assertThat(temporary).hasSize(16);
        screenshot("11-password-reset");
        click(By.cssSelector(".cg-secret-box .el-message-box__btns .el-button--primary"));
        assertThat(platform.api.as("qs-police-1", TestPasswords.of("qs-police-1")).get("/me").status())
                .as("the forgotten password no longer works").isEqualTo(401);
        signOut();
        signIn("qs-police-1", temporary);
        assertThat(visible(By.id("password-forced")).getText()).contains("临时密码");
        type("password-current", temporary);
        type("password-new", "Own-choice-pass-8");
        type("password-repeat", "Own-choice-pass-8");
        click(By.id("password-save"));
        until("the dialog goes once the password is set", d -> d.findElements(By.id("password-forced")).stream()
                .noneMatch(WebElement::isDisplayed));
        assertThat(platform.api.as("qs-police-1", "Own-choice-pass-8").get("/me").json().path("passwordExpired")
                .asBoolean()).isFalse();
        assertThat(platform.api.as("qs-police-1", temporary).get("/me").status()).isEqualTo(401);
    }

    @Test
    @Order(12)
    void aGridWorkerUsesTheConsoleOnAPhone() throws Exception {
        signOut();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            signIn("qs-worker");
            assertThat(browser.findElements(By.id("side-menu"))).as("the menu waits behind its button").isEmpty();
            noSidewaysScrolling();

            click(By.id("menu-toggle"));
            click(By.cssSelector("[data-menu=inbox]"));
            urlContains("/console/cases");
            until("the menu closes", d -> d.findElements(By.id("side-menu")).stream().noneMatch(WebElement::isDisplayed));
            click(By.id("tab-all"));
            visible(By.cssSelector("a.cg-case-link[data-case='" + caseId + "']"));
            noSidewaysScrolling();
            screenshot("12-phone-inbox");

            click(By.cssSelector("a.cg-case-link[data-case='" + caseId + "']"));
            awaitState("CLOSED");
            visible(By.id("case-timeline"));
            noSidewaysScrolling();
            screenshot("12-phone-case");

            click(By.id("menu-toggle"));
            click(By.cssSelector("[data-menu=map]"));
            urlContains("/console/map");
            until("the page shows it", d -> !d.findElements(By.cssSelector("path.cg-grid")).isEmpty());
            noSidewaysScrolling();
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 768));
        }
    }

    @Test
    @Order(13)
    void theHeatMapOfResidentsDemandsShowsWhereCasesWereReported() throws Exception {
        signOut();
        signIn("qs-operator");
        until("the page shows it", d -> !d.findElements(By.cssSelector("path.cg-grid")).isEmpty());
        visible(By.cssSelector("path.cg-case-" + caseId));
        assertThat(browser.findElements(By.cssSelector("path.cg-heat"))).isEmpty();
        click(By.cssSelector(".cg-heat-toggle .el-switch__core"));
        until("the heat layer is drawn", d -> !d.findElements(By.cssSelector("path.cg-heat")).isEmpty());
        until("the page counts the case", d -> d.findElement(By.id("heat-count")).getText().matches(".*[1-9].*"));
        choose("heat-category", "路灯故障");
        until("the heat layer is drawn", d -> !d.findElements(By.cssSelector("path.cg-heat")).isEmpty());
        // Zoomed in to the case's grid, the squares are counted again at that scale.
        type("grid-search", gridCode);
        browser.findElement(By.id("grid-search")).sendKeys(Keys.ENTER);
        visible(By.id("grid-card"));
        until("the heat layer is drawn again", d -> !d.findElements(By.cssSelector("path.cg-heat")).isEmpty());
        screenshot("13-heat-map");
        click(By.cssSelector(".cg-heat-toggle .el-switch__core"));
        until("the heat layer goes", d -> d.findElements(By.cssSelector("path.cg-heat")).isEmpty());
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
        signIn(user, TestPasswords.of(user));
    }

    private void signIn(String user, String password) {
        browser.get(base + "/console/login");
        type("login-user", user);
        type("login-password", password);
        click(By.id("login-submit"));
        if (platform.secondFactors.key(user).isPresent()) {
            // An administrator: the console asks for the code of the authenticator app, then signs in with both.
            until("the console asks for the code", d -> !d.findElements(By.id("login-code")).isEmpty());
            until("and says why", d -> d.findElement(By.id("login-error")).getText().contains("身份验证器"));
            try {
                screenshot("01b-login-second-factor");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            type("login-code", platform.secondFactors.freshCode(user));
            click(By.id("login-submit"));
        }
        urlContains("/console/map");
        until("the page shows it", d -> d.findElement(By.cssSelector(".cg-user-menu")).getText().contains(user));
    }

    private void signOut() {
        Object token = ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('civicgrid.session')");
        assertThat(token).as("the console keeps a session's token, not the password").isInstanceOf(String.class);
        assertThat(platform.api.bearer((String) token).get("/me").status()).isEqualTo(200);
        click(By.cssSelector(".cg-user-menu"));
        click(By.xpath("//li[contains(@class,'el-dropdown-menu__item')][contains(@class,'cg-logout') or normalize-space(.)='退出登录']"));
        urlContains("/console/login");
        Object stored = ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('civicgrid.session')");
        assertThat(stored).as("signing out forgets the session").isNull();
        org.awaitility.Awaitility.await("signing out ends the session on the platform").atMost(Duration.ofSeconds(10))
                .until(() -> platform.api.bearer((String) token).get("/me").status() == 401);
    }

    /** Takes a step of the loop from the case page, with a note where given. */
    private void step(String action, String note) {
        click(By.cssSelector("#case-actions [data-action=" + action + "]"));
        if (note != null) {
            type("step-note", note);
        }
        click(By.id("step-confirm"));
        until("the step dialog closes", d -> d.findElements(By.id("step-confirm")).stream().noneMatch(WebElement::isDisplayed));
    }

    private void awaitState(String state) {
        until("the page shows it", d -> {
            List<WebElement> tag = d.findElements(By.id("case-state"));
            return !tag.isEmpty() && state.equals(tag.get(0).getAttribute("data-state"));
        });
    }

    private void chooseLanguage(String language) {
        click(By.cssSelector(".cg-language-switch"));
        click(By.xpath("//li[contains(@class,'el-dropdown-menu__item')][normalize-space(.)='" + language + "']"));
    }

    private long statistic(String id) {
        List<WebElement> found = browser.findElements(By.cssSelector("#" + id + " .el-statistic__number"));
        if (found.isEmpty()) {
            return -1;
        }
        String text = found.get(0).getText().replaceAll("[^0-9]", "");
        return text.isEmpty() ? -1 : Long.parseLong(text);
    }

    /** Neither the page nor anything on it is wider than the window. */
    private void noSidewaysScrolling() {
        until("nothing scrolls sideways", d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth"
                        + " && document.body.scrollWidth <= window.innerWidth")));
    }

    private void type(String id, String text) {
        type(By.id(id), text);
    }

    private void type(By by, String text) {
        WebElement input = visible(by);
        input.clear();
        input.sendKeys(text);
    }

    /** Picks an option of an Element Plus select by its text. */
    private void choose(String id, String option) {
        click(By.xpath("//*[@id='" + id + "']/ancestor::div[contains(@class,'el-select__wrapper')]"));
        click(By.xpath("//li[contains(@class,'el-select-dropdown__item')][normalize-space(.)='" + option + "']"));
    }

    /** Clicks the element once it is shown and takes the click (an animation may still cover it). */
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

    private void click(WebElement element) {
        until("clicking " + element, d -> {
            element.click();
            return true;
        });
    }

    private WebElement visible(By by) {
        return visibleWithin(by, PATIENCE);
    }

    private WebElement visibleWithin(By by, Duration timeout) {
        WebElement[] shown = new WebElement[1];
        await(by + " is shown", timeout, d -> {
            List<WebElement> found = d.findElements(by);
            shown[0] = found.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
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
        org.awaitility.Awaitility.await(what + " (page: " + browser.getCurrentUrl() + ")").atMost(timeout)
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> condition.test(browser));
    }

    private void screenshot(String name) throws IOException {
        Path file = screenshots.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    // --- the platform ---

    private Api user(String id, String name, String role, String region, String unit) {
        String password = TestPasswords.of(id);
        created(admin.post("/users", "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"password\":\"" + password
                + "\",\"roles\":[\"" + role + "\"],\"regionCode\":\"" + region + "\""
                + (unit == null ? "" : ",\"unitId\":\"" + unit + "\"") + "}"));
        return platform.api.as(id, password);
    }

    /**
     * A plug-in bundle that only declares console panels, the way a vendor's bundle does: one for operators and grid
     * workers (the county's townships, from the public regions API) and one for counsellors only.
     */
    private Path panelBundle() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.civicgrid.itests.consolepanel");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Civicgrid-Plugin", "console-itest");
        main.putValue("Civicgrid-Console-Panel", "townships;title=\"乡镇（街道）\";title.en=\"Townships\";"
                + "endpoint=\"/api/regions/{region}/children\";roles=\"COMMAND_OPERATOR,GRID_WORKER\";order=10,"
                + "counselling;title=\"心理随访\";title.en=\"Counselling\";endpoint=\"/api/regions/{region}\";roles=COUNSELLOR");
        Path jar = platform.home.resolve("console-panel-test.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // a manifest is all it needs
        }
        return jar;
    }

    private static String feature(String code, String name, String coordinates) {
        return GeoJson.feature(code, name, IMPORT_VILLAGE, coordinates);
    }

    private static void created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }
}
