package id.lindung.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: starts Lindung (web server on a free loopback port, an embedded PostgreSQL in a throwaway data
 * directory under {@code --out}), builds a register with the generator and measures every hot path beside its floor
 * (issue 16). Prints a table on stdout and writes {@code bench.json} into {@code --out}.
 */
@Command(name = "bench", description = {"Benchmark suite: generate a register of --workers workers, then measure the import "
        + "(against a raw COPY and a COPY of parsed rows into the real tables), a month's billing run (against one "
        + "INSERT ... SELECT), protection lookups, the coverage objects and a 10,000-worker village's list, the API "
        + "under --clients concurrent clients, the memory used, and the JMH microbenchmarks (first, unless --no-jmh). "
        + "Prints a table and writes OUT/bench.json. Run it with -Xmx512m to check the memory target.",
        "The database is a fresh embedded PostgreSQL in OUT/data, deleted at the end unless --keep-data (a folder "
        + "OUT/data the suite did not make is refused, never deleted); the server's log is kept as OUT/server.log."})
class BenchCommand implements Callable<Integer> {

    @Option(names = "--workers", required = true, description = "Workers in the register (the measured import included).")
    long workers;
    @Option(names = "--import-rows", description = "Rows of the measured import (default: the smaller of 1,000,000 and --workers).")
    Long importRows;
    @Option(names = "--months", defaultValue = "12", description = "Months of bills and payments before the measured month (default 12).")
    int months;
    @Option(names = "--seconds", defaultValue = "20", description = "Measured seconds of each load test (default 20).")
    int seconds;
    @Option(names = "--clients", defaultValue = "50", description = "Concurrent loopback clients (default 50).")
    int clients;
    @Option(names = "--out", defaultValue = "target/bench", description = "Folder for bench.json, the files and the database (default target/bench).")
    Path out;
    @Option(names = "--keep-data", description = "Keep the database folder OUT/data after the run.")
    boolean keepData;
    @Option(names = "--village-workers", defaultValue = "10000",
            description = "Workers of the one large village whose worker list section 4 measures (default 10,000; 0: none).")
    int villageWorkers;
    @Option(names = "--claims-per-thousand", defaultValue = "2",
            description = "Claims opened through the claim service per 1,000 workers (default 2).")
    double claimsPerThousand;
    @Option(names = "--jmh", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run the JMH microbenchmarks first, in this JVM (default); --no-jmh to skip them.")
    boolean jmh;
    @Option(names = "--load-client", defaultValue = "auto",
            description = "What drives sections 3 and 5: auto (wrk when it is on the PATH, else java), wrk (a C load generator in its own "
                    + "process: the server's JVM pays only for the server) or java (java.net.http clients inside the server's JVM).")
    String loadClient;
    @Option(names = "--fsync", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "fsync and synchronous commit on, as in production (default); --no-fsync for a quick run.")
    boolean fsync;

    @Override
    public Integer call() throws Exception {
        atLeast("--workers", workers, 1);
        atLeast("--seconds", seconds, 1);
        atLeast("--clients", clients, 1);
        atLeast("--months", months, 0);
        atLeast("--village-workers", villageWorkers, 0);
        atLeast("--claims-per-thousand", claimsPerThousand, 0);
        BenchLoad.Kind kind = switch (loadClient.toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> BenchLoad.Kind.AUTO;
            case "wrk" -> BenchLoad.Kind.WRK;
            case "java" -> BenchLoad.Kind.JAVA;
            default -> throw new IllegalArgumentException("--load-client must be auto, wrk or java, not '" + loadClient + "'");
        };
        if (kind == BenchLoad.Kind.WRK && BenchLoad.onPath("wrk").isEmpty()) {
            throw new IllegalArgumentException("--load-client wrk: no executable 'wrk' on the PATH (apt install wrk), or use --load-client java");
        }
        long measured = importRows != null ? importRows : Math.min(1_000_000, workers);
        if (measured < 1 || measured > workers) {
            throw new IllegalArgumentException("--import-rows must be between 1 and --workers (" + workers + "), not " + measured);
        }
        Path data = benchData(out);
        BenchReport report = new BenchReport();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("workers", workers);
        parameters.put("importRows", measured);
        parameters.put("months", months);
        parameters.put("seconds", seconds);
        parameters.put("clients", clients);
        parameters.put("fsync", fsync);
        parameters.put("villageWorkers", villageWorkers);
        parameters.put("claimsPerThousand", claimsPerThousand);
        parameters.put("jmh", jmh);
        parameters.put("loadClient", kind.name().toLowerCase(java.util.Locale.ROOT));
        report.run.put("parameters", parameters);
        // the JVM's own -X options as given (-Xmx, the collector), not re-derived (ParallelGC reports less than -Xmx as its
        // maximum); never the -D ones, which may carry a database password into a file that gets committed
        report.run.put("command", java.util.stream.Stream.concat(java.util.stream.Stream.of("java"),
                        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-X")))
                .collect(java.util.stream.Collectors.joining(" ")) + " -jar lindung.jar bench --workers "
                + workers + " --import-rows " + measured + " --months " + months + " --seconds " + seconds + " --clients " + clients
                + " --village-workers " + villageWorkers + " --claims-per-thousand " + claimsPerThousand
                + " --load-client " + kind.name().toLowerCase(java.util.Locale.ROOT) + (fsync ? "" : " --no-fsync") + (jmh ? "" : " --no-jmh"));
        if (jmh) {
            try {
                microBenchmarks(report);
            } catch (Exception | LinkageError e) {
                // the rest of the suite does not depend on it: say why and go on
                report.notMeasured.put("7-jmh", "JMH failed: " + e);
            }
        } else {
            report.notMeasured.put("7-jmh", "--no-jmh");
        }
        double l0 = BenchReport.load();
        long t0 = System.nanoTime();
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(LindungCommandLine.application)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // command-line arguments outrank system properties and the environment: this database, never the usual one
                // (spring.datasource.url emptied: a JVM given an external database, as CI's PostgreSQL 15 run is, would
                // otherwise build the benchmark register in that shared database)
                .run("--lindung.data-dir=" + data, "--lindung.db-port=0", "--lindung.db-durable=" + fsync, "--lindung.demo=false",
                        "--spring.datasource.url=",
                        "--server.port=0", "--server.address=127.0.0.1", "--logging.threshold.console=OFF",
                        "--lindung.privacy.nik-probes-per-window=1000000")) {
            report.add(new BenchReport.Figure("0-register", "start with an empty database (migrations, official regions)",
                    (System.nanoTime() - t0) / 1e9, "s", null, null, null, l0, BenchReport.load()));
            new BenchSuite(ctx, new BenchSuite.Parameters(workers, measured, months, seconds, clients, out,
                    villageWorkers, claimsPerThousand, kind), report).run();
        } finally {
            report.writeJson(out.resolve("bench.json"));
            report.printTable(System.out);
            System.out.flush();
            if (!keepData) {
                // the server's log (its step times, DEBUG where asked) outlives the database: a run's figures are
                // explained from it afterwards
                Path log = data.resolve("logs").resolve("lindung.log");
                if (Files.exists(log)) {
                    Files.move(log, out.resolve("server.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                deleteTree(data);
            }
        }
        return 0;
    }

    /**
     * (7) The JMH microbenchmarks, before the server starts so that they run on a JVM nothing else has warmed; iterations
     * of a tenth of {@code --seconds} (1 to 2 s). JMH's own log goes to OUT/jmh.txt.
     */
    private void microBenchmarks(BenchReport report) throws Exception {
        double l0 = BenchReport.load();
        int iteration = Math.max(1, Math.min(2, seconds / 10));
        for (MicroBenchmarks.Score s : MicroBenchmarks.run(iteration, out.resolve("jmh.txt"))) {
            report.add(new BenchReport.Figure("7-jmh", s.benchmark().replace(MicroBenchmarks.class.getPackageName() + ".", ""),
                    s.score(), s.unit(), null, null, String.format(java.util.Locale.ROOT,
                    "JMH, one thread, in this JVM (forks 0), 3 x 1 s warm-up, 5 x %d s measured; 99.9%% error %,.0f", iteration, s.error()),
                    l0, BenchReport.load()));
        }
    }

    /**
     * Refuses an option below its least value, naming it and the value given; a fraction must also be a finite number
     * ({@code --claims-per-thousand NaN} passed a {@code < 0} check, {@code Infinity} became -1 claims).
     */
    private static void atLeast(String option, Number value, long least) {
        double v = value.doubleValue();
        if (!(v >= least) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(option + " must be a number of at least " + least + ", not " + value);
        }
    }

    /** The file in OUT/data that says the suite made the folder, so that it is the only one the suite deletes. */
    static final String DATA_MARK = "lindung-bench-data";

    /**
     * OUT made if need be and OUT/data emptied for a fresh database, with {@link #DATA_MARK} in it. A folder OUT/data
     * the suite did not make is refused, not deleted: {@code --out .} run where Lindung keeps its database (the
     * default data directory is {@code ./data}) deleted that database. An OUT that is a file or cannot be written is
     * a bad argument said in one line, not a stack trace and "error: OUT".
     */
    static Path benchData(Path out) {
        Path data = out.resolve("data").toAbsolutePath();
        try {
            Files.createDirectories(out);
            if (Files.exists(data, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.exists(data.resolve(DATA_MARK))
                    && !isEmptyFolder(data)) {
                throw new IllegalArgumentException("--out: " + data + " exists and was not made by bench (it may be a Lindung "
                        + "database); bench deletes only its own, so choose another --out or move that folder away");
            }
            deleteTree(data);
            Files.createDirectories(data);
            Files.createFile(data.resolve(DATA_MARK));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new IllegalArgumentException("--out: " + e.getFile() + " is a file, not a folder");
        } catch (IOException e) {
            String reason = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? ": " + fs.getReason() : "";
            throw new IllegalArgumentException("--out " + out + ": the folder cannot be made or written" + reason);
        }
        return data;
    }

    private static boolean isEmptyFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
