package org.civicgrid.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PanelDeclarationsTest {

    @Test
    void readsPanelsWithQuotedValuesTitlesInTwoLanguagesAndRoles() {
        List<ConsolePanel> panels = PanelDeclarations.parse("mediation",
                "disputes;title=\"人民调解\";title.en=\"Mediation, disputes\";"
                        + "endpoint=\"/api/mediation/disputes?region={region}\";roles=\"MEDIATOR, COMMAND_OPERATOR\";order=10,"
                        + " mediators;title=调解员;endpoint=/api/mediation/mediators");

        assertThat(panels).hasSize(2);
        ConsolePanel disputes = panels.get(0);
        assertThat(disputes.plugin()).isEqualTo("mediation");
        assertThat(disputes.id()).isEqualTo("disputes");
        assertThat(disputes.title()).isEqualTo("人民调解");
        assertThat(disputes.titles()).isEqualTo(Map.of("zh-CN", "人民调解", "en", "Mediation, disputes"));
        assertThat(disputes.endpoint()).isEqualTo("/api/mediation/disputes?region={region}");
        assertThat(disputes.roles()).containsExactlyInAnyOrder("MEDIATOR", "COMMAND_OPERATOR");
        assertThat(disputes.order()).isEqualTo(10);
        assertThat(panels.get(1).roles()).isEmpty();
        assertThat(panels.get(1).order()).isEqualTo(100);
    }

    @Test
    void theShippedPlugInsDeclarationsAreRead() throws Exception {
        for (String plugin : List.of("mediation", "patrol", "mentalhealth")) {
            java.nio.file.Path pom = java.nio.file.Path.of("..", "plugins", plugin, "pom.xml");
            String header = java.nio.file.Files.readAllLines(pom).stream()
                    .filter(line -> line.startsWith("Civicgrid-Console-Panel: ")).findFirst().orElseThrow()
                    .substring("Civicgrid-Console-Panel: ".length());
            assertThat(PanelDeclarations.parse(plugin, header)).as(plugin).hasSize(1);
        }
    }

    @Test
    void aPanelIsShownToItsRolesOrToEveryoneWhenNoneAreNamed() {
        ConsolePanel forMediators = PanelDeclarations.parse("m", "a;title=甲;endpoint=/api/m/a;roles=MEDIATOR").get(0);
        ConsolePanel forAll = PanelDeclarations.parse("m", "b;title=乙;endpoint=/api/m/b").get(0);
        assertThat(forMediators.visibleTo(Set.of("MEDIATOR", "GRID_WORKER"))).isTrue();
        assertThat(forMediators.visibleTo(Set.of("GRID_WORKER"))).isFalse();
        assertThat(forAll.visibleTo(Set.of("GRID_WORKER"))).isTrue();
    }

    @Test
    void refusesBadDeclarationsSayingWhatIsWrong() {
        assertThatThrownBy(() -> PanelDeclarations.parse("m", "Disputes;title=甲;endpoint=/api/m"))
                .hasMessageContaining("lower-case");
        assertThatThrownBy(() -> PanelDeclarations.parse("m", "a;endpoint=/api/m"))
                .hasMessageContaining("needs a title");
        assertThatThrownBy(() -> PanelDeclarations.parse("m", "a;title=甲;endpoint=http://evil.example/x"))
                .hasMessageContaining("endpoint under /api/");
        assertThatThrownBy(() -> PanelDeclarations.parse("m", "a;title=甲;endpoint=/api/../etc"))
                .hasMessageContaining("endpoint under /api/");
        assertThatThrownBy(() -> PanelDeclarations.parse("m", "a;title=甲;endpoint=/api/m;roles=BOSS"))
                .hasMessageContaining("unknown role BOSS");
        assertThatThrownBy(() -> PanelDeclarations.parse("m", "a;title=甲;endpoint=/api/m;colour=red"))
                .hasMessageContaining("unknown attribute colour");
        assertThatThrownBy(() -> PanelDeclarations.parse("m", "a;title=\"甲;endpoint=/api/m"))
                .hasMessageContaining("Unbalanced");
        assertThatThrownBy(() -> PanelDeclarations.parse("m", "a;title=甲;endpoint=/api/m,a;title=乙;endpoint=/api/n"))
                .hasMessageContaining("declared twice");
    }
}
