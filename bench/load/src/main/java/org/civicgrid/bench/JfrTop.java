package org.civicgrid.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU time of a JFR recording goes: the share of execution samples that pass through each layer of the
 * stack (a sample counts for every layer it passes through, so shares add up to more than 100 %), the methods on top
 * of the stack (self time), and the platform's own methods by inclusive time. Markdown on standard output.
 */
final class JfrTop {

    /** Layers by package prefix, in the order printed. */
    private static final Map<String, String> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("HTTP server (Jetty)", "org.eclipse.jetty.");
        LAYERS.put("JAX-RS (CXF, Aries whiteboard)", "org.apache.cxf.|org.apache.aries.jax.rs.");
        LAYERS.put("JSON (Jackson)", "com.fasterxml.jackson.");
        LAYERS.put("sign-in (JAAS, PBKDF2, digests)", "javax.security.auth.|com.sun.crypto.|sun.security.|org.apache.karaf.jaas.");
        LAYERS.put("civicgrid code", "org.civicgrid.");
        LAYERS.put("JPA (EclipseLink, Aries JPA)", "org.eclipse.persistence.|org.apache.aries.jpa.");
        LAYERS.put("transactions (Geronimo, pax-transx)", "org.apache.geronimo.|org.ops4j.pax.transx.");
        LAYERS.put("pool (commons-dbcp2/pool2)", "org.apache.commons.dbcp2.|org.apache.commons.pool2.");
        LAYERS.put("H2 database engine", "org.h2.");
        LAYERS.put("PostgreSQL driver", "org.postgresql.");
        LAYERS.put("logging (Pax Logging, log4j2)", "org.ops4j.pax.logging.|org.apache.logging.");
        LAYERS.put("EventAdmin (Felix)", "org.apache.felix.eventadmin.");
        LAYERS.put("grid index (JTS)", "org.locationtech.jts.");
    }

    private JfrTop() {
    }

    static void print(Path file, int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> civicgrid = new HashMap<>();
        Map<String, Integer> layers = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, double[]> waits = new HashMap<>();
        int samples = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                String type = event.getEventType().getName();
                if (WAITS.containsKey(type) && event.getStackTrace() != null) {
                    wait(waits, WAITS.get(type), event);
                    continue;
                }
                if (!type.equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                samples++;
                String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
                threads.merge(thread == null ? "?" : thread.replaceAll("[0-9]+", "N"), 1, Integer::sum);
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (!frames.isEmpty()) {
                    self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
                }
                Set<String> seen = new HashSet<>();
                Set<String> seenLayers = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String method = name(frame.getMethod());
                    if (method.startsWith("org.civicgrid.") && seen.add(method)) {
                        civicgrid.merge(method, 1, Integer::sum);
                    }
                    for (Map.Entry<String, String> layer : LAYERS.entrySet()) {
                        for (String prefix : layer.getValue().split("\\|")) {
                            if (method.startsWith(prefix) && seenLayers.add(layer.getKey())) {
                                layers.merge(layer.getKey(), 1, Integer::sum);
                            }
                        }
                    }
                }
            }
        }
        System.out.println("CPU samples (jdk.ExecutionSample): " + samples + ". Samples see threads running Java code only: "
                + "time spent waiting (for the database's disk, locks, the network) does not show here.");
        System.out.println();
        System.out.println("| layer on the stack | share of samples |");
        System.out.println("| --- | ---: |");
        for (String layer : LAYERS.keySet()) {
            System.out.printf("| %s | %s |%n", layer, pct(layers.getOrDefault(layer, 0), samples));
        }
        System.out.println();
        table("threads (numbers masked)", threads, samples, 8);
        table("methods on top of the stack (self)", self, samples, top);
        table("civicgrid methods on the stack (inclusive)", civicgrid, samples, top);
        System.out.println("Waiting inside civicgrid code (JFR events over their threshold, 10–20 ms with the `profile` settings: "
                + "shorter waits are not recorded), by kind, innermost civicgrid method and the library frame waiting:");
        System.out.println();
        System.out.println("| wait | in | at | events | total s |");
        System.out.println("| --- | --- | --- | ---: | ---: |");
        waits.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1])).limit(top)
                .forEach(e -> {
                    String[] k = e.getKey().split("\t");
                    System.out.printf("| %s | `%s` | `%s` | %.0f | %.1f |%n", k[0], k[1], k[2], e.getValue()[0], e.getValue()[1]);
                });
        System.out.println();
    }

    private static final Map<String, String> WAITS = Map.of(
            "jdk.ThreadPark", "parked (lock, pool, future)",
            "jdk.JavaMonitorEnter", "monitor (synchronized)",
            "jdk.JavaMonitorWait", "monitor wait",
            "jdk.SocketRead", "socket read (database, network)",
            "jdk.FileForce", "fsync (file force)",
            "jdk.FileWrite", "file write",
            "jdk.FileRead", "file read");

    /** A wait counts when civicgrid code is on its stack (idle pool threads wait too, outside any request). */
    private static void wait(Map<String, double[]> waits, String kind, RecordedEvent event) {
        List<RecordedFrame> frames = event.getStackTrace().getFrames();
        String civicgrid = null;
        String library = null;
        for (RecordedFrame frame : frames) {
            String method = name(frame.getMethod());
            if (library == null && !method.startsWith("java.") && !method.startsWith("jdk.") && !method.startsWith("sun.")) {
                library = method;
            }
            if (method.startsWith("org.civicgrid.") && !method.contains("$$Lambda") && !method.contains(".lambda$")) {
                civicgrid = method;
                break;
            }
        }
        if (civicgrid == null) {
            return;
        }
        double[] sum = waits.computeIfAbsent(kind + "\t" + civicgrid + "\t" + (library == null ? "-" : library), k -> new double[2]);
        sum[0]++;
        sum[1] += event.getDuration().toNanos() / 1e9;
    }

    private static void table(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println("| " + title + " | share |");
        System.out.println("| --- | ---: |");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("| `%s` | %s |%n", e.getKey().replace("|", "\\|"), pct(e.getValue(), samples)));
        System.out.println();
    }

    private static String pct(int n, int total) {
        return total == 0 ? "-" : String.format("%.1f %%", 100.0 * n / total);
    }

    private static String name(RecordedMethod method) {
        return method == null ? "?" : method.getType().getName() + "." + method.getName();
    }
}
