package org.civicgrid.core.region.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.civicgrid.core.testing.JpaTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JpaRegionServiceTest {

    /** The region changelog and unit on a fresh in-memory H2; counts the calls that reach the database. */
    private static final class RegionDatabase extends JpaTestDatabase {
        final AtomicInteger calls = new AtomicInteger();

        RegionDatabase() throws Exception {
            super("db/changelog/org.civicgrid.core.region.xml", "civicgrid-region");
        }

        @Override
        public <R> R txExpr(TransactionType type, EmFunction<R> code) {
            calls.incrementAndGet();
            return super.txExpr(type, code);
        }
    }

    private final RegionDatabase db = new RegionDatabase();
    private final JpaRegionService regions = new JpaRegionService(db);

    JpaRegionServiceTest() throws Exception {
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void afterTheDivisionsAreReadOnceALookupAsksTheDatabaseNothing() {
        assertThat(DivisionLoader.loadOnce(db, "1405")).isTrue();
        regions.reload();
        assertThat(regions.find("140521").map(Region::name)).contains("沁水县");
        int calls = db.calls.get();

        for (int i = 0; i < 100; i++) {
            assertThat(regions.find("140521")).map(Region::level).contains(RegionLevel.COUNTY);
            assertThat(regions.find("140521100")).isPresent();
        }
        assertThat(regions.children("1405")).hasSize(6).extracting(Region::code)
                .startsWith("140502").isSorted();
        assertThat(regions.children("140521100")).isNotEmpty().allMatch(r -> r.parentCode().equals("140521100"));
        assertThat(regions.find("14")).isPresent();
        assertThat(db.calls.get()).as("database calls after the first lookup").isEqualTo(calls);

        // Bad codes are refused without asking anyone; an unknown one is looked for in the database.
        assertThat(regions.find("14a")).isEmpty();
        assertThat(regions.children("x")).isEmpty();
        assertThat(db.calls.get()).isEqualTo(calls);
        assertThat(regions.find("140599")).isEmpty();
        assertThat(db.calls.get()).isEqualTo(calls + 1);
    }

    @Test
    void loadingDivisionsRefreshesTheTreeAndARegionAnotherNodeLoadedIsFound() throws Exception {
        assertThat(regions.find("140521")).isEmpty(); // nothing loaded yet: the empty tree is read
        assertThat(regions.children("1405")).isEmpty();

        assertThat(DivisionLoader.loadOnce(db, "1405")).isTrue();
        regions.reload(); // what DivisionLoader asks for once it has loaded
        assertThat(regions.find("140521")).isPresent();
        assertThat(regions.children("1405")).hasSize(6);

        // Another node sharing the database loads a division this node has not read.
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into cg_region (code, name, level, parent_code) values ('140599', '试验区', 'COUNTY', '1405')");
        }
        assertThat(regions.children("1405")).hasSize(6);
        assertThat(regions.find("140599").map(Region::name)).contains("试验区");
        assertThat(regions.children("1405")).hasSize(7);
        int calls = db.calls.get();
        assertThat(regions.find("140599")).isPresent();
        assertThat(db.calls.get()).isEqualTo(calls);
    }

    @Test
    void loadingACitySecondTimeLoadsNothing() {
        assertThat(DivisionLoader.loadOnce(db, "1405")).isTrue();
        assertThat(DivisionLoader.loadOnce(db, "1405")).isFalse();
    }
}
