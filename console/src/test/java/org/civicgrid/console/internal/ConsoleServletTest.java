package org.civicgrid.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

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

    @Test
    void aPlugInsFilesAreNamedByThePlugInAndTheirPathBelowItsConsoleFolder() {
        assertThat(ConsoleServlet.resolvePlugin("/plugins/mediation/disputes.js"))
                .isEqualTo(new ConsoleServlet.PluginFile("mediation", "disputes.js"));
        assertThat(ConsoleServlet.resolvePlugin("/plugins/mediation/pages/dispute-v2.js"))
                .isEqualTo(new ConsoleServlet.PluginFile("mediation", "pages/dispute-v2.js"));
        assertThat(ConsoleServlet.resolvePlugin("/plugins/mediation/style.css"))
                .isEqualTo(new ConsoleServlet.PluginFile("mediation", "style.css"));
    }

    @Test
    void nothingOutsideAPlugInsConsoleFolderIsServed() {
        assertThat(ConsoleServlet.resolvePlugin("/plugins/mediation/../../META-INF/MANIFEST.MF")).isNull();
        assertThat(ConsoleServlet.resolvePlugin("/plugins/mediation/../OSGI-INF/x.xml")).isNull();
        assertThat(ConsoleServlet.resolvePlugin("/plugins/../mediation/disputes.js")).isNull();
        assertThat(ConsoleServlet.resolvePlugin("/plugins/mediation/./disputes.js")).isNull();
        assertThat(ConsoleServlet.resolvePlugin("/plugins/mediation/a\\..\\b.js")).isNull();
        assertThat(ConsoleServlet.resolvePlugin("/plugins/mediation//disputes.js")).isNull();
        assertThat(ConsoleServlet.resolvePlugin("/plugins/mediation/")).isNull();
        assertThat(ConsoleServlet.resolvePlugin("/plugins/mediation")).isNull();
        assertThat(ConsoleServlet.resolvePlugin("/plugins//disputes.js")).isNull();
        assertThat(ConsoleServlet.resolvePlugin("/plugins/mediation/pages")).as("a folder").isNull();
        assertThat(ConsoleServlet.resolvePlugin("/plugins/mediation/pages/")).as("a folder").isNull();
        assertThat(ConsoleServlet.resolvePlugin("/assets/index.js")).isNull();
    }

    @Test
    void anActivePlugInsModuleIsServedFromItsBundleAndAnythingElseIs404(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path folder) throws Exception {
        java.nio.file.Path script = folder.resolve("disputes.js");
        java.nio.file.Files.writeString(script, "export default function disputes(host) {}\n");
        org.osgi.framework.Bundle bundle = mock(org.osgi.framework.Bundle.class);
        when(bundle.getEntry("console/disputes.js")).thenReturn(script.toUri().toURL());
        when(bundle.getVersion()).thenReturn(new org.osgi.framework.Version(1, 2, 0));
        when(bundle.getLastModified()).thenReturn(1_700_000_000_000L);
        PanelTracker tracker = mock(PanelTracker.class);
        when(tracker.bundle(anyString())).thenReturn(java.util.Optional.empty());
        when(tracker.bundle("mediation")).thenReturn(java.util.Optional.of(bundle));
        ConsoleServlet servlet = new ConsoleServlet(tracker);

        Served served = get(servlet, "/plugins/mediation/disputes.js", null);
        assertThat(served.status).isEqualTo(200);
        assertThat(served.body).startsWith("export default function disputes");
        verify(served.response).setContentType("text/javascript;charset=UTF-8");
        verify(served.response).setHeader("X-Content-Type-Options", "nosniff");
        verify(served.response).setHeader("Cache-Control", "no-cache");
        String etag = "\"" + ConsoleResource.version(bundle) + "\"";
        verify(served.response).setHeader("ETag", etag);

        assertThat(get(servlet, "/plugins/mediation/disputes.js", etag).status).as("unchanged").isEqualTo(304);
        assertThat(get(servlet, "/plugins/mediation/missing.js", null).status).isEqualTo(404);
        assertThat(get(servlet, "/plugins/patrol/disputes.js", null).status).as("not installed").isEqualTo(404);
        assertThat(get(servlet, "/plugins/mediation/../../META-INF/MANIFEST.MF", null).status).isEqualTo(404);
        verify(bundle, never()).getEntry(org.mockito.ArgumentMatchers.contains(".."));
    }

    private static final class Served {
        HttpServletResponse response;
        int status = 200;
        String body = "";
    }

    private static Served get(ConsoleServlet servlet, String path, String ifNoneMatch) throws Exception {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getPathInfo()).thenReturn(path);
        when(request.getHeader("If-None-Match")).thenReturn(ifNoneMatch);
        Served served = new Served();
        served.response = mock(HttpServletResponse.class);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        when(served.response.getOutputStream()).thenReturn(new javax.servlet.ServletOutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(javax.servlet.WriteListener listener) {
            }
        });
        org.mockito.Mockito.doAnswer(i -> served.status = i.getArgument(0)).when(served.response).sendError(anyInt());
        org.mockito.Mockito.doAnswer(i -> served.status = i.getArgument(0)).when(served.response).setStatus(anyInt());
        servlet.doGet(request, served.response);
        served.body = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        return served;
    }
}
