package id.lindung.cli;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load tests of sections (3) and (5): {@code clients} connections on loopback, each sending its requests one after
 * the other for {@code seconds} after a short warm-up, cycling through one list of requests from its own place in it.
 *
 * <p>Two clients make the same figures. {@link Wrk} drives the server from wrk, a load generator written in C, in its
 * own process: the server's JVM then pays only for the server, as it would in production. {@link InJvm} uses
 * java.net.http clients inside the server's own JVM; they cost about as much CPU per request as a quote costs the
 * server, on the same two cores, so they understate its rate (docs/benchmarks.md, "API under load": 3,556 quotes/s
 * with in-JVM clients, 8,000-11,000 with wrk, same code). {@code auto} takes wrk when it is on the PATH.
 */
abstract sealed class BenchLoad permits BenchLoad.InJvm, BenchLoad.Wrk {

    /** Which client drives the load: {@code --load-client}. */
    enum Kind { AUTO, WRK, JAVA }

    /** One request of the list the clients cycle through; {@code body} is JSON or null. */
    record Request(String method, String path, String body) {
        static Request get(String path) {
            return new Request("GET", path, null);
        }

        static Request post(String path, String json) {
            return new Request("POST", path, json);
        }
    }

    /** What a load test measured, whichever client made it. Latencies are of the measured requests, not the warm-up. */
    record Figures(long requests, long errors, double seconds, double p50Ms, double p95Ms, double p99Ms, double loadStart,
                   double loadEnd, String firstError, String client) {

        void report(BenchReport report, String section, String what) {
            report(report, section, what, null, null);
        }

        /** With the targets where it sets them (the quote: at least 5,000 a second, p99 at most 20 ms). */
        void report(BenchReport report, String section, String what, Double rateTarget, Double p99Target) {
            String note = String.format(Locale.ROOT, "%,d requests in %.1f s, %d errors%s; p50 %.2f ms, p95 %.2f ms, p99 %.2f ms; client: %s",
                    requests, seconds, errors, firstError == null ? "" : " (first: " + firstError + ")", p50Ms, p95Ms, p99Ms, client);
            report.add(new BenchReport.Figure(section, what, requests / seconds, "req/s", null, null, note, loadStart, loadEnd, rateTarget));
            report.add(new BenchReport.Figure(section, what + ": p50", p50Ms, "ms", null, null, null, loadStart, loadEnd));
            report.add(new BenchReport.Figure(section, what + ": p95", p95Ms, "ms", null, null, null, loadStart, loadEnd));
            report.add(new BenchReport.Figure(section, what + ": p99", p99Ms, "ms", null, null, null, loadStart, loadEnd, p99Target));
        }
    }

    final String base;
    final String token;
    final int clients;
    final int seconds;

    private BenchLoad(String base, String token, int clients, int seconds) {
        this.base = base;
        this.token = token;
        this.clients = clients;
        this.seconds = seconds;
    }

    /**
     * The client {@code kind} asks for; {@code AUTO} is wrk when an executable {@code wrk} is on the PATH, else the
     * in-JVM clients. {@code WRK} without wrk on the PATH is refused before anything is measured.
     */
    static BenchLoad of(Kind kind, String base, String token, int clients, int seconds, Path scripts) {
        Optional<Path> wrk = kind == Kind.JAVA ? Optional.empty() : onPath("wrk");
        if (kind == Kind.WRK && wrk.isEmpty()) {
            throw new IllegalArgumentException("--load-client wrk: no executable 'wrk' on the PATH (apt install wrk), "
                    + "or use --load-client java");
        }
        return wrk.<BenchLoad>map(w -> new Wrk(w, base, token, clients, seconds, scripts))
                .orElseGet(() -> new InJvm(base, token, clients, seconds));
    }

