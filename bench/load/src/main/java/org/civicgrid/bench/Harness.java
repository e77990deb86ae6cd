package org.civicgrid.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.dbcp2.BasicDataSource;

/**
 * The load harness bench/run.sh calls. Each command prints one tab-separated result line on standard output
 * (see {@link Result#line}); progress goes to standard error.
 *
 * <pre>
 * points      --base URL --user U --password P --region CODE --out FILE     a point inside each grid of the region
 * intake-rest --base URL --user U --password P --points FILE [--clients 16 --seconds 30 --warmup 5 --name NAME
 *             --stop-file FILE --log FILE]      --stop-file: stop early once FILE exists (--seconds is then the most);
 *                                               --log: every request's start, end (epoch ms), latency and outcome
 * window      --log FILE --from EPOCH_MS --to EPOCH_MS [--name NAME]          the requests of a log overlapping a window
 * intake-jdbc --url JDBC --user U --password P --points FILE --reporter ID [--clients 16 --pool 16 --seconds 30 --warmup 5]
 * query       --base URL --user U --password P --name NAME --path /cases?… [--requests 300 --warmup 30]
 * jfr-top     --file F.jfr [--top 20]                                            where the CPU time goes
 * </pre>
 */
public final class Harness {

    private Harness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java -jar load.jar points|intake-rest|intake-jdbc|query|window|jfr-top --option value ...");
            System.exit(2);
        }
        Map<String, String> o = options(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "points" -> points(o);
            case "intake-rest" -> System.out.println(intakeRest(o).line());
            case "intake-jdbc" -> System.out.println(intakeJdbc(o).line());
            case "query" -> System.out.println(query(o).line());
            case "window" -> System.out.println(window(o).line());
            case "jfr-top" -> JfrTop.print(Path.of(o.get("file")), Integer.parseInt(o.getOrDefault("top", "20")));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        return o;
    }

    private static int integer(Map<String, String> o, String key, int otherwise) {
        return Integer.parseInt(o.getOrDefault(key, String.valueOf(otherwise)));
    }

    // ------------------------------------------------------------------ HTTP

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static String basic(Map<String, String> o) {
        return "Basic " + Base64.getEncoder().encodeToString((o.get("user") + ":" + o.get("password"))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String url, String authorization) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A village and a point well inside one of its grids. */
    record Spot(String village, String grid, double lon, double lat) {
    }

    private static final Pattern GRID = Pattern.compile("\\{\"code\":\"(\\d+)\".*?\"villageCode\":\"(\\d+)\".*?\"(?:geometry|geoJson)\":\"(.*?[^\\\\])\"");
    private static final Pattern PAIR = Pattern.compile("\\[(1\\d\\d\\.\\d+),(\\d\\d\\.\\d+)\\]");

    /** Writes a point inside each grid of the region (the mean of its outline's corners: the demo grids are convex enough). */
    static void points(Map<String, String> o) throws Exception {
        HttpResponse<String> grids = get(o.get("base") + "/grids?region=" + o.get("region"), basic(o));
        if (grids.statusCode() != 200) {
            throw new IllegalStateException("GET /grids answered " + grids.statusCode() + ": " + grids.body());
        }
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (String grid : grids.body().split("(?=\\{\"code\":)")) {
            Matcher m = GRID.matcher(grid);
            if (!m.find()) {
                continue;
            }
            Matcher pairs = PAIR.matcher(m.group(3));
            double sx = 0;
            double sy = 0;
            int n = 0;
            while (pairs.find()) {
                sx += Double.parseDouble(pairs.group(1));
                sy += Double.parseDouble(pairs.group(2));
                n++;
            }
            if (n > 1) {
                // the ring repeats its first corner: leave it out of the mean
                Matcher first = PAIR.matcher(m.group(3));
                first.find();
                sx -= Double.parseDouble(first.group(1));
                sy -= Double.parseDouble(first.group(2));
                n--;
                out.append(m.group(2)).append('\t').append(m.group(1)).append('\t').append(sx / n).append('\t')
                        .append(sy / n).append('\n');
                count++;
            }
        }
        if (count == 0) {
            throw new IllegalStateException("No grid with an outline in region " + o.get("region") + ": "
                    + grids.body().substring(0, Math.min(300, grids.body().length())));
        }
        Files.writeString(Path.of(o.get("out")), out);
        System.err.println(count + " grid points written to " + o.get("out"));
    }

    static List<Spot> spots(Map<String, String> o) throws IOException {
        List<Spot> spots = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(o.get("points")))) {
            String[] f = line.split("\t");
            if (f.length == 4) {
                spots.add(new Spot(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3])));
            }
        }
        if (spots.isEmpty()) {
            throw new IllegalStateException("no points in " + o.get("points"));
        }
        return spots;
    }

    static final String[][] CATEGORIES = {
        {"street-light", "路灯不亮", "村口路灯连续三晚不亮，夜里行人看不清路"},
        {"road-damage", "路面塌陷", "村道中间出现一米见方的坑，电动车经过容易摔倒"},
        {"sanitation", "垃圾未清运", "垃圾点三天没有清运，气味很大"},
        {"manhole", "井盖缺失", "小区门口雨水井盖丢失，有孩子路过很危险"},
        {"noise", "夜间施工噪声", "工地晚上十一点以后还在施工，影响休息"},
    };

    /** Case intake over REST: N clients, each POSTing reports one after the other. */
    static Result intakeRest(Map<String, String> o) throws Exception {
        List<Spot> spots = spots(o);
        String base = o.get("base");
        String authorization = basic(o);
        // One request first, so a wrong user or a broken platform fails loudly instead of timing 100 % errors.
        HttpResponse<String> first = post(base + "/cases", authorization, body(spots.get(0), 0));
        if (first.statusCode() != 201) {
            throw new IllegalStateException("POST /cases answered " + first.statusCode() + ": " + first.body());
        }
        if (!first.body().contains("\"gridCode\":\"" + spots.get(0).grid() + "\"")) {
            System.err.println("note: the first case was not placed in grid " + spots.get(0).grid() + ": " + first.body());
        }
        AtomicLong sequence = new AtomicLong(1);
        Path stopFile = o.containsKey("stop-file") ? Path.of(o.get("stop-file")) : null;
        RequestLog log = o.containsKey("log") ? new RequestLog() : null;
        Result result = Load.run(o.getOrDefault("name", "intake-rest"), integer(o, "clients", 16), integer(o, "seconds", 30),
                integer(o, "warmup", 5), stopFile == null ? () -> false : () -> Files.exists(stopFile), log, () -> {
                    long n = sequence.getAndIncrement();
                    HttpResponse<String> r = post(base + "/cases", authorization, body(spots.get((int) (n % spots.size())), n));
                    return r.statusCode() == 201 ? null : r.statusCode() + " " + r.body();
                });
        if (log != null) {
            log.write(Path.of(o.get("log")));
        }
        return result;
    }

    /**
     * Every request of a load run: when it started and ended (epoch milliseconds, so a script can line it up with
     * what it did meanwhile), its latency and its outcome. Kept in memory and written once at the end.
     */
    static final class RequestLog {

        private final java.util.Queue<String> lines = new java.util.concurrent.ConcurrentLinkedQueue<>();

        void add(long startMillis, long endMillis, long nanos, String error) {
            lines.add(startMillis + "\t" + endMillis + "\t" + nanos + "\t"
                    + (error == null ? "ok" : error.replaceAll("[\t\n\r]", " ")));
        }

        void write(Path file) throws IOException {
            Files.write(file, lines);
        }
    }

    /**
     * The requests of a {@link RequestLog} that overlap the window [from, to] (epoch milliseconds): how many went well
     * and how many failed while something else happened, e.g. a plug-in being installed.
     */
    static Result window(Map<String, String> o) throws IOException {
        long from = Long.parseLong(o.get("from"));
        long to = Long.parseLong(o.get("to"));
        if (to < from) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        List<Long> nanos = new ArrayList<>();
        Map<String, Integer> errors = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of(o.get("log")))) {
            String[] f = line.split("\t", 4);
            if (f.length < 4 || Long.parseLong(f[1]) < from || Long.parseLong(f[0]) > to) {
                continue;
            }
            if (f[3].equals("ok")) {
                nanos.add(Long.parseLong(f[2]));
            } else {
                errors.merge(f[3], 1, Integer::sum);
            }
        }
        return new Result(o.getOrDefault("name", "window"), nanos.stream().mapToLong(Long::longValue).toArray(),
                (to - from) / 1000.0, errors, "window=" + from + ".." + to);
    }

    private static String body(Spot spot, long n) {
        String[] c = CATEGORIES[(int) (n % CATEGORIES.length)];
        return "{\"title\":\"" + c[1] + " " + n + "\",\"description\":\"" + c[2] + "（压测 " + n + "）\",\"category\":\""
                + c[0] + "\",\"channel\":\"APP\",\"regionCode\":\"" + spot.village() + "\",\"longitude\":" + spot.lon()
                + ",\"latitude\":" + spot.lat() + "}";
    }

    private static HttpResponse<String> post(String url, String authorization, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The physical baseline: the rows a report writes, with plain JDBC over a commons-dbcp2 pool configured as the
     * platform's: the case and its first step ({@code cg_case_step}) in one transaction, then, as the platform does
     * after that commit, the platform-wide audit entry in a transaction of its own: the chain's head row locked
     * ({@code select … for update}), the entry inserted with its SHA-256 chained to the head's, the head moved on.
     */
    static Result intakeJdbc(Map<String, String> o) throws Exception {
        List<Spot> spots = spots(o);
        String reporter = o.get("reporter");
        try (BasicDataSource pool = new BasicDataSource()) {
            pool.setUrl(o.get("url"));
            pool.setUsername(o.get("user"));
            pool.setPassword(o.getOrDefault("password", ""));
            int size = integer(o, "pool", 16);
            pool.setMaxTotal(size);
            pool.setMaxIdle(size);
            pool.setMinIdle(2);
            pool.setMaxWait(Duration.ofSeconds(10));
            pool.setTestOnBorrow(true);
            pool.setDefaultAutoCommit(false);
            AtomicLong sequence = new AtomicLong();
            return Load.run(o.getOrDefault("name", "intake-jdbc"), integer(o, "clients", 16), integer(o, "seconds", 30),
                    integer(o, "warmup", 5), () -> false, null, () -> {
                        long n = sequence.getAndIncrement();
                        insert(pool, spots.get((int) (n % spots.size())), n, reporter);
                        return null;
                    });
        }
    }

    private static final String INSERT_CASE = "insert into cg_case (id, title, description, category, channel, state, "
            + "case_level, region_code, grid_code, longitude, latitude, address, reporter_id, unit_id, deadline, "
            + "requested_hours, rating, reported_at, updated_at, version) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String INSERT_STEP = "insert into cg_case_step (id, case_id, seq, at, actor_id, action, "
            + "from_state, to_state, note, unit_id) values (?,?,?,?,?,?,?,?,?,?)";

    private static void insert(BasicDataSource pool, Spot spot, long n, String reporter) throws SQLException {
        String[] c = CATEGORIES[(int) (n % CATEGORIES.length)];
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
        try (Connection connection = pool.getConnection()) {
            try (PreparedStatement p = connection.prepareStatement(INSERT_CASE)) {
                p.setString(1, id);
                p.setString(2, c[1] + " " + n);
                p.setString(3, c[2] + "（压测 " + n + "）");
                p.setString(4, c[0]);
                p.setString(5, "APP");
                p.setString(6, "REPORTED");
                p.setString(7, "VILLAGE");
                p.setString(8, spot.village());
                p.setString(9, spot.grid());
                p.setDouble(10, spot.lon());
                p.setDouble(11, spot.lat());
                p.setNull(12, Types.VARCHAR);
                p.setString(13, reporter);
                p.setNull(14, Types.VARCHAR);
                p.setTimestamp(15, new Timestamp(now.getTime() + 3_600_000));
                p.setNull(16, Types.INTEGER);
                p.setNull(17, Types.INTEGER);
                p.setTimestamp(18, now);
                p.setTimestamp(19, now);
                p.setInt(20, 1);
                p.executeUpdate();
            }
            try (PreparedStatement p = connection.prepareStatement(INSERT_STEP)) {
                p.setString(1, UUID.randomUUID().toString());
                p.setString(2, id);
                p.setInt(3, 1);
                p.setTimestamp(4, now);
                p.setString(5, reporter);
                p.setNull(6, Types.VARCHAR);
                p.setNull(7, Types.VARCHAR);
                p.setString(8, "REPORTED");
                p.setString(9, "Reported through APP");
                p.setNull(10, Types.VARCHAR);
                p.executeUpdate();
            }
            connection.commit();
            audit(connection, id, spot.village(), reporter, now);
        }
    }

    private static final String HEAD = "select seq, hash from cg_audit_head where id = 1 for update";
    private static final String INSERT_AUDIT = "insert into cg_audit (seq, at, actor, action, object_type, object_id, "
            + "region_code, outcome, detail, prev_hash, hash) values (?,?,?,?,?,?,?,?,?,?,?)";
    private static final String MOVE_HEAD = "update cg_audit_head set seq = ?, hash = ? where id = 1";

    private static void audit(Connection connection, String caseId, String region, String actor, Timestamp at) throws SQLException {
        long seq;
        String prev;
        try (PreparedStatement p = connection.prepareStatement(HEAD); java.sql.ResultSet r = p.executeQuery()) {
            if (!r.next()) {
                throw new SQLException("cg_audit_head has no row 1");
            }
            seq = r.getLong(1) + 1;
            prev = r.getString(2);
        }
        String detail = "REPORTED";
        String hash;
        try {
            hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(
                    String.join("\u001f", prev, String.valueOf(seq), at.toString(), actor, "case.reported", "case", caseId,
                            region, "OK", detail).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (PreparedStatement p = connection.prepareStatement(INSERT_AUDIT)) {
            p.setLong(1, seq);
            p.setTimestamp(2, at);
            p.setString(3, actor);
            p.setString(4, "case.reported");
            p.setString(5, "case");
            p.setString(6, caseId);
            p.setString(7, region);
            p.setString(8, "OK");
            p.setString(9, detail);
            p.setString(10, prev);
            p.setString(11, hash);
            p.executeUpdate();
        }
        try (PreparedStatement p = connection.prepareStatement(MOVE_HEAD)) {
            p.setLong(1, seq);
            p.setString(2, hash);
            p.executeUpdate();
        }
        connection.commit();
    }

    /** One kind of query over REST, one request after the other, to see the latency of each. */
    static Result query(Map<String, String> o) throws Exception {
        String url = o.get("base") + o.get("path");
        String authorization = basic(o);
        int warmup = integer(o, "warmup", 30);
        int requests = integer(o, "requests", 300);
        HttpResponse<String> first = get(url, authorization);
        if (first.statusCode() != 200) {
            throw new IllegalStateException("GET " + o.get("path") + " answered " + first.statusCode() + ": " + first.body());
        }
        for (int i = 0; i < warmup; i++) {
            get(url, authorization);
        }
        long[] nanos = new long[requests];
        Map<String, Integer> errors = new TreeMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = get(url, authorization);
            nanos[i] = System.nanoTime() - t0;
            if (r.statusCode() != 200) {
                errors.merge(r.statusCode() + " " + r.body().substring(0, Math.min(120, r.body().length())), 1, Integer::sum);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(o.getOrDefault("name", "query"), nanos, seconds, errors, items(first.body()));
    }

    /** How many cases a list answered, or the total of a figures answer: shows the query found something. */
    private static String items(String body) {
        if (body.startsWith("[")) {
            return "rows=" + (body.equals("[]") ? 0 : body.split("\\{\"id\":").length - 1);
        }
        Matcher total = Pattern.compile("\"total\":(\\d+)").matcher(body);
        return total.find() ? "total=" + total.group(1) : "";
    }

    // ------------------------------------------------------------------ load and results

    interface Work {
        /** @return null when it went well, else what went wrong */
        String call() throws Exception;
    }

    static final class Load {

        /**
         * N clients calling the work one after the other for warm-up + seconds, or until {@code stop} says so (checked
         * about every 100 ms). Only calls that start after the warm-up and end in time are measured.
         */
        static Result run(String name, int clients, int seconds, int warmup, java.util.function.BooleanSupplier stop,
                          RequestLog log, Work work) throws InterruptedException {
            long start = System.nanoTime();
            long measureFrom = start + warmup * 1_000_000_000L;
            AtomicLong endAt = new AtomicLong(
                    measureFrom + seconds * 1_000_000_000L);
            List<long[]> samples = new ArrayList<>();
            int[] counts = new int[clients];
            Map<String, Integer> errors = new ConcurrentHashMap<>();
            AtomicLong failedDuringWarmup = new AtomicLong();
            Thread[] threads = new Thread[clients];
            for (int t = 0; t < clients; t++) {
                long[] mine = new long[1 << 16];
                samples.add(mine);
                int index = t;
                threads[t] = new Thread(() -> {
                    long[] own = samples.get(index);
                    int n = 0;
                    while (true) {
                        long t0 = System.nanoTime();
                        long end = endAt.get();
                        if (t0 >= end) {
                            break;
                        }
                        long startMillis = System.currentTimeMillis();
                        String error;
                        try {
                            error = work.call();
                        } catch (Exception e) {
                            error = e.getClass().getSimpleName() + ": " + e.getMessage();
                        }
                        long t1 = System.nanoTime();
                        if (log != null) {
                            log.add(startMillis, System.currentTimeMillis(), t1 - t0, error);
                        }
                        if (error != null) {
                            String key = error.length() > 160 ? error.substring(0, 160) : error;
                            if (t0 >= measureFrom) {
                                errors.merge(key, 1, Integer::sum);
                            } else {
                                failedDuringWarmup.incrementAndGet();
                                errors.merge("(warm-up) " + key, 1, Integer::sum);
                            }
                        } else if (t0 >= measureFrom && t1 <= endAt.get()) {
                            if (n == own.length) {
                                own = Arrays.copyOf(own, n * 2);
                                samples.set(index, own);
                            }
                            own[n++] = t1 - t0;
                        }
                    }
                    counts[index] = n;
                }, name + "-" + t);
                threads[t].start();
            }
            // The stop signal ends the run early: the measured window ends there (seconds below is what ran).
            while (System.nanoTime() < endAt.get() && threads[0].isAlive()) {
                if (stop.getAsBoolean()) {
                    endAt.set(Math.max(measureFrom, System.nanoTime()));
                    break;
                }
                Thread.sleep(100);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double measured = (endAt.get() - measureFrom) / 1e9;
            int total = Arrays.stream(counts).sum();
            long[] all = new long[total];
            int at = 0;
            for (int t = 0; t < clients; t++) {
                System.arraycopy(samples.get(t), 0, all, at, counts[t]);
                at += counts[t];
            }
            return new Result(name, all, measured, new TreeMap<>(errors), "clients=" + clients);
        }
    }

    /** Latencies in nanoseconds of the successful requests, and what failed. */
    record Result(String name, long[] nanos, double seconds, Map<String, Integer> errors, String note) {

        /** name, ok, errors, seconds, per second, p50 ms, p99 ms, max ms, note, first error */
        String line() {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int failed = errors.entrySet().stream().filter(e -> !e.getKey().startsWith("(warm-up)"))
                    .mapToInt(Map.Entry::getValue).sum();
            int warm = errors.entrySet().stream().filter(e -> e.getKey().startsWith("(warm-up)"))
                    .mapToInt(Map.Entry::getValue).sum();
            String firstError = errors.isEmpty() ? "" : errors.entrySet().iterator().next().getKey().replaceAll("[\t\n\r]", " ");
            return String.join("\t", name, String.valueOf(sorted.length), String.valueOf(failed),
                    String.format("%.1f", seconds), String.format("%.1f", sorted.length / seconds),
                    ms(percentile(sorted, 0.50)), ms(percentile(sorted, 0.99)),
                    ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]),
                    note + (warm > 0 ? " warm-up-errors=" + warm : ""), firstError);
        }

        private static long percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
        }

        private static String ms(long nanos) {
            return String.format("%.2f", nanos / 1e6);
        }
    }
}
