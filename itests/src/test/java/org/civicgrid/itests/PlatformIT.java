package org.civicgrid.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The platform as an operator meets it: a fresh distribution boots offline on its database, serves health,
 * regions and its API description, takes the mediation plug-in at runtime (shell and KAR) without touching
 * the core, keeps the plug-in's data across uninstall, and loses nothing to {@code kill -9}.
 * Runs once on H2 and once on PostgreSQL (system property {@code civicgrid.it.database}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    private static final String DISPUTES = "/mediation/disputes";

    private TestDatabase database;
    private Distribution platform;
    private final Map<String, Object> timings = new LinkedHashMap<>();
    private Api mediator;
    private String firstDispute;
    private String secondDispute;

    @BeforeAll
    void boot() throws Exception {
        database = TestDatabase.selected();
        platform = Distribution.unpack("platform-" + database.kind().toLowerCase(), database);
        timings.put("database", database.kind());
        timings.put("boot_to_health_ms", platform.start().toMillis());
        // There are no default accounts: an administrator creates the first users from the Karaf shell.
        platform.shell.run("civicgrid:user-add --role MEDIATOR --region 1405 --name 调解员 mediator peace-pass-01");
        mediator = platform.api.as("mediator", "peace-pass-01");
    }

    @AfterAll
    void shutDown() throws Exception {
        try {
            if (platform != null) {
                platform.stop();
                Path figures = Paths.get(System.getProperty("civicgrid.it.work", "target/runs"))
                        .resolve("timings-" + database.kind().toLowerCase() + ".properties");
                Properties p = new Properties();
                timings.forEach((k, v) -> p.setProperty(k, String.valueOf(v)));
                try (var out = Files.newBufferedWriter(figures)) {
                    p.store(out, "Measured by PlatformIT (not asserted)");
                }
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    @Order(1)
    void healthShowsEveryCoreComponentActiveAndTheDatabase() {
        JsonNode health = platform.api.get("/health").json();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        List<String> components = new ArrayList<>();
        health.path("components").forEach(c -> {
            // NOT_CONFIGURED: a component that exists once per configuration file, and there is none yet.
            assertThat(c.path("state").asText()).as(c.path("name").asText()).isIn("ACTIVE", "NOT_CONFIGURED");
            components.add(c.path("name").asText());
        });
        assertThat(components).contains(
                "org.civicgrid.core.persistence.internal.LiquibaseSchemaMigrator",
                "org.civicgrid.core.region.internal.JpaRegionService",
                "org.civicgrid.core.rest.internal.HealthResource",
                "org.civicgrid.core.rest.internal.RegionResource");
        JsonNode db = check(health, "database");
        assertThat(db.path("status").asText()).isEqualTo("UP");
        assertThat(db.path("kind").asText()).isEqualTo(database.kind());
        assertThat(db.path("reachable").asBoolean()).isTrue();
        assertThat(migration(db, "org.civicgrid.core.region").path("version").asText()).isEqualTo("region-1");
        assertThat(db.toString()).doesNotContain("password");
        assertThat(health.path("plugins")).isEmpty();
    }

    @Test
    @Order(2)
    void regionsOfJinchengAreServedFromTheDatabase() throws Exception {
        JsonNode city = platform.api.get("/regions/1405").json();
        assertThat(city.path("name").asText()).isEqualTo("晋城市");
        assertThat(city.path("level").asText()).isEqualTo("CITY");

        List<String> counties = new ArrayList<>();
        platform.api.get("/regions/1405/children").json().forEach(c -> counties.add(c.path("name").asText()));
        assertThat(counties).containsExactly("城区", "沁水县", "阳城县", "陵川县", "泽州县", "高平市");

        JsonNode townships = platform.api.get("/regions/140521/children").json();
        assertThat(townships.get(0).path("level").asText()).isEqualTo("TOWNSHIP");
        assertThat(townships.toString()).contains("龙港镇");
        JsonNode villages = platform.api.get("/regions/140521100/children").json();
        assertThat(villages.size()).isGreaterThan(5);
        assertThat(villages.get(0).path("level").asText()).isEqualTo("VILLAGE");
        if (database.count("cg_region") >= 0) {
            // 1 province + 1 city + 6 counties + townships + 1,729 villages/communities, read from PostgreSQL itself.
            assertThat(database.count("cg_region")).isGreaterThan(1729 + 8);
        }
    }

    @Test
    @Order(3)
    void badRequestsGetAProblemDocumentWithoutInternals() {
        Api.Reply unknown = platform.api.get("/regions/999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().path("detail").asText()).contains("999999");

        Api.Reply malformed = platform.api.get("/regions/14052x");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("title").asText()).isEqualTo("Bad request");

        Api.Reply noSuchPath = platform.api.get("/no/such/thing");
        assertThat(noSuchPath.status()).isEqualTo(404);
        assertThat(noSuchPath.contentType()).startsWith("application/problem+json");
        for (Api.Reply reply : List.of(unknown, malformed, noSuchPath)) {
            assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("org.civicgrid");
        }
    }

    @Test
    @Order(4)
    void openApiDescribesTheCoreApi() {
        JsonNode paths = platform.api.get("/openapi.json").json().path("paths");
        assertThat(paths.has("/health")).isTrue();
        assertThat(paths.has("/regions/{code}")).isTrue();
        assertThat(paths.has("/regions/{code}/children")).isTrue();
        assertThat(paths.has(DISPUTES)).isFalse();
    }

    @Test
    @Order(5)
    void theDistributionUsesNoRemoteMavenRepository() throws IOException {
        Properties mvn = new Properties();
        try (var in = Files.newBufferedReader(platform.home.resolve("etc/org.ops4j.pax.url.mvn.cfg"))) {
            mvn.load(in);
        }
        assertThat(mvn.getProperty("org.ops4j.pax.url.mvn.repositories", "").trim()).isEmpty();
        assertThat(mvn.getProperty("org.ops4j.pax.url.mvn.localRepository")).isEqualTo("${karaf.data}/repository");
        assertThat(mvn.getProperty("org.ops4j.pax.url.mvn.defaultLocalRepoAsRemote")).isEqualTo("false");
        // Every install below resolves from system/ (or the KAR) alone: nothing else is reachable to it.
    }

    @Test
    @Order(6)
    void thePluginInstallsAtRuntimeWithoutRestartingTheCore() throws Exception {
        assertThat(mediator.get(DISPUTES + "?region=1405").status()).isEqualTo(404);
        CoreState before = coreState();

        long started = System.nanoTime();
        platform.shell.run("feature:install civicgrid-mediation");
        awaitStatus(DISPUTES + "?region=1405", 200);
        timings.put("feature_install_to_first_200_ms", (System.nanoTime() - started) / 1_000_000);

        assertThat(coreState()).isEqualTo(before);
        JsonNode health = platform.api.get("/health").json();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode plugin = health.path("plugins").get(0);
        assertThat(plugin.path("name").asText()).isEqualTo("mediation");
        assertThat(plugin.path("version").asText()).startsWith("0.1.0");
        assertThat(plugin.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(migration(check(health, "database"), "org.civicgrid.plugin.mediation").path("version").asText())
                .startsWith("mediation-");
        assertThat(platform.api.get("/openapi.json").json().path("paths").has(DISPUTES)).isTrue();
        assertThat(mediator.get("/cases/categories").json().toString()).as("the plug-in's case category")
                .contains("mediation-dispute");

        Api.Reply created = mediator.post(DISPUTES,
                "{\"regionCode\":\"140521100\",\"type\":\"LAND\",\"summary\":\"两户宅基地边界争议\",\"amountInDispute\":1200.50}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        firstDispute = created.json().path("id").asText();
        assertThat(created.location()).endsWith(DISPUTES + "/" + firstDispute);
        JsonNode read = mediator.get(DISPUTES + "/" + firstDispute).json();
        assertThat(platform.api.get(DISPUTES + "/" + firstDispute).status()).as("without signing in").isEqualTo(401);
        assertThat(read.path("regionName").asText()).isEqualTo("龙港镇");
        assertThat(read.path("amountInDispute").decimalValue()).isEqualByComparingTo("1200.50");
    }

    @Test
    @Order(7)
    void badIntakeIsRefusedWithTheReasonAndWritesNothing() throws Exception {
        int before = mediator.get(DISPUTES + "?region=1405").json().size();
        Api.Reply unknownRegion = mediator.post(DISPUTES, "{\"regionCode\":\"140599100\",\"type\":\"LAND\",\"summary\":\"x\"}");
        assertThat(unknownRegion.status()).isEqualTo(400);
        assertThat(unknownRegion.json().path("detail").asText()).contains("140599100");
        Api.Reply badType = mediator.post(DISPUTES, "{\"regionCode\":\"140521\",\"type\":\"WEATHER\",\"summary\":\"x\"}");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().path("detail").asText()).contains("'type'").contains("NEIGHBOURS");
        Api.Reply notJson = mediator.post(DISPUTES, "{\"regionCode\":");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(mediator.get(DISPUTES + "?region=1405").json().size()).isEqualTo(before);
        if (database.count("med_dispute") >= 0) {
            assertThat(database.count("med_dispute")).isEqualTo(before);
        }
    }

    @Test
    @Order(8)
    void uninstallRemovesTheEndpointAndKeepsTheData() throws Exception {
        CoreState before = coreState();
        platform.shell.run("feature:uninstall civicgrid-mediation");
        awaitStatus(DISPUTES + "?region=1405", 404);
        assertThat(coreState()).isEqualTo(before);
        assertThat(platform.api.get("/health").json().path("plugins")).isEmpty();
        assertThat(mediator.get("/cases/categories").json().toString()).doesNotContain("mediation-dispute");
        if (database.count("med_dispute") >= 0) {
            assertThat(database.count("med_dispute")).isEqualTo(1);
        }

        platform.shell.run("feature:install civicgrid-mediation");
        awaitStatus(DISPUTES + "?region=1405", 200);
        assertThat(mediator.get(DISPUTES + "/" + firstDispute).json().path("summary").asText())
                .isEqualTo("两户宅基地边界争议");
        assertThat(coreState()).isEqualTo(before);
        platform.shell.run("feature:uninstall civicgrid-mediation");
        awaitStatus(DISPUTES + "?region=1405", 404);
    }

    @Test
    @Order(9)
    void aKarDroppedIntoDeployInstallsThePlugin() throws Exception {
        CoreState before = coreState();
        Path kar = Paths.get(System.getProperty("civicgrid.it.kar"));
        long started = System.nanoTime();
        Files.copy(kar, platform.home.resolve("deploy").resolve(kar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        awaitStatus(DISPUTES + "?region=1405", 200);
        timings.put("kar_deploy_to_first_200_ms", (System.nanoTime() - started) / 1_000_000);
        assertThat(coreState()).isEqualTo(before);
        assertThat(mediator.get(DISPUTES + "/" + firstDispute).status()).isEqualTo(200);

        Api.Reply created = mediator.post(DISPUTES,
                "{\"regionCode\":\"140524\",\"type\":\"NEIGHBOURS\",\"summary\":\"楼上漏水\"}");
        assertThat(created.status()).isEqualTo(201);
        secondDispute = created.json().path("id").asText();
    }

    @Test
    @Order(10)
    void killNineLosesNothingAndRegionsAreNotLoadedTwice() throws Exception {
        platform.kill();
        Duration restart = platform.start();
        timings.put("restart_after_kill9_to_health_ms", restart.toMillis());
        awaitStatus(DISPUTES + "?region=1405", 200);
        assertThat(mediator.get(DISPUTES + "/" + firstDispute).status()).isEqualTo(200);
        assertThat(mediator.get(DISPUTES + "/" + secondDispute).json().path("summary").asText()).isEqualTo("楼上漏水");
        assertThat(platform.log()).contains("Divisions of city 1405 already loaded");
        assertThat(platform.api.get("/health").json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    @Order(11)
    void removingTheKarUninstallsThePluginAndKeepsItsData() throws Exception {
        CoreState before = coreState();
        Path kar = Paths.get(System.getProperty("civicgrid.it.kar"));
        Path deployed = platform.home.resolve("deploy").resolve(kar.getFileName());
        Files.delete(deployed);
        awaitStatus(DISPUTES + "?region=1405", 404);
        assertThat(coreState()).isEqualTo(before);
        if (database.count("med_dispute") >= 0) {
            assertThat(database.count("med_dispute")).isEqualTo(2);
        }
        Files.copy(kar, deployed);
        awaitStatus(DISPUTES + "?region=1405", 200);
        assertThat(mediator.get(DISPUTES + "?region=1405").json().size()).isEqualTo(2);
        assertThat(coreState()).isEqualTo(before);
    }

    private CoreState coreState() {
        return CoreState.of(platform, List.of("civicgrid mediation studio"));
    }

    private void awaitStatus(String path, int status) {
        await(path + " answers " + status).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> mediator.status(path) == status);
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("No health check named " + name + " in " + health);
    }

    private static JsonNode migration(JsonNode database, String owner) {
        for (JsonNode m : database.path("migrations")) {
            if (owner.equals(m.path("owner").asText())) {
                return m;
            }
        }
        throw new AssertionError("No migration of " + owner + " in " + database);
    }
}
