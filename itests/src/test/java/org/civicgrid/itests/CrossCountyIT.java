package org.civicgrid.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

/**
 * The cross-county matrix, generated from the platform's own OpenAPI document: with the core and all three
 * plug-ins installed, 沁水县 (county A) files a case with a party and an attachment, a grid, a unit, a dispute, a
 * patrol team and a mental-health flag; then a user of 阳城县 (county B) holding every working role calls every
 * endpoint the document lists, with every id county A's objects have, and is refused or shown nothing of A's —
 * and none of A's objects changed. A new endpoint is covered the day it is published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrossCountyIT {

    private static final String COUNTY_A = "140521";
    private static final String VILLAGE_A = "140521100200";
    private static final String TOWNSHIP_A = "140521100";
    /** Written into county A's objects; county B must never see it. */
    private static final String MARKER = "甲县内部标记";
    /** Endpoints that serve no county's data: health, the division codes, the API description, fixed lists. */
    private static final Pattern PUBLIC = Pattern.compile(
            "^/(health|regions.*|openapi\\.json|me|cases/categories|mentalhealth/instruments.*)$");
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    private PlatformRun run;
    private Distribution platform;
    private Api a;
    private Api b;
    private final Set<String> idsOfA = new LinkedHashSet<>();
    private final Map<String, String> snapshotOfA = new TreeMap<>();

    @BeforeAll
    void boot() throws Exception {
        run = PlatformRun.start("crosscounty");
        platform = run.platform;
        platform.shell.run("feature:install civicgrid-mediation civicgrid-patrol civicgrid-mentalhealth");
        String everyWorkingRole = "--role COMMAND_OPERATOR --role GRID_WORKER --role GRID_LEADER --role MEDIATOR "
                + "--role COUNSELLOR --role DEPARTMENT_HANDLER --role COUNTY_ADMIN";
        platform.shell.run("civicgrid:user-add " + everyWorkingRole + " --region " + COUNTY_A + " a-all county-a-pass-01");
        platform.shell.run("civicgrid:user-add " + everyWorkingRole + " --region 140522 b-all county-b-pass-01");
        a = platform.api.as("a-all", "county-a-pass-01");
        b = platform.api.as("b-all", "county-b-pass-01");
        fileCountyAsObjects();
    }

    @AfterAll
    void shutDown() throws Exception {
        if (run != null) {
            run.close();
        }
    }

    private void fileCountyAsObjects() {
        // Core: a unit, a grid, a case with a party and an attachment.
        keep(a.post("/units", "{\"id\":\"qs-judicial\",\"name\":\"沁水县司法局" + MARKER + "\",\"kind\":\"JUDICIAL_OFFICE\","
                + "\"regionCode\":\"" + COUNTY_A + "\"}"));
        idsOfA.add("qs-judicial");
        idsOfA.add("a-all");
        keep(a.post("/grids/import", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"code\":\"" + VILLAGE_A + "901\",\"name\":\"网格" + MARKER + "\",\"parent\":\"" + VILLAGE_A + "\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[112.0,36.5],[112.01,36.5],[112.01,36.51],[112.0,36.51],[112.0,36.5]]]}}]}"));
        idsOfA.add(VILLAGE_A + "901");
        JsonNode c = keep(a.post("/cases", "{\"title\":\"路灯" + MARKER + "\",\"description\":\"村口路灯不亮" + MARKER + "\","
                + "\"category\":\"street-light\",\"channel\":\"GRID_WORKER\",\"regionCode\":\"" + VILLAGE_A + "\","
                + "\"longitude\":112.005,\"latitude\":36.505,"
                + "\"parties\":[{\"role\":\"COMPLAINANT\",\"kind\":\"PERSON\",\"name\":\"王大明\",\"phone\":\"13800001234\"}]}"));
        String caseId = c.path("id").asText();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
        Api.Reply attached = a.upload("/cases/" + caseId + "/attachments?name=photo.png", "application/octet-stream", png);
        keep(attached);
        // Plug-ins: a dispute, a patrol team, a mental-health flag.
        keep(a.post("/mediation/disputes", "{\"regionCode\":\"" + TOWNSHIP_A + "\",\"type\":\"LAND\",\"summary\":\"宅基地"
                + MARKER + "\",\"amountInDispute\":1200}"));
        keep(a.post("/patrol/teams", "{\"regionCode\":\"" + TOWNSHIP_A + "\",\"name\":\"巡防队" + MARKER + "\"}"));
        keep(a.post("/mentalhealth/flags", "{\"regionCode\":\"" + VILLAGE_A + "\",\"name\":\"李小红\",\"idNumber\":\""
                + residentId("14052119900101002") + "\",\"reason\":\"情绪低落" + MARKER + "\"}"));
        idsOfA.removeIf(id -> id.isBlank());
        assertThat(idsOfA).as("ids of county A's objects").hasSizeGreaterThanOrEqualTo(8);
        snapshotOfA.put("caseId", caseId);
        snapshotOfA.put("case", caseFacts(caseId));
        snapshotOfA.put("history", peoplesSteps(caseId));
        snapshotOfA.put("grid", a.get("/grids/" + VILLAGE_A + "901").body());
    }

    /** Records every id in a created object's answer, and hands the answer back. */
    private JsonNode keep(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
        JsonNode json = reply.json();
        collectIds(json);
        return json;
    }

    private void collectIds(JsonNode node) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if ((field.getKey().equals("id") || field.getKey().endsWith("Id")) && field.getValue().isTextual()
                        && field.getValue().asText().length() >= 8 && !field.getKey().equals("reporterId")) {
                    idsOfA.add(field.getValue().asText());
                }
                collectIds(field.getValue());
            }
        } else if (node.isArray()) {
            node.forEach(this::collectIds);
        }
    }

    @Test
    @Order(1)
    void everyEndpointRefusesCountyBOrShowsItNothingOfCountyA() {
        JsonNode paths = platform.api.get("/openapi.json").json().path("paths");
        List<String> leaks = new ArrayList<>();
        Set<String> seenByA = new LinkedHashSet<>();
        int calls = 0;
        Set<String> covered = new LinkedHashSet<>();
        Iterator<Map.Entry<String, JsonNode>> entries = paths.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String template = entry.getKey().startsWith("/api/") ? entry.getKey().substring(4) : entry.getKey();
            if (PUBLIC.matcher(template).matches()) {
                continue;
            }
            Iterator<String> methods = entry.getValue().fieldNames();
            while (methods.hasNext()) {
                String method = methods.next().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "DELETE").contains(method)) {
                    continue;
                }
                List<String> urls = concrete(template);
                if (urls.isEmpty()) {
                    // No path parameter: a list, a search, figures or a create. Lists are asked for county A's area.
                    if (!method.equals("GET")) {
                        continue;
                    }
                    urls = List.of(template, template + "?region=" + COUNTY_A, template + "?region=" + VILLAGE_A);
                }
                covered.add(method + " " + template);
                for (String url : urls) {
                    Api.Reply reply = switch (method) {
                        case "GET" -> b.get(url);
                        case "POST" -> b.post(url, "{}");
                        case "PUT" -> b.put(url, "{}");
                        default -> b.delete(url);
                    };
                    calls++;
                    String problem = leak(method, url, reply);
                    if (problem != null) {
                        leaks.add(problem);
                    }
                    // The control: the same question from county A shows its own data, so the check can see a leak.
                    if (method.equals("GET") && leak(method, url, a.get(url)) != null) {
                        seenByA.add(template);
                    }
                }
            }
        }
        System.out.println("CrossCountyIT: " + calls + " calls over " + covered.size() + " endpoints with "
                + idsOfA.size() + " ids of county A");
        assertThat(covered).as("endpoints of the core and all three plug-ins are in the matrix")
                .anyMatch(e -> e.contains("/cases/{"))
                .anyMatch(e -> e.contains("/mediation/"))
                .anyMatch(e -> e.contains("/patrol/"))
                .anyMatch(e -> e.contains("/mentalhealth/"))
                .anyMatch(e -> e.contains("/attachments"))
                .anyMatch(e -> e.contains("/audit"));
        assertThat(seenByA).as("endpoints where county A itself sees its data (the check's control)")
                .anyMatch(e -> e.startsWith("/cases/{"))
                .anyMatch(e -> e.startsWith("/mediation/"))
                .anyMatch(e -> e.startsWith("/patrol/"))
                .anyMatch(e -> e.startsWith("/grids"));
        assertThat(leaks).as("what county B got of county A").isEmpty();
    }

    @Test
    @Order(2)
    void nothingOfCountyAChanged() {
        assertThat(caseFacts(snapshotOfA.get("caseId"))).isEqualTo(snapshotOfA.get("case"));
        assertThat(peoplesSteps(snapshotOfA.get("caseId"))).isEqualTo(snapshotOfA.get("history"));
        assertThat(a.get("/grids/" + VILLAGE_A + "901").body()).isEqualTo(snapshotOfA.get("grid"));
    }

    @Test
    @Order(3)
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
                    + "</databaseChangeLog>\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        platform.shell.run("bundle:install -s file:" + jar.toAbsolutePath());
        org.awaitility.Awaitility.await("the broken plug-in shows as failed").atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofSeconds(1)).until(() -> {
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
        assertThat(a.get("/cases?region=" + COUNTY_A).status()).isEqualTo(200);
        // Each real plug-in still reads its records and takes new ones.
        Api.Reply disputes = a.get("/mediation/disputes?region=" + COUNTY_A);
        assertThat(disputes.status()).isEqualTo(200);
        assertThat(disputes.body()).contains(MARKER);
        assertThat(a.post("/mediation/disputes", "{\"regionCode\":\"" + TOWNSHIP_A + "\",\"type\":\"NEIGHBOURS\","
                + "\"summary\":\"楼上漏水\"}").status()).isEqualTo(201);
        Api.Reply teams = a.get("/patrol/teams?region=" + COUNTY_A);
        assertThat(teams.status()).isEqualTo(200);
        assertThat(teams.body()).contains(MARKER);
        Api.Reply worklist = a.get("/mentalhealth/flags?region=" + COUNTY_A);
        assertThat(worklist.status()).as(worklist.body()).isEqualTo(200);
        assertThat(worklist.body()).contains(MARKER);
        assertThat(a.post("/mentalhealth/flags", "{\"regionCode\":\"" + VILLAGE_A + "\",\"name\":\"张小兰\",\"idNumber\":\""
                + residentId("14052119920304002") + "\",\"reason\":\"家属反映失眠\"}").status()).isEqualTo(201);
        platform.shell.run("bundle:uninstall org.example.civicgrid.broken");
    }

    /** What county B must not be able to change about a case (time-dependent flags left out). */
    private String caseFacts(String caseId) {
        JsonNode c = a.get("/cases/" + caseId).json();
        return String.join("|", c.path("state").asText(), c.path("level").asText(), c.path("unitId").asText(),
                c.path("updatedAt").asText(), c.path("rating").asText(), c.path("parties").toString());
    }

    /** The steps people took (the platform's own deadline warnings may come at any time). */
    private String peoplesSteps(String caseId) {
        List<String> steps = new ArrayList<>();
        a.get("/cases/" + caseId + "/history").json().forEach(step -> {
            if (!"platform".equals(step.path("actorId").asText())) {
                steps.add(step.path("actorId").asText() + ":" + step.path("action").asText());
            }
        });
        return steps.toString();
    }

    /** Every way to fill the template's parameters with county A's ids (and codes); none without parameters. */
    private List<String> concrete(String template) {
        Matcher m = PARAM.matcher(template);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        List<String> urls = new ArrayList<>();
        if (names.isEmpty()) {
            return urls;
        }
        List<String> values = new ArrayList<>(idsOfA);
        values.add(COUNTY_A);
        values.add(VILLAGE_A);
        fill(template, names, 0, values, urls);
        return urls;
    }

    private static void fill(String template, List<String> names, int at, List<String> values, List<String> out) {
        if (at == names.size()) {
            out.add(template);
            return;
        }
        for (String value : values) {
            fill(template.replace("{" + names.get(at) + "}", value), names, at + 1, values, out);
        }
    }

    /** Why the reply gives something of county A away, or null if it does not. */
    private String leak(String method, String url, Api.Reply reply) {
        int status = reply.status();
        if (status >= 500) {
            return method + " " + url + " → " + status + " (an error instead of a refusal): " + cut(reply.body());
        }
        if (!method.equals("GET") && status < 400) {
            return method + " " + url + " → " + status + ": county B changed something of county A's";
        }
        if (status >= 400) {
            return reply.body().contains(MARKER) ? method + " " + url + " → " + status + " names county A's data" : null;
        }
        String body = reply.body();
        if (body.contains(MARKER)) {
            return method + " " + url + " → " + status + " shows county A's data: " + cut(body);
        }
        for (String id : idsOfA) {
            if (body.contains(id) && !url.contains(id)) {
                return method + " " + url + " → " + status + " shows county A's id " + id;
            }
        }
        return null;
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** A valid resident ID number (GB 11643) from its first 17 digits. */
    static String residentId(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        String checks = "10X98765432";
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + checks.charAt(sum % 11);
    }
}
