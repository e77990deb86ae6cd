package org.civicgrid.itests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An unpacked copy of the assembled distribution, started as a process ({@code bin/karaf server}) the way an
 * operator starts it, with its own ports, and a shell user for the test (the distribution ships none).
 */
final class Distribution implements AutoCloseable {

    static final String SHELL_USER = "itest";

    final Path home;
    final int httpPort;
    final int sshPort;
    final Api api;
    final KarafShell shell;
    private final String shellPassword = UUID.randomUUID().toString();
    private Process process;

    private Distribution(Path home) {
        this.home = home;
        this.httpPort = freePort();
        this.sshPort = freePort();
        this.api = new Api(httpPort);
        this.shell = new KarafShell(sshPort, SHELL_USER, shellPassword);
    }

    /** Moves the platform's clock this many minutes ahead of the system clock, and waits until it has moved. */
    void moveClock(long minutes) throws IOException {
        configure("org.civicgrid.clock.cfg", "offsetMinutes = " + minutes + "\n");
        org.awaitility.Awaitility.await("the platform clock moves").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    for (com.fasterxml.jackson.databind.JsonNode check : api.get("/health").json().path("checks")) {
                        if ("clock".equals(check.path("name").asText())) {
                            return check.path("offsetMinutes").asLong() == minutes;
                        }
                    }
                    return false;
                });
    }

    /**
     * Writes a configuration file into etc/ the way an editor saving it should: the whole file at once (written
     * beside it, then moved into place), so the platform's file watcher never reads it half-written.
     */
    void configure(String fileName, String content) throws IOException {
        Path target = home.resolve("etc").resolve(fileName);
        Path partial = home.resolve("etc").resolve("." + fileName + ".partial");
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Unpacks the distribution's tar.gz into a fresh folder and points it at the given database. */
    static Distribution unpack(String runName, TestDatabase database) throws IOException, InterruptedException {
        Path archive = Paths.get(System.getProperty("civicgrid.it.distribution"));
        Path home = Paths.get(System.getProperty("civicgrid.it.work", "target/runs")).resolve(runName);
        deleteRecursively(home);
        Files.createDirectories(home);
        exec(List.of("tar", "xzf", archive.toString(), "-C", home.toString(), "--strip-components=1"));
        Distribution distribution = new Distribution(home);
        distribution.configure(database);
        return distribution;
    }

    private void configure(TestDatabase database) throws IOException {
        replaceLine("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", "org.osgi.service.http.port = " + httpPort);
        replaceLine("etc/org.apache.karaf.shell.cfg", "sshPort", "sshPort = " + sshPort);
        replaceLine("etc/org.apache.karaf.shell.cfg", "sshHost", "sshHost = 127.0.0.1");
        replaceLine("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", "rmiRegistryPort = " + freePort());
        replaceLine("etc/org.apache.karaf.management.cfg", "rmiServerPort", "rmiServerPort = " + freePort());
        Files.writeString(home.resolve("etc/users.properties"), "\n" + SHELL_USER + " = " + shellPassword
                + ",_g_:admingroup\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Path datasource = home.resolve("etc/org.ops4j.datasource-civicgrid.cfg");
        Files.writeString(datasource, database.datasourceConfiguration(Files.readString(datasource)));
    }

    /** Launches the platform and returns once {@code /api/health} is green; the time it took. */
    Duration start() throws IOException {
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        builder.environment().put("JAVA_MAX_MEM", "768M");
        process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::kill));
        awaitHealthy(Duration.ofMinutes(4));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    void awaitHealthy(Duration timeout) {
        await("GET /api/health answers 200 (log: " + home.resolve("data/log/karaf.log") + ")")
                .atMost(timeout).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (process != null && !process.isAlive()) {
                        throw new AssertionError("The platform exited with " + process.exitValue()
                                + "; see " + home.resolve("console.log"));
                    }
                    return api.status("/health") == 200;
                });
    }

    /** Stops the platform the normal way ({@code bin/stop}), forcibly if it does not go within a minute. */
    void stop() throws IOException, InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        exec(List.of(home.resolve("bin/stop").toString()));
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** {@code kill -9} of the JVM and its launcher script: what a power cut does to the process. */
    void kill() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            process.descendants().forEach(p -> p.onExit().join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String log() throws IOException {
        Path log = home.resolve("data/log/karaf.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private void replaceLine(String file, String key, String replacement) throws IOException {
        Path path = home.resolve(file);
        List<String> lines = Files.readAllLines(path);
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.startsWith(key + " ") || line.startsWith(key + "=")) {
                lines.set(i, replacement);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(replacement);
        }
        Files.write(path, lines);
    }

    static void exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(command + " failed: " + output);
        }
    }

    /** Ports handed out in this JVM: the system may offer a just-closed port again, and each must be distinct. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("No free port found that was not already handed out");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
