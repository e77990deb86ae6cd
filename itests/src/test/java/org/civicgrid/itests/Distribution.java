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
    final SecondFactors secondFactors = new SecondFactors();
    private final String shellPassword = UUID.randomUUID().toString();
    private Process process;

    private Distribution(Path home) {
        this.home = home;
        this.httpPort = freePort();
        this.sshPort = freePort();
        this.api = new Api(httpPort, secondFactors);
        this.shell = new KarafShell(sshPort, SHELL_USER, shellPassword, secondFactors);
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
        // 4 minutes unless -Dcivicgrid.it.bootMinutes says otherwise (a machine busy with other builds boots slower).
        awaitHealthy(Duration.ofMinutes(Long.getLong("civicgrid.it.bootMinutes", 4)));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    void awaitHealthy(Duration timeout) {
        try {
            await("GET /api/health answers 200").atMost(timeout).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (process != null && !process.isAlive()) {
                            throw new AssertionError("The platform exited with " + process.exitValue()
                                    + "; see " + home.resolve("console.log"));
                        }
                        return api.status("/health") == 200;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("The platform did not become healthy within " + timeout + ": "
                    + bootDiagnosis(), e);
        }
    }

    /** What an operator would look at when the platform does not come up: the health answer and the log's errors. */
    private String bootDiagnosis() {
        StringBuilder diagnosis = new StringBuilder();
        try {
            Api.Reply health = api.get("/health");
            diagnosis.append("GET /api/health -> ").append(health.status()).append(' ')
                    .append(health.body().length() > 2000 ? health.body().substring(0, 2000) : health.body());
        } catch (RuntimeException unreachable) {
            diagnosis.append("GET /api/health failed: ").append(unreachable);
        }
        try {
            List<String> problems = log().lines()
                    .filter(line -> line.matches(".*\\|\\s*(ERROR|WARN)\\s*\\|.*"))
                    .toList();
            diagnosis.append("\nlog (").append(home.resolve("data/log/karaf.log")).append("), last warnings and errors:");
            problems.subList(Math.max(0, problems.size() - 40), problems.size())
                    .forEach(line -> diagnosis.append("\n  ").append(line.length() > 400 ? line.substring(0, 400) : line));
        } catch (IOException unreadable) {
            diagnosis.append("\nlog unreadable: ").append(unreadable);
        }
        String text = diagnosis.toString();
        System.out.println("Boot diagnosis for " + home + ":\n" + text);
        return text;
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

    /**
     * A port nothing listens on, below Linux's ephemeral range (32768 and up): a port taken from that range can be
     * handed to some process's outgoing connection in the seconds before the platform binds it, and the platform
     * would then start without its web server.
     */
    private static int freePort() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = random.nextInt(20000, 32000);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new java.net.InetSocketAddress("0.0.0.0", port));
            } catch (IOException taken) {
                continue;
            }
            HANDED_OUT.add(port);
            return port;
        }
        throw new IllegalStateException("No free port found between 20000 and 32000");
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
