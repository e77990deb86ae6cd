package org.civicgrid.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

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
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The case page and administration in a real headless Chromium against the running distribution: an operator
 * shows a case's parties in full with a stated purpose (recorded in the audit trail; masked again on reload, and no
 * button for a resident), uploads a photo that is listed and downloads, and sees a refused file's reason; the county
 * administrator adds a routing rule that the next case follows and saves the county's deadlines, a wrong value
 * refused with its reason. Screenshots (21–24) go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseAdminIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String TOWNSHIP = "140521100";
    private static final String VILLAGE = "140521100200";
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    /** A 1×1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private PlatformRun run;
    private Distribution platform;
    private Api admin;
    private Api operatorApi;
    private Api residentApi;
    private WebDriver browser;
    private String base;
    private Path screenshots;
    private Path downloads;
    private String caseId;

    @BeforeAll
    void boot() throws Exception {
        for (String program : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Paths.get(program))) {
                throw new AssertionError("CaseAdminIT drives the console in a real headless Chromium and needs " + program
                        + ": install it with `apt-get install -y chromium chromium-driver fonts-wqy-zenhei`.");
            }
        }
        run = PlatformRun.start("caseadminui");
        platform = run.platform;
        base = "http://127.0.0.1:" + platform.httpPort;
        screenshots = Paths.get(System.getProperty("civicgrid.it.work", "target/runs")).toAbsolutePath().getParent()
                .resolve("screenshots").resolve(run.database.kind().toLowerCase());
        Files.createDirectories(screenshots);
        downloads = platform.home.resolve("browser-downloads");
        Files.createDirectories(downloads);

        platform.shell.run("civicgrid:user-add --role COUNTY_ADMIN --region 140521 --name 沁水县管理员 qs-admin county-pass-01");
        admin = platform.api.as("qs-admin", "county-pass-01");
        created(admin.post("/units", "{\"id\":\"qs-police\",\"name\":\"龙港派出所\",\"kind\":\"POLICE_STATION\","
                + "\"regionCode\":\"" + TOWNSHIP + "\"}"));
        created(admin.post("/units", "{\"id\":\"qs-centre\",\"name\":\"沁水县综治中心\",\"kind\":\"COMMAND_CENTRE\","
                + "\"regionCode\":\"140521\"}"));
        operatorApi = user("qs-operator", "沁水县指挥中心", "COMMAND_OPERATOR", "140521");
        residentApi = user("qs-resident", "村民王大明", "RESIDENT", VILLAGE);
        Api.Reply reported = residentApi.post("/cases", "{\"title\":\"邻里噪音纠纷\",\"description\":\"隔壁夜间装修，协商未果\","
                + "\"category\":\"noise\",\"channel\":\"APP\",\"regionCode\":\"" + VILLAGE + "\","
                + "\"parties\":[{\"role\":\"COMPLAINANT\",\"kind\":\"PERSON\",\"name\":\"张小明\",\"phone\":\"13800001234\"},"
                + "{\"role\":\"RESPONDENT\",\"kind\":\"PERSON\",\"name\":\"李大强\",\"phone\":\"13900005678\"}]}");
        created(reported);
        caseId = reported.json().path("id").asText();
        browser = chromium(downloads);
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
    void anOperatorShowsThePartiesInFullWithAPurposeForThisViewOnly() throws Exception {
        signIn("qs-operator");
        browser.get(base + "/console/cases/" + caseId);
        until("the parties are shown masked", d -> d.findElement(By.id("case-parties")).getText().contains("138****1234"));
        assertThat(visible(By.id("case-parties")).getText()).doesNotContain("13800001234").doesNotContain("张小明");

        click(By.id("reveal-parties"));
        // The first purpose of the list is chosen; the operator adds what exactly they will check.
        visible(By.id("reveal-confirm"));
        until("the purpose is offered", d -> d.findElement(By.tagName("body")).getText().contains("电话回访当事人核实处理结果"));
        type("reveal-detail", "核实噪音问题是否解决");
        click(By.id("reveal-confirm"));
        until("the parties are shown in full", d -> d.findElement(By.id("case-parties")).getText().contains("13800001234"));
        assertThat(visible(By.id("case-parties")).getText()).contains("张小明").contains("李大强").contains("13900005678");
        assertThat(visible(By.id("parties-revealed")).getText()).contains("仅本次查看");
        scrollTo("case-parties");
        screenshot("21-reveal");
        assertThat(platform.shell.run("civicgrid:audit-list --type case --id " + caseId))
                .contains("case.parties.reveal").contains("qs-operator")
                .contains("电话回访当事人核实处理结果：核实噪音问题是否解决");

        browser.navigate().refresh();
        until("masked again after a reload", d -> d.findElement(By.id("case-parties")).getText().contains("138****1234"));
        assertThat(visible(By.id("case-parties")).getText()).doesNotContain("13800001234");
        Object stored = ((JavascriptExecutor) browser).executeScript(
                "return JSON.stringify(sessionStorage) + JSON.stringify(localStorage)");
        assertThat(String.valueOf(stored)).doesNotContain("13800001234");
    }

    @Test
    @Order(2)
    void anAttachmentIsUploadedListedAndDownloadedAndARefusalSaysWhy() throws Exception {
        assertThat(visible(By.id("attachment-limits")).getText()).contains("JPEG").contains("10 MB");
        Path photo = platform.home.resolve("现场照片.png");
        Files.write(photo, PNG);
        visible(By.id("attachment-file")).sendKeys(photo.toAbsolutePath().toString());
        until("the list shows it", d -> d.findElement(By.id("case-attachments")).getText().contains("现场照片.png"));
        JsonNode listed = operatorApi.get("/cases/" + caseId + "/attachments").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("mediaType").asText()).isEqualTo("image/png");

        click(By.xpath("//*[@id='case-attachments']//a[normalize-space(.)='现场照片.png']"));
        Path downloaded = downloads.resolve("现场照片.png");
        org.awaitility.Awaitility.await("the download arrives").atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.exists(downloaded) && Files.size(downloaded) == PNG.length);
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(PNG);

        // A file named like a photo that is not one: the platform refuses it and the page says why.
        Path fake = platform.home.resolve("fake.png");
        Files.writeString(fake, "<script>alert(1)</script>", StandardCharsets.UTF_8);
        visible(By.id("attachment-file")).sendKeys(fake.toAbsolutePath().toString());
        until("the refusal is shown", d -> d.findElement(By.id("attachment-error")).getText().contains("fake.png"));
        assertThat(visible(By.id("attachment-error")).getText()).contains("JPEG, PNG, PDF or MP4");
        assertThat(operatorApi.get("/cases/" + caseId + "/attachments").json()).hasSize(1);
        scrollTo("case-attachments");
        screenshot("22-attachments");
    }

    @Test
    @Order(3)
    void aResidentSeesNoRevealButton() {
        signOut();
        signIn("qs-resident");
        browser.get(base + "/console/cases/" + caseId);
        until("the parties are shown masked", d -> d.findElement(By.id("case-parties")).getText().contains("138****1234"));
        assertThat(browser.findElements(By.id("reveal-parties"))).isEmpty();
    }

    @Test
    @Order(4)
    void theCountyAdministratorAddsARoutingRuleThatTheNextCaseFollows() throws Exception {
        signOut();
        signIn("qs-admin", "county-pass-01");
        click(By.cssSelector("[data-menu=admin]"));
        click(By.id("tab-routing"));
        choose("routing-category", "路灯故障");
        choose("routing-unit", "龙港派出所 (qs-police)");
        click(By.id("routing-add"));
        until("the rule is listed", d -> d.findElement(By.id("routing-rules")).getText().contains("龙港派出所"));
        assertThat(visible(By.id("routing-rules")).getText()).contains("路灯故障").contains("控制台添加（qs-admin）");
        screenshot("23-routing-rules");

        String id = residentApi.post("/cases", "{\"title\":\"路灯不亮\",\"description\":\"村口路灯不亮\","
                + "\"category\":\"street-light\",\"channel\":\"APP\",\"regionCode\":\"" + VILLAGE + "\"}").json().path("id").asText();
        assertThat(operatorApi.post("/cases/" + id + "/transitions", "{\"action\":\"REGISTER\"}").status()).isEqualTo(200);
        org.awaitility.Awaitility.await("the rule routes the next case").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> operatorApi.post("/cases/" + id + "/transitions", "{\"action\":\"DISPATCH\"}").status() == 200);
        assertThat(operatorApi.get("/cases/" + id).json().path("unitId").asText()).isEqualTo("qs-police");
        assertThat(platform.shell.run("civicgrid:audit-list --type routing-rule")).contains("routing.rule.add")
                .contains("qs-admin");
    }

    @Test
    @Order(5)
    void theCountyAdministratorSavesTheCountysDeadlinesAndAWrongValueIsRefused() throws Exception {
        click(By.id("tab-deadlines"));
        until("the county's settings are shown", d -> d.findElement(By.id("deadline-source")).getText().contains("沿用"));
        assertThat(visible(By.id("deadline-form")).getText()).contains("默认：60");

        type("deadline-officeHours", "9点-17点");
        click(By.id("deadline-save"));
        until("the refusal says why", d -> d.findElement(By.id("deadline-error")).getText().contains("officeHours"));
        assertThat(admin.get("/case-deadlines?region=140521").json().path("own").asBoolean()).as("nothing saved").isFalse();

        type("deadline-officeHours", "08:00-12:00,14:30-18:00");
        type("deadline-registerMinutes", "30");
        browser.findElement(By.id("deadline-registerMinutes")).sendKeys(Keys.TAB);
        click(By.id("deadline-save"));
        until("saved as the county's own", d -> d.findElement(By.id("deadline-source")).getText().contains("本区域单独设置"));
        JsonNode saved = admin.get("/case-deadlines?region=140521").json();
        assertThat(saved.path("settings").path("registerMinutes").asInt()).isEqualTo(30);
        assertThat(saved.path("settings").path("officeHours").asText()).isEqualTo("08:00-12:00,14:30-18:00");
        assertThat(saved.path("changedBy").asText()).isEqualTo("qs-admin");
        screenshot("24-deadlines");
        assertThat(platform.shell.run("civicgrid:audit-list --type case-deadlines --id 140521"))
                .contains("case.deadlines.update").contains("registerMinutes 60 → 30");
    }

    // --- the browser (as ConsoleIT) ---

    private static WebDriver chromium(Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1366,900", "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
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
            until("the console asks for the code", d -> !d.findElements(By.id("login-code")).isEmpty());
            type("login-code", platform.secondFactors.freshCode(user));
            click(By.id("login-submit"));
        }
        urlContains("/console/map");
        until("the page shows it", d -> d.findElement(By.cssSelector(".cg-user-menu")).getText().contains(user));
    }

    private void signOut() {
        click(By.cssSelector(".cg-user-menu"));
        click(By.xpath("//li[contains(@class,'el-dropdown-menu__item')][contains(@class,'cg-logout') or normalize-space(.)='退出登录']"));
        urlContains("/console/login");
    }

    /** Replaces a field's text as a user does (select all, type): clear() alone is undone by the page's own state. */
    private void type(String id, String text) {
        WebElement input = visible(By.id(id));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
    }

    /** Picks an option of an Element Plus select by its text. */
    private void choose(String id, String option) {
        click(By.xpath("//*[@id='" + id + "']/ancestor::div[contains(@class,'el-select__wrapper')]"));
        click(By.xpath("//li[contains(@class,'el-select-dropdown__item')][normalize-space(.)='" + option + "']"));
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
            shown[0] = d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
            return shown[0] != null;
        });
        return shown[0];
    }

    private void urlContains(String part) {
        until("the address has " + part, d -> d.getCurrentUrl().contains(part));
    }

    private void until(String what, java.util.function.Predicate<WebDriver> condition) {
        org.awaitility.Awaitility.await(what + " (page: " + browser.getCurrentUrl() + ")").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> condition.test(browser));
    }

    private void scrollTo(String id) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'center'})", id);
    }

    private void screenshot(String name) throws IOException {
        Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    // --- the platform ---

    private Api user(String id, String name, String role, String region) {
        String password = TestPasswords.of(id);
        created(admin.post("/users", "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"password\":\"" + password
                + "\",\"roles\":[\"" + role + "\"],\"regionCode\":\"" + region + "\"}"));
        return platform.api.as(id, password);
    }

    private static void created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }
}
