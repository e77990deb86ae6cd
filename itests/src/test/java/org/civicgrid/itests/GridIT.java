package org.civicgrid.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicgrid.itests.GeoJson.collection;
import static org.civicgrid.itests.GeoJson.square;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Grids over REST, signed in: a GeoJSON import is all or nothing with a per-row report, locate finds the grid
 * at a point and follows re-imports, another county sees nothing, and the demo grids are there on first start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GridIT {

    private static final String VILLAGE = "140521100200";
    private static final String FIRST = VILLAGE + "901";
    private static final String SECOND = VILLAGE + "902";

    private PlatformRun run;
    private Distribution platform;
    private Api admin;
    private Api otherCounty;

    @BeforeAll
    void boot() throws Exception {
        run = PlatformRun.start("grids");
        platform = run.platform;
        platform.shell.run("civicgrid:user-add --role COUNTY_ADMIN --region 140521 qs-admin county-pass-01");
        platform.shell.run("civicgrid:user-add --role COUNTY_ADMIN --region 140522 yc-admin county-pass-02");
        admin = platform.api.as("qs-admin", "county-pass-01");
        otherCounty = platform.api.as("yc-admin", "county-pass-02");
    }

    @AfterAll
    void shutDown() throws Exception {
        if (run != null) {
            run.close();
        }
    }

    @Test
    @Order(1)
    void anImportWithABadRowWritesNothingAndSaysWhichRow() {
        String file = collection(feature(FIRST, "东街第901网格", square(112.00, 36.50)),
                feature(SECOND, "东街第902网格", "[[[112.01,36.50],[112.02,36.51],[112.02,36.50],[112.01,36.51],[112.01,36.50]]]"));
        Api.Reply refused = admin.post("/grids/import", file);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        JsonNode report = refused.json();
        assertThat(report.path("applied").asBoolean()).isFalse();
        assertThat(report.path("problems").get(0).path("row").asInt()).isEqualTo(2);
        assertThat(report.path("problems").get(0).path("code").asText()).isEqualTo(SECOND);
        assertThat(admin.get("/grids/locate?lon=112.005&lat=36.505").status()).isEqualTo(404);
        assertThat(admin.get("/grids/" + FIRST).status()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void aGoodImportIsAppliedAndLocateFindsTheGridAtAPoint() {
        Api.Reply applied = admin.post("/grids/import", collection(feature(FIRST, "东街第901网格", square(112.00, 36.50)),
                feature(SECOND, "东街第902网格", square(112.01, 36.50))));
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.json().path("accepted").asInt()).isEqualTo(2);
        assertThat(admin.get("/grids/locate?lon=112.005&lat=36.505").json().path("code").asText()).isEqualTo(FIRST);
        assertThat(admin.get("/grids/locate?lon=112.015&lat=36.505").json().path("code").asText()).isEqualTo(SECOND);
        assertThat(admin.get("/grids/locate?lon=112.5&lat=36.95").status()).isEqualTo(404);
        assertThat(admin.get("/grids/export?region=" + VILLAGE).body()).contains(FIRST).contains(SECOND);
    }

    @Test
    @Order(3)
    void locateFollowsAReimportedOutline() {
        Api.Reply moved = admin.post("/grids/import", collection(feature(FIRST, "东街第901网格", square(112.10, 36.50))));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(admin.get("/grids/locate?lon=112.005&lat=36.505").status()).isEqualTo(404);
        assertThat(admin.get("/grids/locate?lon=112.105&lat=36.505").json().path("code").asText()).isEqualTo(FIRST);
    }

    @Test
    @Order(3)
    void anAddressOfTheStandardLibraryFindsItsGrid() {
        Api.Reply imported = admin.upload("/addresses/import", "text/csv",
                ("address,grid\n沁水县龙港镇东街12号," + FIRST + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        // Looked up as people write it, down to the entrance: the library entry it starts with decides.
        String address = URLEncoder.encode("沁水县龙港镇东街12号3单元", StandardCharsets.UTF_8);
        assertThat(admin.get("/grids/locate?address=" + address).json().path("code").asText()).isEqualTo(FIRST);
        assertThat(otherCounty.get("/grids/locate?address=" + address).status()).isEqualTo(404);
        Api.Reply unknownGrid = admin.upload("/addresses/import", "text/csv",
                "address,grid\n沁水县龙港镇西街1号,140521100200999\n".getBytes(StandardCharsets.UTF_8));
        assertThat(unknownGrid.status()).isEqualTo(422);
        assertThat(admin.get("/grids/locate?address=" + URLEncoder.encode("沁水县龙港镇西街1号", StandardCharsets.UTF_8))
                .status()).as("nothing of a refused import is kept").isEqualTo(404);
    }

    @Test
    @Order(4)
    void anotherCountySeesNoneOfItAndCannotImportIntoIt() {
        assertThat(otherCounty.get("/grids/" + FIRST).status()).isEqualTo(404);
        assertThat(otherCounty.get("/grids/locate?lon=112.105&lat=36.505").status()).isEqualTo(404);
        Api.Reply intrusion = otherCounty.post("/grids/import", collection(feature(VILLAGE + "903", "x", square(112.2, 36.5))));
        assertThat(intrusion.status()).isIn(403, 422);
        assertThat(admin.get("/grids/" + VILLAGE + "903").status()).isEqualTo(404);
        assertThat(platform.api.get("/grids/" + FIRST).status()).as("without signing in").isEqualTo(401);
    }

    @Test
    @Order(5)
    void theCountyAssignsAGridsWorkersAndLeader() {
        platform.shell.run("civicgrid:user-add --role GRID_WORKER --region 140521100 qs-worker-1 worker-pass-01");
        platform.shell.run("civicgrid:user-add --role GRID_LEADER --region 140521100 qs-leader worker-pass-02");
        platform.shell.run("civicgrid:user-add --role GRID_WORKER --region 140522100 yc-worker worker-pass-03");
        Api.Reply refused = admin.put("/grids/" + FIRST + "/staff", "{\"workers\":[\"qs-worker-1\",\"yc-worker\"],\"leader\":\"qs-leader\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("yc-worker");
        assertThat(admin.get("/grids/" + FIRST).json().path("workers").size()).as("nothing assigned").isZero();

        Api.Reply staffed = admin.put("/grids/" + FIRST + "/staff", "{\"workers\":[\"qs-worker-1\"],\"leader\":\"qs-leader\"}");
        assertThat(staffed.status()).as(staffed.body()).isEqualTo(200);
        JsonNode grid = admin.get("/grids/" + FIRST).json();
        assertThat(grid.path("workers").toString()).isEqualTo("[\"qs-worker-1\"]");
        assertThat(grid.path("leader").asText()).isEqualTo("qs-leader");
        assertThat(otherCounty.put("/grids/" + FIRST + "/staff", "{\"workers\":[]}").status()).isEqualTo(404);
        assertThat(platform.api.as("qs-worker-1", "worker-pass-01").put("/grids/" + FIRST + "/staff", "{\"workers\":[]}")
                .status()).isEqualTo(403);
    }

    @Test
    @Order(6)
    void demoGridsCoverTheCountyOnFirstStart() {
        org.awaitility.Awaitility.await("demo grids generated").atMost(java.time.Duration.ofMinutes(2))
                .pollInterval(java.time.Duration.ofSeconds(1))
                .until(() -> admin.get("/grids?region=140521").json().size() > 50);
    }

    private static String feature(String code, String name, String coordinates) {
        return GeoJson.feature(code, name, VILLAGE, coordinates);
    }
}