    static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(Pattern.quote(File.pathSeparator))).filter(d -> !d.isBlank())
                .map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst();
    }

    /** What drives the load, for the notes and the JSON. */
    abstract String client();

    /** Loads the server with {@code requests} (at least one) and returns what was measured. */
    abstract Figures run(String label, List<Request> requests) throws Exception;

    /** The warm-up before the measured seconds: the JIT and the pools, not the figure. */
    final int warmUpSeconds() {
        return Math.min(5, Math.max(1, seconds / 4));
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** wrk in its own process, with a generated Lua script that cycles through the requests. */
    static final class Wrk extends BenchLoad {
        private static final Pattern RESULT = Pattern.compile(
                "LINDUNG-WRK requests=(\\d+) duration_us=(\\d+) status_errors=(\\d+) socket_errors=(\\d+) "
                        + "p50_us=([0-9.]+) p95_us=([0-9.]+) p99_us=([0-9.]+)");
        private final Path wrk;
        private final Path scripts;

        Wrk(Path wrk, String base, String token, int clients, int seconds, Path scripts) {
            super(base, token, clients, seconds);
            this.wrk = wrk;
            this.scripts = scripts;
        }

        int threads() {
            // wrk needs at least one connection per thread; two threads drive tens of thousands of requests a second
            return Math.min(clients, 2);
        }

        @Override
        String client() {
            return "wrk, " + threads() + " threads, " + clients + " connections, outside the server's JVM";
        }

        @Override
        Figures run(String label, List<Request> requests) throws Exception {
            Files.createDirectories(scripts);
            Path script = scripts.resolve("wrk-" + label + ".lua");
            Files.writeString(script, script(token, requests), StandardCharsets.UTF_8);
            wrk(script, warmUpSeconds());
            double loadStart = BenchReport.load();
            String out = wrk(script, seconds);
            double loadEnd = BenchReport.load();
            return parse(out, loadStart, loadEnd, client());
        }

        private String wrk(Path script, int forSeconds) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(wrk.toString(), "-t", Integer.toString(threads()), "-c", Integer.toString(clients),
                    "-d", forSeconds + "s", "--timeout", "60s", "-s", script.toString(), base + "/")
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(forSeconds + 120L, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("wrk did not finish: " + out);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("wrk exited with " + process.exitValue() + ": " + out);
            }
            return out;
        }

        /** The figures from the line the script's {@code done} writes; wrk's status errors are answers of 400 and above. */
        static Figures parse(String out, double loadStart, double loadEnd, String client) {
            Matcher m = RESULT.matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("wrk wrote no result line: " + out);
            }
            long requests = Long.parseLong(m.group(1));
            double seconds = Long.parseLong(m.group(2)) / 1e6;
            long statusErrors = Long.parseLong(m.group(3));
            long socketErrors = Long.parseLong(m.group(4));
            String first = statusErrors + socketErrors == 0 ? null
                    : statusErrors + " answers of 400 or above, " + socketErrors + " connection errors or time-outs";
            return new Figures(requests, statusErrors + socketErrors, seconds, Double.parseDouble(m.group(5)) / 1000,
                    Double.parseDouble(m.group(6)) / 1000, Double.parseDouble(m.group(7)) / 1000, loadStart, loadEnd, first, client);
        }

        /**
         * A wrk script: each thread starts at its own place in the list and takes the requests in turn, each with the
         * bearer token; {@code done} writes one line with the counts and the 50th, 95th and 99th percentile latency.
         */
        static String script(String token, List<Request> requests) {
            if (requests.isEmpty()) {
                throw new IllegalArgumentException("no requests to send");
            }
            StringBuilder s = new StringBuilder("-- written by lindung bench (BenchLoad.Wrk)\n");
            s.append("local token = ").append(lua(token)).append('\n');
            s.append("local list = {\n");
            for (Request r : requests) {
                s.append(" {").append(lua(r.method())).append(", ").append(lua(r.path())).append(", ")
                        .append(r.body() == null ? "nil" : lua(r.body())).append("},\n");
            }
            s.append("}\n");
            s.append("""
                    local threads = {}
                    function setup(thread)
                      table.insert(threads, thread)
                      thread:set("start", #threads * 7919)
                    end
                    local i = 0
                    function init(args)
                      i = start or 0
                    end
                    function request()
                      i = i + 1
                      local r = list[(i % #list) + 1]
                      local headers = { ["Authorization"] = "Bearer " .. token }
                      if r[3] ~= nil then headers["Content-Type"] = "application/json" end
                      return wrk.format(r[1], r[2], headers, r[3])
                    end
                    function done(summary, latency, requests)
                      local e = summary.errors
                      io.write(string.format("LINDUNG-WRK requests=%d duration_us=%d status_errors=%d socket_errors=%d p50_us=%.1f p95_us=%.1f p99_us=%.1f\\n",
                        summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
                        latency:percentile(50), latency:percentile(95), latency:percentile(99)))
                    end
                    """);
            return s.toString();
        }

        /** A Lua string literal: every character outside printable ASCII, and the quote and backslash, escaped. */
        static String lua(String text) {
            StringBuilder s = new StringBuilder("\"");
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (c == '"' || c == '\\' || c < 0x20 || c > 0x7e) {
                    s.append('\\').append(String.format(Locale.ROOT, "%03d", c));
                } else {
                    s.append((char) c);
                }
            }
            return s.append('"').toString();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** java.net.http clients in this JVM, one thread each; counts answers that are not 2xx as errors. */
    static final class InJvm extends BenchLoad {

        InJvm(String base, String token, int clients, int seconds) {
            super(base, token, clients, seconds);
        }

        @Override
        String client() {
            return "java.net.http, " + clients + " threads in the server's JVM";
        }

        @Override
        Figures run(String label, List<Request> requests) throws Exception {
            if (requests.isEmpty()) {
                throw new IllegalArgumentException("no requests to send");
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                AtomicLong errors = new AtomicLong();
                String[] firstError = new String[1];
                double loadStart = BenchReport.load();
                long warmUpEnd = System.nanoTime() + warmUpSeconds() * 1_000_000_000L;
                long end = warmUpEnd + seconds * 1_000_000_000L;
                List<Future<long[]>> futures = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int start = (int) ((long) c * requests.size() / clients);
                    futures.add(pool.submit(() -> {
                        long[] times = new long[1024];
                        int n = 0;
                        int i = start;
                        // every client keeps going until it has at least one measured answer: on an overloaded machine one
                        // request can outlast the whole measurement
                        for (long now = System.nanoTime(); now < end || n == 0; now = System.nanoTime()) {
                            Request r = requests.get(i++ % requests.size());
                            HttpRequest request = build(r);
                            long t0 = System.nanoTime();
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            long t1 = System.nanoTime();
                            if (t0 < warmUpEnd) {
                                continue;
                            }
                            if (response.statusCode() / 100 != 2) {
                                if (errors.getAndIncrement() == 0) {
                                    firstError[0] = response.statusCode() + " " + request.uri().getPath();
                                }
                            }
                            if (n == times.length) {
                                times = Arrays.copyOf(times, n * 2);
                            }
                            times[n++] = t1 - t0;
                        }
                        return Arrays.copyOf(times, n);
                    }));
                }
                long[] all = new long[0];
                for (Future<long[]> f : futures) {
                    long[] t = f.get();
                    long[] merged = Arrays.copyOf(all, all.length + t.length);
                    System.arraycopy(t, 0, merged, all.length, t.length);
                    all = merged;
                }
                Arrays.sort(all);
                double measured = Math.max(seconds, (System.nanoTime() - warmUpEnd) / 1e9);
                return new Figures(all.length, errors.get(), measured, percentileMs(all, 0.50), percentileMs(all, 0.95),
                        percentileMs(all, 0.99), loadStart, BenchReport.load(), firstError[0], client());
            } finally {
                pool.shutdownNow();
            }
        }

        private HttpRequest build(Request r) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + r.path())).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(60));
            if (r.body() == null) {
                return b.method(r.method(), HttpRequest.BodyPublishers.noBody()).build();
            }
            return b.header("Content-Type", "application/json").method(r.method(), HttpRequest.BodyPublishers.ofString(r.body())).build();
        }

        static double percentileMs(long[] sortedNanos, double q) {
            if (sortedNanos.length == 0) {
                return 0;
            }
            return sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.ceil(q * sortedNanos.length) - 1)] / 1e6;
        }
    }
}
