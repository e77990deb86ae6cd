package org.civicgrid.core.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.civicgrid.core.api.cases.CaseCategory;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ProblemException;
import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.AuditTrail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A county's deadlines as administrators read and save them, over Configuration Admin. */
class CountyDeadlinesTest {

    private static final Caller QINSHUI_ADMIN = new Caller("qs-admin", Set.of(Role.COUNTY_ADMIN), "140521", null);
    private static final Caller YANGCHENG_ADMIN = new Caller("yc-admin", Set.of(Role.COUNTY_ADMIN), "140522", null);

    private FakeConfigurations cm;
    private final RegionService regions = mock(RegionService.class);
    private final AuditTrail audit = mock(AuditTrail.class);
    private CountyDeadlines deadlines;

    @BeforeEach
    void setUp() throws Exception {
        cm = new FakeConfigurations();
        when(regions.find(anyString())).thenAnswer(call -> Optional.of(
                new Region(call.getArgument(0), "x", RegionLevel.COUNTY, "1405")));
        deadlines = new CountyDeadlines(cm.admin, regions, audit);
        CaseCategory noise = mock(CaseCategory.class);
        when(noise.code()).thenReturn("noise");
        deadlines.addCategory(noise);
        cm.file(null, CasesConfiguration.PID, "org.civicgrid.cases.cfg",
                Map.of("registerMinutes", "45", "holidays", "2026-10-01,2026-10-02", "zone", "Asia/Shanghai"));
    }

    private static DeadlineSettings register(int minutes) {
        return new DeadlineSettings(null, null, null, null, minutes, null, null, null, null, null);
    }

    @Test
    void aCountyWithoutItsOwnFollowsThePlatformAndItsFirstSaveMakesItsOwn() {
        CountyDeadlines.Deadlines read = deadlines.read(QINSHUI_ADMIN, null);
        assertThat(read.own()).isFalse();
        assertThat(read.inheritedFrom()).isEqualTo("platform");
        assertThat(read.settings().registerMinutes()).isEqualTo(45);
        assertThat(read.defaults().holidays()).containsExactly("2026-10-01", "2026-10-02");
        assertThat(read.defaults().handleHours()).as("built in").isEqualTo(24);

        CountyDeadlines.Deadlines saved = deadlines.save(QINSHUI_ADMIN, "140521", register(15));
        assertThat(saved.own()).isTrue();
        assertThat(saved.settings().registerMinutes()).isEqualTo(15);
        assertThat(saved.settings().holidays()).as("kept from what was in force").containsExactly("2026-10-01", "2026-10-02");
        assertThat(cm.stored.get("org.civicgrid.cases.county~140521")).containsEntry("region", "140521")
                .containsEntry("registerMinutes", "15").containsEntry("zone", "Asia/Shanghai")
                .containsEntry("service.factoryPid", CasesConfiguration.COUNTY_PID);
        verify(audit).record(AuditEntry.ok("qs-admin", "case.deadlines.update", "case-deadlines", "140521", "140521",
                "own settings instead of platform's; registerMinutes 45 → 15"));
        assertThat(deadlines.read(QINSHUI_ADMIN, "140521100").inheritedFrom()).as("its townships follow it")
                .isEqualTo("140521");
    }

    @Test
    void aHandWrittenCountyFileIsEditedInPlace() {
        cm.file(CasesConfiguration.COUNTY_PID, "org.civicgrid.cases.county~qinshui", "org.civicgrid.cases.county-qinshui.cfg",
                Map.of("region", "140521", "registerMinutes", "30", "attachmentMaxKilobytes", "2048"));
        deadlines.save(QINSHUI_ADMIN, "140521", register(20));
        assertThat(cm.stored).hasSize(2);
        assertThat(cm.stored.get("org.civicgrid.cases.county~qinshui")).containsEntry("registerMinutes", "20")
                .containsEntry("attachmentMaxKilobytes", "2048").containsEntry("changedBy", "qs-admin")
                .containsEntry("felix.fileinstall.filename", "file:/opt/civicgrid/etc/org.civicgrid.cases.county-qinshui.cfg");
    }

    @Test
    void badSettingsAre400AndChangeNothing() {
        DeadlineSettings bad = new DeadlineSettings("8点-12点", null, List.of("2026-02-30"), null, 0, null,
                Map.of("weather", 3), null, null, null);
        assertThatThrownBy(() -> deadlines.save(QINSHUI_ADMIN, "140521", bad))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(400))
                .hasMessageContaining("officeHours").hasMessageContaining("2026-02-30")
                .hasMessageContaining("registerMinutes").hasMessageContaining("weather");
        assertThat(cm.stored).hasSize(1);
        verify(audit, never()).record(any());
    }

    @Test
    void anotherCountysRegionIsAnsweredAsMissing() {
        assertThatThrownBy(() -> deadlines.save(YANGCHENG_ADMIN, "140521", register(5)))
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(404))
                .hasMessage("No county or township 140521 in your area.");
        assertThatThrownBy(() -> deadlines.read(YANGCHENG_ADMIN, "140521"))
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(403));
        assertThatThrownBy(() -> deadlines.save(new Caller("op", Set.of(Role.COMMAND_OPERATOR), "140521", null), "140521",
                register(5))).satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(403));
        assertThat(cm.stored).hasSize(1);
        verify(audit, never()).record(any());
    }
}
