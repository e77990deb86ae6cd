package org.civicgrid.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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
 * The dashboards per handling unit, per grid worker and over time, as a county command centre reads them: real cases
 * taken through the loop over REST by the people whose steps they are (one of them in the neighbouring county), the
 * figures of the API counted exactly, a county's figures refused to the neighbouring county's operator; then the
 * console in a real headless Chromium showing them in the trend chart and the tables, and its export downloading an
 * Excel workbook whose sheets hold the same numbers, as numbers. Screenshots go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String VILLAGE = "140521100200";
    private static final String GRID = VILLAGE + "951";
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    private PlatformRun run;
    private Distribution platform;
    private Api admin;
    private Api operator;
    private Api police;
    private Api judicial;
    private Api worker;
    private Api resident;
    private Api otherCounty;
    private WebDriver browser;
    private String base;
    private Path screenshots;
    private Path downloads;

    @BeforeAll
    void boot() throws Exception {
        for (String program : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Paths.get(program))) {
                throw new AssertionError("DashboardIT drives the console in a real headless Chromium and needs " + program
                        + ": install it with `apt-get install -y chromium chromium-driver fonts-wqy-zenhei`.");
            }
        }
        run = PlatformRun.start("dashboard");
        platform = run.platform;
        base = "http://127.0.0.1:" + platform.httpPort;
        Path work = Paths.get(System.getProperty("civicgrid.it.work", "target/runs")).toAbsolutePath().getParent();
        screenshots = work.resolve("screenshots").resolve(run.database.kind().toLowerCase());
        downloads = work.resolve("downloads").resolve("dashboard-" + run.database.kind().toLowerCase());
        Files.createDirectories(screenshots);
        Files.createDirectories(downloads);
        try (Stream<Path> old = Files.list(downloads)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }

        platform.shell.run("civicgrid:user-add --role COUNTY_ADMIN --region 140521 --name 沁水县管理员 qs-admin county-pass-01");
        platform.shell.run("civicgrid:user-add --role COMMAND_OPERATOR --region 140522 yc-operator county-pass-02");
        admin = platform.api.as("qs-admin", "county-pass-01");
        otherCounty = platform.api.as("yc-operator", "county-pass-02");
        created(admin.post("/units", "{\"id\":\"qs-police\",\"name\":\"龙港派出所\",\"kind\":\"POLICE_STATION\","
                + "\"regionCode\":\"140521100\"}"));
        created(admin.post("/units", "{\"id\":\"qs-judicial\",\"name\":\"沁水县司法局\",\"kind\":\"JUDICIAL_OFFICE\","
                + "\"regionCode\":\"140521\"}"));
        operator = user("qs-operator", "沁水县指挥中心", "COMMAND_OPERATOR", "140521", null);
        police = user("qs-police-1", "龙港派出所民警", "DEPARTMENT_HANDLER", "140521100", "qs-police");
        judicial = user("qs-judicial-1", "司法局干部", "DEPARTMENT_HANDLER", "140521", "qs-judicial");
        worker = user("qs-worker", "龙港镇网格员", "GRID_WORKER", "140521100", null);
        resident = user("qs-resident", "村民", "RESIDENT", VILLAGE, null);

        Api.Reply grid = admin.post("/grids/import", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"code\":\"" + GRID + "\",\"name\":\"村口网格\",\"parent\":\"" + VILLAGE + "\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[112.0,36.5],[112.01,36.5],[112.01,36.51],[112.0,36.51],[112.0,36.5]]]}}]}");
        assertThat(grid.status()).as(grid.body()).isEqualTo(200);
        Api.Reply staffed = admin.put("/grids/" + GRID + "/staff", "{\"workers\":[\"qs-worker\"]}");
        assertThat(staffed.status()).as(staffed.body()).isEqualTo(200);

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
    void casesGoThroughTheLoop() {
        // The grid worker reports one in their grid; it is handled by the police, verified by them and rated 5.
        String first = report(worker, "路灯不亮", VILLAGE, true);
        assertThat(operator.get("/cases/" + first).json().path("gridCode").asText()).isEqualTo(GRID);
        step(operator, first, "{\"action\":\"REGISTER\"}", "REGISTERED");
        step(operator, first, "{\"action\":\"DISPATCH\",\"unitId\":\"qs-police\"}", "DISPATCHED");
        step(police, first, "{\"action\":\"ACCEPT\"}", "IN_HANDLING");
        step(police, first, "{\"action\":\"HANDLE\",\"note\":\"已修复\"}", "HANDLED");
        step(worker, first, "{\"action\":\"VERIFY\",\"note\":\"现场核实\"}", "VERIFIED");
        step(operator, first, "{\"action\":\"CLOSE\"}", "CLOSED");
        step(worker, first, "{\"action\":\"RATE\",\"rating\":5}", "CLOSED");
        // A resident's, in the same grid, still with the police.
        String second = report(resident, "井盖缺失", VILLAGE, true);
        step(operator, second, "{\"action\":\"REGISTER\"}", "REGISTERED");
        step(operator, second, "{\"action\":\"DISPATCH\",\"unitId\":\"qs-police\"}", "DISPATCHED");
        step(police, second, "{\"action\":\"ACCEPT\"}", "IN_HANDLING");
        // A resident's without a place, handled by the judicial office, verified by the resident and rated 3.
        String third = report(resident, "邻里纠纷", VILLAGE, false);
        step(operator, third, "{\"action\":\"REGISTER\"}", "REGISTERED");
        step(operator, third, "{\"action\":\"DISPATCH\",\"unitId\":\"qs-judicial\"}", "DISPATCHED");
        step(judicial, third, "{\"action\":\"ACCEPT\"}", "IN_HANDLING");
        step(judicial, third, "{\"action\":\"HANDLE\",\"note\":\"已调解\"}", "HANDLED");
        step(resident, third, "{\"action\":\"VERIFY\",\"note\":\"满意\"}", "VERIFIED");
        step(operator, third, "{\"action\":\"CLOSE\"}", "CLOSED");
        step(resident, third, "{\"action\":\"RATE\",\"rating\":3}", "CLOSED");
        // The neighbouring county's own case: 140521's figures must not count it.
        String elsewhere = report(otherCounty, "阳城县的案件", "140522", false);
        step(otherCounty, elsewhere, "{\"action\":\"REGISTER\"}", "REGISTERED");
    }

    @Test
    @Order(2)
    void theApiCountsEachUnitEachGridWorkerAndEachDay() {
        JsonNode units = operator.get("/cases/figures/units?region=140521").json();
        assertThat(units).hasSize(2);
        assertThat(unit(units, "qs-judicial")).isEqualTo(Map.of("unitName", "沁水县司法局", "received", 1L, "open", 0L,
                "closed", 1L, "overdue", 0L, "closedOnTime", 1L, "onTimeRate", 1.0, "averageRating", 3.0));
        assertThat(unit(units, "qs-police")).isEqualTo(Map.of("unitName", "龙港派出所", "received", 2L, "open", 1L,
                "closed", 1L, "overdue", 0L, "closedOnTime", 1L, "onTimeRate", 1.0, "averageRating", 5.0));

        JsonNode workers = operator.get("/cases/figures/workers").json();
        JsonNode mine = find(workers, "userId", "qs-worker");
        assertThat(mine.path("name").asText()).isEqualTo("龙港镇网格员");
        assertThat(mine.path("grids").toString()).isEqualTo("[\"" + GRID + "\"]");
        assertThat(List.of(mine.path("reported").asLong(), mine.path("inGrids").asLong(), mine.path("verified").asLong(),
                mine.path("closed").asLong(), mine.path("overdue").asLong(), mine.path("closedOnTime").asLong()))
                .containsExactly(1L, 2L, 1L, 1L, 0L, 1L);
        assertThat(mine.path("onTimeRate").asDouble()).isEqualTo(1.0);
        assertThat(mine.path("averageRating").asDouble()).isEqualTo(5.0);

        JsonNode trend = operator.get("/cases/figures/trend?region=140521").json();
        assertThat(trend.path("interval").asText()).isEqualTo("DAY");
        assertThat(trend.path("points")).hasSize(30);
        assertThat(sum(trend, "reported")).isEqualTo(3);
        assertThat(sum(trend, "closed")).isEqualTo(2);
        assertThat(sum(trend, "closedOnTime")).isEqualTo(2);
        JsonNode city = operator.get("/cases/figures/trend?region=140521&from=" + LocalDate.now().minusDays(200)
                + "&to=" + LocalDate.now().plusDays(1)).json();
        assertThat(city.path("interval").asText()).isEqualTo("WEEK");
        assertThat(sum(city, "reported")).isEqualTo(3);
        // The neighbouring county sees its own case only.
        assertThat(sum(otherCounty.get("/cases/figures/trend").json(), "reported")).isEqualTo(1);
        assertThat(otherCounty.get("/cases/figures/units").json()).isEmpty();
    }

    @Test
    @Order(3)
    void anotherCountyResidentsAndBadRangesAreRefused() {
        for (String figures : List.of("units", "workers", "trend")) {
            Api.Reply refused = otherCounty.get("/cases/figures/" + figures + "?region=140521");
            assertThat(refused.status()).as(figures).isEqualTo(403);
            assertThat(refused.json().path("detail").asText()).contains("outside your area");
            assertThat(resident.get("/cases/figures/" + figures).status()).as(figures).isEqualTo(403);
        }
        Api.Reply backwards = operator.get("/cases/figures/trend?from=2026-11-30&to=2026-11-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().path("detail").asText()).contains("after");
        Api.Reply tooLong = operator.get("/cases/figures/trend?from=2024-01-01&to=2026-11-01");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("detail").asText()).contains("366");
        assertThat(operator.get("/cases/figures/trend?from=yesterday").status()).isEqualTo(400);
    }

    @Test
    @Order(4)
    void theDashboardShowsTheTrendTheUnitsAndTheGridWorkers() throws Exception {
        signIn("qs-operator");
        click(By.cssSelector("[data-menu=dashboard]"));
        until("the page shows the figures", d -> statistic("figure-total") == 3);
        until("the trend is drawn", d -> !d.findElements(By.cssSelector("#chart-trend canvas")).isEmpty()
                && "30".equals(d.findElement(By.id("chart-trend")).getAttribute("data-points")));
        until("the satisfaction chart is drawn", d -> !d.findElements(By.cssSelector("#chart-satisfaction canvas")).isEmpty());
        List<String> police = rowOf("table-units", "龙港派出所");
        assertThat(police).containsSubsequence("龙港派出所", "2", "1", "1", "0", "1", "100.0%", "5.00");
        assertThat(rowOf("table-units", "沁水县司法局")).containsSubsequence("沁水县司法局", "1", "0", "1", "0", "1", "100.0%", "3.00");
        List<String> worker = rowOf("table-workers", "qs-worker");
        assertThat(worker).containsSubsequence("龙港镇网格员 (qs-worker)", "1", "1", "2", "1", "1", "0", "1", "100.0%", "5.00");
        scrollTo("chart-trend");
        screenshot("21-dashboard-trend");
        scrollTo("table-units");
        screenshot("20-dashboard-departments");

        // Sorting by received: the judicial office (1) first going up, the police (2) first going down.
        String received = "//*[@id='table-units']//th[.//div[contains(@class,'cell')][normalize-space(.)='承办']]";
        click(By.xpath(received + "//i[contains(@class,'sort-caret') and contains(@class,'ascending')]"));
        until("the units are sorted up", d -> firstCells("table-units").equals(List.of("沁水县司法局", "龙港派出所")));
        click(By.xpath(received + "//i[contains(@class,'sort-caret') and contains(@class,'descending')]"));
        until("the units are sorted down", d -> firstCells("table-units").equals(List.of("龙港派出所", "沁水县司法局")));
    }

    @Test
    @Order(5)
    void theExportIsAnExcelWorkbookWithASheetPerSetOfFigures() throws Exception {
        click(By.id("dashboard-export"));
        Path[] file = new Path[1];
        until("the workbook is downloaded", d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                file[0] = files.filter(f -> f.getFileName().toString().endsWith(".xlsx")).findFirst().orElse(null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return file[0] != null;
        });
        String name = file[0].getFileName().toString();
        assertThat(name).matches("案件统计-140521-\\d{4}-\\d{2}-\\d{2}\\.xlsx");
        assertThat(List.of(LocalDate.now().toString(), LocalDate.now().minusDays(1).toString(),
                LocalDate.now().plusDays(1).toString())).contains(name.substring(12, 22));

        Map<String, List<List<Object>>> sheets = workbook(Files.readAllBytes(file[0]));
        assertThat(sheets.keySet()).containsExactly("概况", "状态类别层级", "下级区域", "承办单位", "网格员", "趋势");
        assertThat(sheets.get("概况")).contains(List.of("案件总数", 3.0), List.of("已结案", 2.0));
        assertThat(sheets.get("状态类别层级")).contains(List.of("按状态", "处置中", 1.0), List.of("按状态", "已结案", 2.0));
        assertThat(sheets.get("下级区域")).contains(List.of("140521100", "龙港镇", 3.0, 1.0, 0.0, 2.0));

        List<List<Object>> units = sheets.get("承办单位");
        assertThat(units.get(0)).containsExactly("承办单位", "账号", "承办", "在办", "办结", "超期", "按期办结", "按期办结率", "满意度");
        assertThat(units).contains(List.of("龙港派出所", "qs-police", 2.0, 1.0, 1.0, 0.0, 1.0, 1.0, 5.0),
                List.of("沁水县司法局", "qs-judicial", 1.0, 0.0, 1.0, 0.0, 1.0, 1.0, 3.0));

        List<List<Object>> workers = sheets.get("网格员");
        assertThat(workers.get(0)).startsWith("网格员", "账号", "所在网格", "上报", "网格内案件", "核查");
        assertThat(workers).contains(List.of("龙港镇网格员", "qs-worker", GRID, 1.0, 2.0, 1.0, 1.0, 0.0, 1.0, 1.0, 5.0));

        List<List<Object>> trend = sheets.get("趋势");
        assertThat(trend.get(0)).containsExactly("开始日期", "结束日期", "上报", "办结", "按期办结", "按期办结率");
        assertThat(trend).hasSize(31);
        assertThat(trend.subList(1, 31).stream().mapToDouble(r -> (Double) r.get(2)).sum()).isEqualTo(3.0);
        assertThat(trend.subList(1, 31).stream().mapToDouble(r -> (Double) r.get(3)).sum()).isEqualTo(2.0);
    }

    // --- the workbook ---

    /**
     * The sheets of an .xlsx file by name, in the workbook's order: each row's cells as text (shared or inline
     * strings) or numbers, read with java.util.zip from the sheets' XML.
     */
    private static Map<String, List<List<Object>>> workbook(byte[] xlsx) throws IOException {
        Map<String, String> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        List<String> shared = new ArrayList<>();
        Matcher si = Pattern.compile("<si>(.*?)</si>", Pattern.DOTALL).matcher(parts.getOrDefault("xl/sharedStrings.xml", ""));
        while (si.find()) {
            shared.add(text(si.group(1)));
        }
        Map<String, String> targets = new HashMap<>();
        Matcher rel = Pattern.compile("<Relationship [^>]*?Id=\"([^\"]+)\"[^>]*?Target=\"([^\"]+)\"|<Relationship [^>]*?Target=\"([^\"]+)\"[^>]*?Id=\"([^\"]+)\"")
                .matcher(parts.get("xl/_rels/workbook.xml.rels"));
        while (rel.find()) {
            String id = rel.group(1) != null ? rel.group(1) : rel.group(4);
            String target = rel.group(2) != null ? rel.group(2) : rel.group(3);
            targets.put(id, target.startsWith("/") ? target.substring(1) : "xl/" + target);
        }
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        Matcher sheet = Pattern.compile("<sheet [^>]*?/>").matcher(parts.get("xl/workbook.xml"));
        while (sheet.find()) {
            String name = attribute(sheet.group(), "name");
            String id = attribute(sheet.group(), "r:id");
            sheets.put(name, rows(parts.get(targets.get(id)), shared));
        }
        return sheets;
    }

    private static List<List<Object>> rows(String xml, List<String> shared) {
        List<List<Object>> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<row[^>]*>(.*?)</row>", Pattern.DOTALL).matcher(xml);
        Pattern cell = Pattern.compile("<c ([^>]*?)(?:/>|>(.*?)</c>)", Pattern.DOTALL);
        while (row.find()) {
            List<Object> cells = new ArrayList<>();
            Matcher c = cell.matcher(row.group(1));
            while (c.find()) {
                String type = attribute(c.group(1), "t");
                String body = c.group(2) == null ? "" : c.group(2);
                Matcher v = Pattern.compile("<v>(.*?)</v>").matcher(body);
                if ("s".equals(type)) {
                    cells.add(v.find() ? shared.get(Integer.parseInt(v.group(1))) : "");
                } else if ("inlineStr".equals(type) || "str".equals(type)) {
                    cells.add(text(body));
                } else {
                    cells.add(v.find() ? (Object) Double.parseDouble(v.group(1)) : null);
                }
            }
            while (!cells.isEmpty() && cells.get(cells.size() - 1) == null) {
                cells.remove(cells.size() - 1);
            }
            rows.add(cells);
        }
        return rows;
    }

    private static String text(String xml) {
        StringBuilder out = new StringBuilder();
        Matcher t = Pattern.compile("<t[^>]*>(.*?)</t>", Pattern.DOTALL).matcher(xml);
        while (t.find()) {
            out.append(t.group(1));
        }
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&amp;", "&");
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("(?:^|\\s)" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1) : null;
    }

    // --- the API ---

    private String report(Api as, String title, String region, boolean inGrid) {
        Api.Reply reported = as.post("/cases", "{\"title\":\"" + title + "\",\"description\":\"" + title + "，请处理\","
                + "\"category\":\"street-light\",\"channel\":\"APP\",\"regionCode\":\"" + region + "\""
                + (inGrid ? ",\"longitude\":112.005,\"latitude\":36.505" : "") + "}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        return reported.json().path("id").asText();
    }

    private static void step(Api as, String id, String request, String expectedState) {
        Api.Reply reply = as.post("/cases/" + id + "/transitions", request);
        assertThat(reply.status()).as(request + " → " + reply.body()).isEqualTo(200);
        assertThat(reply.json().path("state").asText()).isEqualTo(expectedState);
    }

    private static Map<String, Object> unit(JsonNode units, String id) {
        JsonNode u = find(units, "unitId", id);
        return Map.of("unitName", u.path("unitName").asText(), "received", u.path("received").asLong(),
                "open", u.path("open").asLong(), "closed", u.path("closed").asLong(),
                "overdue", u.path("overdue").asLong(), "closedOnTime", u.path("closedOnTime").asLong(),
                "onTimeRate", u.path("onTimeRate").asDouble(), "averageRating", u.path("averageRating").asDouble());
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("No " + field + " " + value + " in " + list);
    }

    private static long sum(JsonNode trend, String field) {
        long sum = 0;
        for (JsonNode point : trend.path("points")) {
            sum += point.path(field).asLong();
        }
        return sum;
    }

    private Api user(String id, String name, String role, String region, String unit) {
        String password = TestPasswords.of(id);
        created(admin.post("/users", "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"password\":\"" + password
                + "\",\"roles\":[\"" + role + "\"],\"regionCode\":\"" + region + "\""
                + (unit == null ? "" : ",\"unitId\":\"" + unit + "\"") + "}"));
        return platform.api.as(id, password);
    }

    private static void created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    // --- the browser ---

    private static WebDriver chromium(Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1366,900", "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "download.directory_upgrade", true,
                "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).build();
        return new ChromeDriver(service, options);
    }

    private void signIn(String user) {
        browser.get(base + "/console/login");
        type("login-user", user);
        type("login-password", TestPasswords.of(user));
        click(By.id("login-submit"));
        until("the address has /console/map", d -> d.getCurrentUrl().contains("/console/map"));
        until("the page shows it", d -> d.findElement(By.cssSelector(".cg-user-menu")).getText().contains(user));
    }

    /** The cells' text of the table row whose text contains the given text. */
    private List<String> rowOf(String table, String text) {
        java.util.concurrent.atomic.AtomicReference<List<String>> cells = new java.util.concurrent.atomic.AtomicReference<>();
        until("the table " + table + " has a row with " + text, d -> {
            for (WebElement row : d.findElements(By.cssSelector("#" + table + " .el-table__body tr"))) {
                if (row.getText().contains(text)) {
                    cells.set(row.findElements(By.cssSelector("td")).stream().map(c -> c.getText().trim()).toList());
                    return true;
                }
            }
            return false;
        });
        return cells.get();
    }

    private List<String> firstCells(String table) {
        return browser.findElements(By.cssSelector("#" + table + " .el-table__body tr td:first-child")).stream()
                .map(c -> c.getText().trim()).toList();
    }

    private long statistic(String id) {
        List<WebElement> found = browser.findElements(By.cssSelector("#" + id + " .el-statistic__number"));
        if (found.isEmpty()) {
            return -1;
        }
        String digits = found.get(0).getText().replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }

    private void scrollTo(String id) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'start'})", id);
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
            shown[0] = d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
            return shown[0] != null;
        });
        return shown[0];
    }

    /** Polls the page until the condition holds; a page changing under the test (stale elements) is polled again. */
    private void until(String what, java.util.function.Predicate<WebDriver> condition) {
        org.awaitility.Awaitility.await(what + " (page: " + browser.getCurrentUrl() + ")").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> condition.test(browser));
    }

    private void screenshot(String name) throws IOException {
        Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
