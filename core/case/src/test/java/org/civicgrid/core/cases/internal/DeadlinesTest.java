package org.civicgrid.core.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.civicgrid.core.api.cases.CaseLevel;
import org.civicgrid.core.api.cases.CaseParty;
import org.civicgrid.core.api.directory.DirectoryService;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ProblemException;
import org.civicgrid.core.api.security.SensitiveData;
import org.civicgrid.core.api.time.PlatformClock;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.EventAdmin;

/** Deadlines per category and level, per county, and what a case's parties must be. */
class DeadlinesTest {

    /** Monday 09:00 in Jincheng. */
    private static final Instant MONDAY_NINE = Instant.parse("2026-11-23T01:00:00Z");

    @Test
    void aCategoryCanHaveItsOwnHoursAtOneLevel() {
        JpaCaseService.Deadlines d = JpaCaseService.Deadlines.of(settings(Map.of(
                "categoryHandleHours", new String[] {"road-damage=2, road-damage@COUNTY=6"})));
        // 08:30-12:00,14:00-17:30: two working hours from 09:00 is 11:00; six is 17:00.
        assertThat(d.handle(MONDAY_NINE, "road-damage", CaseLevel.VILLAGE, 0)).isEqualTo(Instant.parse("2026-11-23T03:00:00Z"));
        assertThat(d.handle(MONDAY_NINE, "road-damage", CaseLevel.COUNTY, 0)).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
        // Another category: its plug-in's default, else the platform's handleHours (24 working hours = 3.4 days).
        assertThat(d.handle(MONDAY_NINE, "noise", CaseLevel.COUNTY, 1)).isEqualTo(Instant.parse("2026-11-23T02:00:00Z"));
        assertThat(d.handle(MONDAY_NINE, "noise", CaseLevel.COUNTY, 0)).isAfter(Instant.parse("2026-11-26T00:00:00Z"));
    }

    @Test
    void aMistakeInTheSettingsIsRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> JpaCaseService.Deadlines.of(settings(Map.of(
                "categoryHandleHours", new String[] {"road-damage@PROVINCE=6"})))).hasMessageContaining("PROVINCE");
        assertThatThrownBy(() -> JpaCaseService.Deadlines.of(settings(Map.of(
                "categoryHandleHours", new String[] {"road-damage:6"})))).hasMessageContaining("category=hours");
        assertThatThrownBy(() -> JpaCaseService.Deadlines.of(settings(Map.of("holidays", new String[] {"2026-13-01"}))))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void aCountysOwnCalendarAppliesToItsCasesOnlyAndTheMostSpecificWins() {
        JpaCaseService service = service();
        JpaCaseService.Deadlines lingchuan = JpaCaseService.Deadlines.of(settings(Map.of("registerMinutes", 30)));
        JpaCaseService.Deadlines township = JpaCaseService.Deadlines.of(settings(Map.of("registerMinutes", 10)));
        service.addCounty(new CountyCalendar("140524", lingchuan));
        service.addCounty(new CountyCalendar("140524100", township));
        assertThat(service.deadlinesFor("140524200201").register()).isEqualTo(Duration.ofMinutes(30));
        assertThat(service.deadlinesFor("140524100201").register()).isEqualTo(Duration.ofMinutes(10));
        assertThat(service.deadlinesFor("140525100201").register()).as("platform-wide").isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void aCountyFileWithoutAProperRegionIsRefused() {
        assertThatThrownBy(() -> new CountyCalendar(settings(Map.of("region", "Lingchuan"))))
                .hasMessageContaining("not a county or township code");
        assertThat(new CountyCalendar(settings(Map.of("region", " 140524 "))).region()).isEqualTo("140524");
    }

    @Test
    void partiesNeedARoleAKindANameAndAPlausiblePhone() {
        JpaCaseService.validateParties(List.of(
                new CaseParty(CaseParty.Role.COMPLAINANT, CaseParty.Kind.PERSON, "张三", "13800001234"),
                new CaseParty(CaseParty.Role.RESPONDENT, CaseParty.Kind.ORGANISATION, "某物业公司", "0356-2021234")));
        assertThatThrownBy(() -> JpaCaseService.validateParties(List.of(
                new CaseParty(CaseParty.Role.COMPLAINANT, CaseParty.Kind.PERSON, "张三", "1234"))))
                .isInstanceOf(ProblemException.class).hasMessageContaining("parties[0].phone");
        assertThatThrownBy(() -> JpaCaseService.validateParties(List.of(
                new CaseParty(null, CaseParty.Kind.PERSON, "张三", null)))).hasMessageContaining("needs a role");
        assertThatThrownBy(() -> JpaCaseService.validateParties(List.of(
                new CaseParty(CaseParty.Role.WITNESS, CaseParty.Kind.PERSON, " ", null)))).hasMessageContaining("name is required");
        List<CaseParty> many = new ArrayList<>(Collections.nCopies(21,
                new CaseParty(CaseParty.Role.AFFECTED, CaseParty.Kind.PERSON, "李四", null)));
        assertThatThrownBy(() -> JpaCaseService.validateParties(many)).hasMessageContaining("at most 20");
    }

    @Test
    void aPartyIsStoredSealedAndShownMasked() {
        SensitiveData sealer = mock(SensitiveData.class);
        when(sealer.seal(anyString(), anyString())).thenAnswer(call -> "sealed:" + call.getArgument(1));
        when(sealer.open(anyString(), anyString())).thenAnswer(call -> ((String) call.getArgument(1)).substring(7));
        PartyEntity person = new PartyEntity("p1", "c1", 1,
                new CaseParty(CaseParty.Role.COMPLAINANT, CaseParty.Kind.PERSON, "张小明", "13800001234"), sealer);
        assertThat(person.masked(sealer)).isEqualTo(
                new CaseParty(CaseParty.Role.COMPLAINANT, CaseParty.Kind.PERSON, "张**", "138****1234"));
        PartyEntity company = new PartyEntity("p2", "c1", 2,
                new CaseParty(CaseParty.Role.RESPONDENT, CaseParty.Kind.ORGANISATION, "某物业公司", null), sealer);
        assertThat(company.masked(sealer).name()).isEqualTo("某物业公司");
        assertThat(company.masked(sealer).phone()).isNull();
    }

    private static JpaCaseService service() {
        CasesConfiguration defaults = settings(Map.of());
        return new JpaCaseService(mock(SchemaReady.class), mock(JpaTemplate.class), mock(RegionService.class),
                mock(DirectoryService.class), mock(EventAdmin.class), mock(PlatformClock.class),
                mock(SensitiveData.class), mock(org.civicgrid.core.api.security.AuditTrail.class), defaults);
    }

    /** The built-in settings with some replaced. */
    static CasesConfiguration settings(Map<String, Object> values) {
        return mock(CasesConfiguration.class, call -> values.containsKey(call.getMethod().getName())
                ? values.get(call.getMethod().getName()) : call.getMethod().getDefaultValue());
    }
}
