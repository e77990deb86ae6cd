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
            List<ConsolePanel> panels = PanelDeclarations.parse(plugin, header);
            assertThat(panels).as(plugin).isNotEmpty();
            for (ConsolePanel panel : panels) {
                if (panel.module() != null) {
                    assertThat(java.nio.file.Path.of("..", "plugins", plugin, "src", "main", "resources", "console",
                            panel.module())).as(plugin + " ships the module it declares").isRegularFile();
                }
            }
        }
    }

    @Test
    void aPanelMayBeAModuleInsideTheBundleAndThenNeedsNoEndpoint() {
        ConsolePanel page = PanelDeclarations.parse("mediation",
                "disputes;title=人民调解;module=\"console/disputes.js\";roles=MEDIATOR").get(0);
        assertThat(page.module()).isEqualTo("disputes.js");
        assertThat(page.endpoint()).isNull();
        assertThat(page.moduleUrl()).isEqualTo("/console/plugins/mediation/disputes.js");

        ConsolePanel nested = PanelDeclarations.parse("mental health",
                "flags;title=甲;module=console/pages/flags-v2.js;endpoint=/api/mentalhealth/flags").get(0);
        assertThat(nested.module()).isEqualTo("pages/flags-v2.js");
        assertThat(nested.endpoint()).isEqualTo("/api/mentalhealth/flags");
        assertThat(nested.moduleUrl()).isEqualTo("/console/plugins/mental%20health/pages/flags-v2.js");

        ConsolePanel table = PanelDeclarations.parse("m", "a;title=甲;endpoint=/api/m/a").get(0);
        assertThat(table.module()).isNull();
        assertThat(table.moduleUrl()).isNull();
    }

    @Test
    void refusesModulesOutsideTheConsoleFolderOrNotJavaScript() {
        assertThatThrownBy(() -> PanelDeclarations.parse("m", "a;title=甲;module=/console/a.js"))
                .hasMessageContaining("relative path inside the bundle");
        assertThatThrownBy(() -> PanelDeclarations.parse("m", "a;title=甲;module=console/../OSGI-INF/a.js"))
                .hasMessageContaining("may not leave the console/ folder");
        assertThatThrownBy(() -> PanelDeclarations.parse("m", "a;title=甲;module=console/./a.js"))
                .hasMessageContaining("may not leave the console/ folder");
        assertThatThrownBy(() -> PanelDeclarations.parse("m", "a;title=甲;module=pages/a.js"))
                .hasMessageContaining("in the bundle's console/ folder");
        assertThatThrownBy(() -> PanelDeclarations.parse("m", "a;title=甲;module=console/a.mjs.txt"))
                .hasMessageContaining("ending in .js");
        assertThatThrownBy(() -> PanelDeclarations.parse("m", "a;title=甲;module=console/"))
                .hasMessageContaining("ending in .js");
        assertThatThrownBy(() -> PanelDeclarations.parse("m", "a;title=甲;module=console//a.js"))
                .hasMessageContaining("only letters, digits");
        assertThatThrownBy(() -> PanelDeclarations.parse("m", "a;title=甲;module=\"console/my page.js\""))
                .hasMessageContaining("only letters, digits");
        assertThatThrownBy(() -> PanelDeclarations.parse("m", "a;title=甲;module=console\\..\\a.js"))
                .hasMessageContaining("relative path inside the bundle");
        assertThatThrownBy(() -> PanelDeclarations.parse("m", "a;title=甲;module=http://evil.example/console/a.js"))
                .hasMessageContaining("relative path inside the bundle");
        assertThatThrownBy(() -> PanelDeclarations.parse("m", "a;title=甲"))
                .hasMessageContaining("needs an endpoint under /api/").hasMessageContaining("or a module");
        assertThatThrownBy(() -> PanelDeclarations.parse("m", "a;title=甲;module=console/a.js;endpoint=/etc/passwd"))
                .hasMessageContaining("needs an endpoint under /api/");
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
