package org.civicgrid.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hardening list of the distribution as it is shipped (the archive, unpacked and not started): what an
 * assessor checks on a fresh installation before anything is configured.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HardeningIT {

    private Path home;

    @BeforeAll
    void unpack() throws Exception {
        home = Files.createTempDirectory("civicgrid-hardening");
        Path archive = Paths.get(System.getProperty("civicgrid.it.distribution"));
        Process tar = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", home.toString(),
                "--strip-components=1").inheritIO().start();
        assertThat(tar.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(tar.exitValue()).isZero();
    }

    @AfterAll
    void cleanUp() throws IOException {
        if (home != null) {
            try (var paths = Files.walk(home)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void noConsoleAccountIsShippedAndTheirPasswordsWouldBeStoredHashed() throws IOException {
        Properties users = properties("etc/users.properties");
        assertThat(users.stringPropertyNames()).as("accounts in etc/users.properties")
                .allMatch(name -> name.startsWith("_g_:"));
        assertThat(properties("etc/keys.properties").stringPropertyNames()).allMatch(name -> name.startsWith("_g_:"));
        Properties jaas = properties("etc/org.apache.karaf.jaas.cfg");
        assertThat(jaas.getProperty("encryption.enabled")).isEqualTo("true");
        assertThat(jaas.getProperty("encryption.algorithm")).isEqualTo("SHA-512");
    }

    @Test
    void remoteConsolesListenOnThisMachineOnly() throws IOException {
        assertThat(properties("etc/org.apache.karaf.shell.cfg").getProperty("sshHost")).isEqualTo("127.0.0.1");
        Properties management = properties("etc/org.apache.karaf.management.cfg");
        assertThat(management.getProperty("rmiRegistryHost")).isEqualTo("127.0.0.1");
        assertThat(management.getProperty("rmiServerHost")).isEqualTo("127.0.0.1");
    }

    @Test
    void nothingIsFetchedFromOutsideAndNoWebConsoleIsInstalled() throws IOException {
        Properties maven = properties("etc/org.ops4j.pax.url.mvn.cfg");
        assertThat(maven.getProperty("org.ops4j.pax.url.mvn.repositories", "").trim()).isEmpty();
        assertThat(maven.getProperty("org.ops4j.pax.url.mvn.defaultLocalRepoAsRemote")).isEqualTo("false");
        String boot = properties("etc/org.apache.karaf.features.cfg").getProperty("featuresBoot");
        assertThat(boot).contains("civicgrid-core").doesNotContain("webconsole").doesNotContain("http-whiteboard-console");
        // Plug-ins of the Felix web console come along in system/ with features that can use them; the console
        // itself does not, so it cannot be installed, even by mistake, on an offline site.
        assertThat(home.resolve("system/org/apache/felix/org.apache.felix.webconsole")).doesNotExist();
    }

    @Test
    void installingAndRemovingCodeIsForAdministratorsOnly() throws IOException {
        for (String scope : List.of("feature", "kar", "bundle")) {
            Properties acl = properties("etc/org.apache.karaf.command.acl." + scope + ".cfg");
            assertThat(acl.getProperty("install")).as(scope + ":install").isEqualTo("admin");
        }
        assertThat(properties("etc/org.apache.karaf.command.acl.feature.cfg").getProperty("uninstall")).isEqualTo("admin");
        assertThat(properties("etc/org.apache.karaf.command.acl.kar.cfg").getProperty("uninstall")).isEqualTo("admin");
    }

    private Properties properties(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(home.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
