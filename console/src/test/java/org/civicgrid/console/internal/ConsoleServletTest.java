package org.civicgrid.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleServletTest {

    @Test
    void pagesOfTheAppAreTheAppAndFilesAreThemselves() {
        assertThat(ConsoleServlet.resolve("/")).isEqualTo("index.html");
        assertThat(ConsoleServlet.resolve("/cases/C-1")).isEqualTo("index.html");
        assertThat(ConsoleServlet.resolve("/panels/mediation/disputes")).isEqualTo("index.html");
        assertThat(ConsoleServlet.resolve("/assets/index-abc.js")).isEqualTo("assets/index-abc.js");
    }

    @Test
    void nothingOutsideTheAppIsServed() {
        assertThat(ConsoleServlet.resolve("/../META-INF/MANIFEST.MF")).isNull();
        assertThat(ConsoleServlet.resolve("/assets/../../org/civicgrid/console/internal/ConsoleServlet.class")).isNull();
        assertThat(ConsoleServlet.resolve("/assets/..\\x.js")).isNull();
    }
}
