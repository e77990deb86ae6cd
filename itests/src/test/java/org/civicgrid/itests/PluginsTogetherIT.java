package org.civicgrid.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The three county plug-ins on one running platform, as a county's IT staff would handle them: installed in three
 * different orders and removed in two, each of them at one time as a KAR file installed offline
 * ({@code kar:install}, removed with {@code kar:uninstall}) and at another as a feature. All the while residents keep
 * reporting cases and an operator keeps reading them; no core bundle or component may be restarted, and each
 * plug-in's records are there again when it returns.
 *
 * <p>Not one of those requests may fail: while a plug-in's resources join or leave the {@code /api} application
 * the whiteboard rebuilds its endpoint, and the platform holds requests for that moment instead of answering 404.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginsTogetherIT {

    private static final List<String> PLUGIN_BUNDLES =
            List.of("civicgrid mediation studio", "civicgrid patrol", "civicgrid mental-health screening");
    private static final String DISPUTES = "/mediation/disputes";
    private static final String TEAMS = "/patrol/teams";
    private static final String CAMPAIGNS = "/mentalhealth/campaigns";

    private PlatformRun run;
    private Distribution platform;
    private Api mediator;
    private Api patrolAdmin;
    private Api counsellor;
    private CoreState core;
    private CoreLoad load;
    private String disputeId;
    private String teamId;
    private String campaignId;
    private String patrolRepository;

    @BeforeAll
    void boot() throws Exception {
        run = PlatformRun.start("plugins");
        platform = run.platform;
        mediator = user("qs-mediator", "MEDIATOR", "140521");
        patrolAdmin = user("lc-admin", "COUNTY_ADMIN", "140524");
        counsellor = user("zz-counsellor", "COUNSELLOR", "140525");
        user("yc-resident", "RESIDENT", "140522100001");
        user("yc-operator", "COMMAND_OPERATOR", "140522");
        core = CoreState.of(platform, PLUGIN_BUNDLES);
        load = new CoreLoad(platform.api.as("yc-resident", TestPasswords.of("yc-resident")),
                platform.api.as("yc-operator", TestPasswords.of("yc-operator")));
        load.start();
    }

    @AfterAll
    void shutDown() throws Exception {
        if (load != null) {
            load.stop();
        }
        if (run != null) {
            run.close();
        }
    }

    @Test
    @Order(1)
    void twoKarsOfflineAndOneFeatureInstallWhileTheCoreKeepsServing() {
        assertThat(patrolAdmin.get(TEAMS + "?region=140524").status()).isEqualTo(404);
        platform.shell.run("kar:install " + kar("patrol").toUri());
        awaitStatus(patrolAdmin, TEAMS + "?region=140524", 200);
        assertThat(CoreState.of(platform, PLUGIN_BUNDLES)).isEqualTo(core);

        platform.shell.run("kar:install " + kar("mentalhealth").toUri());
        awaitStatus(counsellor, "/mentalhealth/instruments", 200);
        assertThat(CoreState.of(platform, PLUGIN_BUNDLES)).isEqualTo(core);

        platform.shell.run("feature:install civicgrid-mediation");
        awaitStatus(mediator, DISPUTES + "?region=140521", 200);
        assertThat(CoreState.of(platform, PLUGIN_BUNDLES)).isEqualTo(core);

        JsonNode health = platform.api.get("/health").json();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        List<String> plugins = new java.util.ArrayList<>();
        health.path("plugins").forEach(plugin -> plugins.add(plugin.path("name").asText() + " "
                + plugin.path("state").asText()));
        assertThat(plugins).containsExactlyInAnyOrder("mediation ACTIVE", "patrol ACTIVE", "mentalhealth ACTIVE");
        String openApi = platform.api.get("/openapi.json").body();
        assertThat(openApi).contains("\"/mediation/disputes/{id}\"").contains("\"/patrol/teams\"")
                .contains("\"/mentalhealth/campaigns\"").contains("\"/cases/{id}\"");
        load.assertNothingFailed();
    }

    @Test
    @Order(2)
    void eachPluginKeepsItsOwnRecords() {
        Api.Reply dispute = mediator.post(DISPUTES,
                "{\"regionCode\":\"140521100\",\"type\":\"NEIGHBOURS\",\"summary\":\"邻里排水沟纠纷\"}");
        assertThat(dispute.status()).as(dispute.body()).isEqualTo(201);
        disputeId = dispute.json().path("id").asText();

        Api.Reply team = patrolAdmin.post(TEAMS, "{\"regionCode\":\"140524100\",\"name\":\"城关老干部巡防队\"}");
        assertThat(team.status()).as(team.body()).isEqualTo(201);
        teamId = team.json().path("id").asText();

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Api.Reply campaign = counsellor.post(CAMPAIGNS, "{\"regionCode\":\"140525\",\"name\":\"泽州县秋季心理健康筛查\","
                + "\"instruments\":[\"PHQ-9\"],\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today.plusDays(30) + "\"}");
        assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
        campaignId = campaign.json().path("id").asText();
        load.assertNothingFailed();
    }

    @Test
    @Order(3)
    void removedInAnotherOrderEachGoesAloneAndTheOthersKeepServing() {
        platform.shell.run("feature:uninstall civicgrid-mediation");
        awaitStatus(mediator, DISPUTES + "/" + disputeId, 404);
        assertThat(patrolAdmin.get(TEAMS + "/" + teamId).status()).isEqualTo(200);
        assertThat(counsellor.get(CAMPAIGNS + "/" + campaignId).status()).isEqualTo(200);

        patrolRepository = repositoryOf("civicgrid-patrol-features");
        platform.shell.run("kar:uninstall civicgrid-patrol-features");
        awaitStatus(patrolAdmin, TEAMS + "/" + teamId, 404);
        assertThat(counsellor.get(CAMPAIGNS + "/" + campaignId).status()).isEqualTo(200);

        platform.shell.run("kar:uninstall civicgrid-mentalhealth-features");
        awaitStatus(counsellor, CAMPAIGNS + "/" + campaignId, 404);

        assertThat(platform.api.get("/health").json().path("plugins")).isEmpty();
        assertThat(platform.shell.run("bundle:list -t 0 --no-format")).doesNotContain("civicgrid patrol")
                .doesNotContain("civicgrid mediation studio");
        assertThat(CoreState.of(platform, PLUGIN_BUNDLES)).isEqualTo(core);
        load.assertNothingFailed();
    }

    @Test
    @Order(4)
    void addedBackInYetAnotherOrderTheirRecordsAreThere() {
        // Removing a KAR also removes its features repository, though the distribution ships it too: a plug-in
        // removed with kar:uninstall comes back with its KAR, or with its repository added again.
        assertThat(platform.shell.runAllowingErrors("feature:install civicgrid-patrol")).contains("No matching features");
        platform.shell.run("kar:install " + kar("mentalhealth").toUri());
        awaitStatus(counsellor, CAMPAIGNS + "/" + campaignId, 200);
        platform.shell.run("kar:install " + kar("mediation").toUri());
        awaitStatus(mediator, DISPUTES + "/" + disputeId, 200);
        platform.shell.run("feature:repo-add " + patrolRepository);
        platform.shell.run("feature:install civicgrid-patrol");
        awaitStatus(patrolAdmin, TEAMS + "/" + teamId, 200);

        assertThat(platform.shell.run("kar:list")).contains("civicgrid-mediation-features")
                .contains("civicgrid-mentalhealth-features");
        assertRecordsAreThere();
        assertThat(CoreState.of(platform, PLUGIN_BUNDLES)).isEqualTo(core);
        load.assertNothingFailed();
    }

    @Test
    @Order(5)
    void removedInASecondOrderTheMediationKarToo() {
        platform.shell.run("feature:uninstall civicgrid-patrol");
        awaitStatus(patrolAdmin, TEAMS + "/" + teamId, 404);
        assertThat(mediator.get(DISPUTES + "/" + disputeId).status()).isEqualTo(200);
        assertThat(counsellor.get(CAMPAIGNS + "/" + campaignId).status()).isEqualTo(200);

        platform.shell.run("kar:uninstall civicgrid-mediation-features");
        awaitStatus(mediator, DISPUTES + "/" + disputeId, 404);
        assertThat(counsellor.get(CAMPAIGNS + "/" + campaignId).status()).isEqualTo(200);
        assertThat(platform.shell.run("kar:list")).doesNotContain("civicgrid-mediation-features");

        platform.shell.run("kar:uninstall civicgrid-mentalhealth-features");
        awaitStatus(counsellor, CAMPAIGNS + "/" + campaignId, 404);

        assertThat(platform.api.get("/health").json().path("plugins")).isEmpty();
        assertThat(platform.shell.run("bundle:list -t 0 --no-format")).doesNotContain("civicgrid patrol")
                .doesNotContain("civicgrid mediation studio").doesNotContain("civicgrid mental-health screening");
        assertThat(CoreState.of(platform, PLUGIN_BUNDLES)).isEqualTo(core);
        load.assertNothingFailed();
    }

    @Test
    @Order(6)
    void addedBackInAThirdOrderTheirRecordsAreThere() throws InterruptedException {
        platform.shell.run("kar:install " + kar("mediation").toUri());
        awaitStatus(mediator, DISPUTES + "/" + disputeId, 200);
        platform.shell.run("feature:install civicgrid-patrol");
        awaitStatus(patrolAdmin, TEAMS + "/" + teamId, 200);
        platform.shell.run("kar:install " + kar("mentalhealth").toUri());
        awaitStatus(counsellor, CAMPAIGNS + "/" + campaignId, 200);

        assertRecordsAreThere();
        assertThat(CoreState.of(platform, PLUGIN_BUNDLES)).isEqualTo(core);
        load.stop();
        load.assertNothingFailed();
        System.out.println("PluginsTogetherIT: " + load.reported.get() + " cases reported and " + load.read.get()
                + " case lists read while plug-ins were installed nine times and removed six times; none failed");
        assertThat(load.reported.get()).as("cases reported during the installs").isGreaterThan(20);
        assertThat(load.read.get()).as("case lists read during the installs").isGreaterThan(20);
    }

    private void assertRecordsAreThere() {
        assertThat(mediator.get(DISPUTES + "/" + disputeId).json().path("summary").asText()).isEqualTo("邻里排水沟纠纷");
        assertThat(patrolAdmin.get(TEAMS + "/" + teamId).json().path("name").asText()).isEqualTo("城关老干部巡防队");
        assertThat(counsellor.get(CAMPAIGNS + "/" + campaignId).json().path("name").asText())
                .isEqualTo("泽州县秋季心理健康筛查");
        List<String> plugins = new java.util.ArrayList<>();
        platform.api.get("/health").json().path("plugins").forEach(plugin -> plugins.add(
                plugin.path("name").asText() + " " + plugin.path("state").asText()));
        assertThat(plugins).containsExactlyInAnyOrder("mediation ACTIVE", "patrol ACTIVE", "mentalhealth ACTIVE");
    }

    private Api user(String id, String role, String region) {
        platform.shell.run("civicgrid:user-add --role " + role + " --region " + region + " --name " + id + " " + id + " "
                + TestPasswords.of(id));
        return platform.api.as(id, TestPasswords.of(id));
    }

    /** The URL of a features repository as {@code feature:repo-list} shows it. */
    private String repositoryOf(String name) {
        for (String line : platform.shell.run("feature:repo-list --no-format").split("\\R")) {
            if (line.contains(name)) {
                for (String column : line.split("\\s+")) {
                    if (column.startsWith("mvn:")) {
                        return column;
                    }
                }
            }
        }
        throw new AssertionError("No repository " + name + " in feature:repo-list");
    }

    private static Path kar(String plugin) {
        return Paths.get(System.getProperty("civicgrid.it.kar." + plugin)).toAbsolutePath();
    }

    private static void awaitStatus(Api api, String path, int status) {
        await(path + " answers " + status).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.status(path) == status);
    }

    /**
     * Core requests kept going by two threads, as a county's residents and operators would while IT staff work:
     * reports of cases ({@code POST}) and reads of the county's case list; every answer that is not the expected
     * one is kept.
     */
    private static final class CoreLoad {

        private final Api resident;
        private final Api operator;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Queue<String> failures = new ConcurrentLinkedQueue<>();
        private final AtomicInteger reported = new AtomicInteger();
        private final AtomicInteger read = new AtomicInteger();
        private final List<Thread> threads;

        CoreLoad(Api resident, Api operator) {
            this.resident = resident;
            this.operator = operator;
            this.threads = List.of(
                    new Thread(() -> loop(() -> this.resident.post("/cases", "{\"title\":\"楼道灯不亮\","
                            + "\"description\":\"三单元楼道灯不亮\",\"category\":\"street-light\",\"channel\":\"APP\","
                            + "\"regionCode\":\"140522100001\"}"), 201, reported), "core-load-report"),
                    new Thread(() -> loop(() -> this.operator.get("/cases?region=140522"), 200, read),
                            "core-load-read"));
        }

        void start() {
            threads.forEach(Thread::start);
        }

        private void loop(Supplier<Api.Reply> request, int expected, AtomicInteger done) {
            while (running.get()) {
                try {
                    Api.Reply reply = request.get();
                    if (reply.status() != expected) {
                        failures.add(reply.status() + " " + reply.body());
                    } else {
                        done.incrementAndGet();
                    }
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    failures.add(e.toString());
                }
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(30_000);
            }
        }

        void assertNothingFailed() {
            assertThat(failures).as("core requests that failed while plug-ins came and went").isEmpty();
        }
    }
}
