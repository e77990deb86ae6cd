package org.civicgrid.core.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
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
import org.civicgrid.core.api.directory.DirectoryService;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.directory.Unit;
import org.civicgrid.core.api.directory.UnitKind;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ProblemException;
import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.AuditTrail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Routing rules as administrators manage them, over Configuration Admin: who may, what is checked, what is kept. */
class RoutingRulesTest {

    private static final Caller QINSHUI_ADMIN = new Caller("qs-admin", Set.of(Role.COUNTY_ADMIN), "140521", null);
    private static final Caller YANGCHENG_ADMIN = new Caller("yc-admin", Set.of(Role.COUNTY_ADMIN), "140522", null);
    private static final Caller OPERATOR = new Caller("qs-op", Set.of(Role.COMMAND_OPERATOR), "140521", null);

    private FakeConfigurations cm;
    private final DirectoryService directory = mock(DirectoryService.class);
    private final RegionService regions = mock(RegionService.class);
    private final AuditTrail audit = mock(AuditTrail.class);
    private RoutingRules rules;

    @BeforeEach
    void setUp() throws Exception {
        cm = new FakeConfigurations();
        when(regions.find(anyString())).thenAnswer(call -> {
            String code = call.getArgument(0);
            return code.startsWith("14052") ? Optional.of(new Region(code, code, RegionLevel.COUNTY, "1405")) : Optional.empty();
        });
        when(directory.unit(any(), anyString())).thenReturn(Optional.empty());
        when(directory.unit(eq(QINSHUI_ADMIN), eq("qs-police")))
                .thenReturn(Optional.of(new Unit("qs-police", "龙港派出所", UnitKind.POLICE_STATION, "140521100")));
        rules = new RoutingRules(cm.admin, directory, regions, audit);
        CaseCategory streetLight = mock(CaseCategory.class);
        when(streetLight.code()).thenReturn("street-light");
        rules.addCategory(streetLight);
        CaseCategory noise = mock(CaseCategory.class);
        when(noise.code()).thenReturn("noise");
        rules.addCategory(noise);
        cm.file(RoutingRule.PID, "org.civicgrid.routing~noise", "org.civicgrid.routing-noise.cfg",
                Map.of("category", "noise", "region", "140521", "unit", "qs-centre"));
        cm.file(RoutingRule.PID, "org.civicgrid.routing~yc", "org.civicgrid.routing-yc.cfg",
                Map.of("category", "*", "region", "140522", "unit", "yc-centre"));
    }

    @Test
    void aCountyAdministratorAddsARuleKeptAsAConfigurationAndAudited() {
        RoutingRules.Rule added = rules.add(QINSHUI_ADMIN, new RoutingRules.NewRule("street-light", "140521100", "qs-police"));
        assertThat(added.id()).startsWith("org.civicgrid.routing~console-");
        assertThat(added.source()).isEqualTo("console");
        assertThat(added.deletable()).isTrue();
        assertThat(cm.stored.get(added.id())).containsEntry("category", "street-light").containsEntry("region", "140521100")
                .containsEntry("unit", "qs-police").containsEntry("changedBy", "qs-admin")
                .containsEntry("service.factoryPid", RoutingRule.PID);
        ArgumentCaptor<AuditEntry> entry = ArgumentCaptor.forClass(AuditEntry.class);
        verify(audit).record(entry.capture());
        assertThat(entry.getValue()).isEqualTo(AuditEntry.ok("qs-admin", "routing.rule.add", "routing-rule", added.id(),
                "140521100", "added: street-light in 140521100 → qs-police"));

        List<RoutingRules.Rule> listed = rules.list(QINSHUI_ADMIN, null);
        assertThat(listed).extracting(RoutingRules.Rule::category).containsExactly("noise", "street-light");
        assertThat(listed.get(0).source()).isEqualTo("file");
        assertThat(listed.get(0).file()).isEqualTo("org.civicgrid.routing-noise.cfg");
        assertThat(listed.get(0).deletable()).isFalse();
    }

    @Test
    void badRulesAreRefusedAndNothingIsKept() {
        int before = cm.stored.size();
        assertThatThrownBy(() -> rules.add(QINSHUI_ADMIN, new RoutingRules.NewRule("weather", "140521", "qs-police")))
                .isInstanceOf(ProblemException.class).hasMessageContaining("no category weather");
        assertThatThrownBy(() -> rules.add(QINSHUI_ADMIN, new RoutingRules.NewRule("street-light", "140521", "yc-police")))
                .hasMessageContaining("Unit yc-police does not exist");
        assertThatThrownBy(() -> rules.add(QINSHUI_ADMIN, new RoutingRules.NewRule("street-light", "99", "qs-police")))
                .hasMessageContaining("not a division code");
        assertThatThrownBy(() -> rules.add(QINSHUI_ADMIN, new RoutingRules.NewRule("noise", "140521", "qs-police")))
                .hasMessageContaining("already sends cases to qs-centre");
        assertThatThrownBy(() -> rules.add(QINSHUI_ADMIN, new RoutingRules.NewRule(null, "140521", "qs-police")))
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(400));
        assertThat(cm.stored).hasSize(before);
        verify(audit, never()).record(any());
    }

    @Test
    void anotherCountyAndOtherRolesAreRefused() throws Exception {
        assertThatThrownBy(() -> rules.add(YANGCHENG_ADMIN, new RoutingRules.NewRule("street-light", "140521", "qs-police")))
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(403));
        assertThatThrownBy(() -> rules.add(OPERATOR, new RoutingRules.NewRule("street-light", "140521", "qs-police")))
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(403));
        assertThatThrownBy(() -> rules.list(YANGCHENG_ADMIN, "140521"))
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(403));
        assertThat(rules.list(YANGCHENG_ADMIN, null)).extracting(RoutingRules.Rule::regionCode).containsExactly("140522");
        verify(cm.admin, never()).getFactoryConfiguration(anyString(), anyString(), anyString());

        String id = rules.add(QINSHUI_ADMIN, new RoutingRules.NewRule("street-light", "140521", "qs-police")).id();
        assertThatThrownBy(() -> rules.delete(YANGCHENG_ADMIN, id))
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(404))
                .hasMessage("No routing rule " + id + " in your area.");
        assertThat(cm.stored).containsKey(id);
    }

    @Test
    void aRuleMadeHereIsDeletedAndAFilesRuleIsLeftToItsFile() {
        String id = rules.add(QINSHUI_ADMIN, new RoutingRules.NewRule("street-light", "140521", "qs-police")).id();
        rules.delete(QINSHUI_ADMIN, id);
        assertThat(cm.stored).doesNotContainKey(id);
        verify(audit).record(AuditEntry.ok("qs-admin", "routing.rule.delete", "routing-rule", id, "140521",
                "deleted: street-light in 140521 → qs-police"));
        assertThatThrownBy(() -> rules.delete(QINSHUI_ADMIN, "org.civicgrid.routing~noise"))
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(409))
                .hasMessageContaining("etc/org.civicgrid.routing-noise.cfg");
        assertThat(cm.stored).containsKey("org.civicgrid.routing~noise");
    }
}
