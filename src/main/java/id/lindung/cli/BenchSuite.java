package id.lindung.cli;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.billing.BillSummary;
import id.lindung.billing.BillingFloor;
import id.lindung.billing.BillingRuns;
import id.lindung.billing.Bills;
import id.lindung.billing.Payments;
import id.lindung.importing.ImportBatch;
import id.lindung.importing.WorkerImports;
import id.lindung.region.Region;
import id.lindung.region.RegionLevel;
import id.lindung.region.Regions;
import id.lindung.registry.ImportFloors;
import id.lindung.shared.Rupiah;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark suite of issue 16, run inside a started Lindung (web server on loopback, its own database): builds a
 * register with the generator, then measures each hot path beside its floor measured in the same run, and the
 * memory of the process through all of it. See docs/benchmarks.md, "The suite".
 */
final class BenchSuite {

    /** What to build and how long to load the API. */
    record Parameters(long workers, long importRows, int months, int seconds, int clients, Path out, int largeVillageWorkers,
                      double claimsPerThousand, BenchLoad.Kind loadClient) {}

    private final ConfigurableApplicationContext ctx;
    private final Parameters p;
    private final BenchReport report;
    private final String base;
    private final Actor bench = Actor.system("bench");
    private final MemoryWatch memory = new MemoryWatch();
    /** The village of {@link BenchRegisterFile}'s large village, whose list and objects section (4) measures. */
    private Region largeVillage;

    BenchSuite(ConfigurableApplicationContext ctx, Parameters p, BenchReport report) {
        this.ctx = ctx;
        this.p = p;
        this.report = report;
        this.base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
    }

    void run() throws Exception {
        memory.start();
        try {
            BenchRegisterFile.Written files = generate();
            importRegister(files.register(), files.measured());
            history();
            claims();
            billing();
            warmCoverage();
            String token = token();
            List<String> niks = sampleNiks(20_000);
            protection(token, niks);
            coverage(token);
            api(token, niks);
        } finally {
            memory.stop();
            memory.report(report);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the register

    /** The worker files ({@link BenchRegisterFile}); remembers the large village for section (4). */
    private BenchRegisterFile.Written generate() throws IOException {
        double l0 = BenchReport.load();
        long t0 = System.nanoTime();
        List<Region> all = ctx.getBean(Regions.class).within(RegionScope.NATIONAL, RegionLevel.VILLAGE);
        BenchRegisterFile.Written w = BenchRegisterFile.write(all, p.workers(), p.importRows(), p.largeVillageWorkers(), p.out());
        largeVillage = w.largeVillage() != null ? w.largeVillage() : all.get(0);
        java.util.Map<String, Object> register = new java.util.LinkedHashMap<>();
        register.put("workers", w.rows());
        register.put("villages", w.villages());
        register.put("villagesInCountry", all.size());
        register.put("perVillage", w.perVillage());
        register.put("measuredImportRows", w.measuredRows());
        register.put("largeVillage", largeVillage.code());
        register.put("largeVillageWorkers", w.largeVillageRows());
        register.put("extremePoor", w.extremePoor());
        report.run.put("register", register);
        report.add(new BenchReport.Figure("0-register", generatedName(w), w.rows(),
                "rows", null, null, String.format(Locale.ROOT, "large village %s: %,d workers; %,d flagged extreme poor (P3KE decile 1)",
                largeVillage.code(), w.largeVillageRows(), w.extremePoor()), l0, BenchReport.load()));
        report.add(new BenchReport.Figure("0-register", "generation time", (System.nanoTime() - t0) / 1e9, "s", null, null,
                null, l0, BenchReport.load()));
        return w;
    }

    /** The generated file's figure: "+ 1 large" only when there is a large village ({@code --village-workers 0}: none). */
    static String generatedName(BenchRegisterFile.Written w) {
        return "worker file generated (" + w.villages() + (w.villages() == 1 ? " village" : " villages")
                + (w.largeVillage() != null ? " + 1 large)" : ")");
    }

    private void importRegister(List<Path> register, Path measured) {
        WorkerImports imports = ctx.getBean(WorkerImports.class);
        ImportFloors floors = ctx.getBean(ImportFloors.class);
        if (!register.isEmpty()) {
            double l0 = BenchReport.load();
            long t0 = System.nanoTime();
            long created = 0;
            List<String> statuses = new ArrayList<>();
            for (Path part : register) {
                ImportBatch b = CurrentActor.runAs(bench, () -> imports.importFile(part.getFileName().toString(), part,
                        new WorkerImports.Options(null, null, true)));
                created += b.workersCreated();
                statuses.add(String.valueOf(b.status()));
            }
            double s = (System.nanoTime() - t0) / 1e9;
            report.add(new BenchReport.Figure("0-register", "register built through the import (" + created + " workers)",
                    created / s, "rows/s", null, null, String.format(Locale.ROOT, "%d file(s) of at most %,d rows, status %s, %.1f s",
                    register.size(), BenchRegisterFile.REGISTER_PART_ROWS, String.join(",", new java.util.TreeSet<>(statuses)), s),
                    l0, BenchReport.load()));
        }
        long rows = lines(measured) - 1;

        double l0 = BenchReport.load();
        double raw = floors.rawCopySeconds(measured);
        report.add(new BenchReport.Figure("1-import", "floor: raw COPY of the file into an unindexed table", rows / raw, "rows/s",
                null, null, String.format(Locale.ROOT, "%.2f s", raw), l0, BenchReport.load()));

        double l1 = BenchReport.load();
        long v0 = System.nanoTime();
        ImportBatch validated = CurrentActor.runAs(bench, () -> imports.importFile("import.csv", measured, WorkerImports.Options.none()));
        double validate = (System.nanoTime() - v0) / 1e9;
        double l2 = BenchReport.load();
        ImportFloors.FairFloor fair = floors.fairFloor(validated.id(), p.out());
        report.add(new BenchReport.Figure("1-import", "fair floor: COPY of parsed rows into the real worker and term tables",
                fair.workers() / fair.seconds(), "rows/s", null, null, String.format(Locale.ROOT,
                "%.2f s (workers %.2f s, %,d terms %.2f s)", fair.seconds(), fair.workerSeconds(), fair.terms(), fair.termSeconds()),
                l2, BenchReport.load()));
        double l3 = BenchReport.load();
        long a0 = System.nanoTime();
        ImportBatch done = CurrentActor.runAs(bench, () -> imports.confirm(validated.id()));
        double apply = (System.nanoTime() - a0) / 1e9;
        double total = validate + apply;
        double l4 = BenchReport.load();
        report.add(new BenchReport.Figure("1-import", "staged import end to end (validate + apply)", rows / total, "rows/s",
                fair.workers() / fair.seconds(), total / fair.seconds(), String.format(Locale.ROOT,
                "%.2f s = validate %.2f s (load %.2f) + apply %.2f s; %,d workers, %,d terms; %.1fx the raw COPY's time; status %s",
                total, validate, l1, apply, done.workersCreated(), done.termsOpened(), total / raw, done.status()),
                l3, l4, IMPORT_ROWS_PER_SECOND_TARGET));
        report.add(new BenchReport.Figure("1-import", "import: times the fair floor", total / fair.seconds(), "x", null, null,
                String.format(Locale.ROOT, "%.2f s against %.2f s", total, fair.seconds()), l3, l4, IMPORT_RATIO_TARGET));
    }

    private static long lines(Path file) {
        try (var s = Files.lines(file)) {
            return s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code months} months of bills before the current one, oldest first, each followed by its payments, a few days
     * before the due date: government payers (APBDes, APBD) pay except about one in seven, who stopped three months ago,
     * and about one in eleven pays only part; one self-paying (BPU) worker in five pays. So the register has arrears.
     */
    private void history() {
        if (p.months() == 0) {
            return;
        }
        BillingRuns runs = ctx.getBean(BillingRuns.class);
        Bills bills = ctx.getBean(Bills.class);
        Payments payments = ctx.getBean(Payments.class);
        LocalDate today = LocalDate.now(ctx.getBean(Clock.class));
        YearMonth current = YearMonth.from(today);
        List<String> provinces = ctx.getBean(Regions.class).within(RegionScope.NATIONAL, RegionLevel.PROVINCE).stream()
                .map(Region::code).toList();
        double l0 = BenchReport.load();
        long t0 = System.nanoTime();
        long paid = 0;
        for (int back = p.months(); back >= 1; back--) {
            YearMonth month = current.minusMonths(back);
            CurrentActor.runAs(bench, () -> runs.run(month, bench, true));
            for (String province : provinces) {
                // one province at a time: the month's bills of the whole country would not fit a small heap
                Actor scoped = new Actor("system:bench", Role.ADMIN, RegionScope.of(province), "local");
                List<Payments.PaymentRequest> batch = new ArrayList<>();
                for (BillSummary bill : bills.forMonth(month, scoped)) {
                    int h = Math.floorMod(bill.payer().hashCode(), 77);
                    boolean self = bill.payer().startsWith("SELF:");
                    boolean pays = self ? h % 5 == 0 : !(h % 7 == 0 && back <= 3);
                    LocalDate on = bill.dueDate().minusDays(3);
                    if (!pays || on.isAfter(today) || !bill.total().isGreaterThan(Rupiah.ZERO)) {
                        continue;
                    }
                    Rupiah amount = h % 11 == 0 ? bill.total().scaleToRupiah(6, 10, RoundingMode.DOWN) : bill.total();
                    batch.add(new Payments.PaymentRequest(bill.payer(), "BENCH-" + month + "-" + bill.id(), on,
                            amount.toBigDecimal(), "BENCH", true));
                }
                if (!batch.isEmpty()) {
                    CurrentActor.runAs(bench, () -> payments.recordAll(batch, bench));
                    paid += batch.size();
                }
            }
        }
        report.add(new BenchReport.Figure("0-register", p.months() + " months of bills and payments", paid, "payments", null,
                null, String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9), l0, BenchReport.load()));
    }

    /**
     * Claims, a few per thousand workers ({@code --claims-per-thousand}), through the claim module's service
     * ({@link BenchClaims}), after the history so that protection on the incident dates is known.
     */
    private void claims() {
        int count = (int) Math.round(p.workers() * p.claimsPerThousand() / 1000);
        if (count == 0) {
            return;
        }
        double l0 = BenchReport.load();
        long t0 = System.nanoTime();
        BenchClaims.Result r = new BenchClaims(ctx.getBean(id.lindung.claim.Claims.class), ctx.getBean(JdbcClient.class),
                LocalDate.now(ctx.getBean(Clock.class))).create(count);
        double s = (System.nanoTime() - t0) / 1e9;
        report.run.put("claims", java.util.Map.of("asked", count, "byStatus", r.byStatus(), "refused", r.refused()));
        report.add(new BenchReport.Figure("0-register", "claims opened through the claim service", r.stored(), "claims", null, null,
                String.format(Locale.ROOT, "%.1f s; by status %s; %d refused by the module%s", s, r.byStatus(), r.refused(),
                        r.firstRefusal() == null ? "" : " (first: " + r.firstRefusal() + ")"), l0, BenchReport.load()));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (2) billing

    private void billing() {
        YearMonth month = YearMonth.now(ctx.getBean(Clock.class));
        double l0 = BenchReport.load();
        BillingFloor.Floor floor = ctx.getBean(BillingFloor.class).measure(month);
        report.add(new BenchReport.Figure("2-billing", "floor: INSERT ... SELECT of the month's lines", floor.lines() / floor.seconds(),
                "lines/s", null, null, String.format(Locale.ROOT, "%,d lines in %.2f s into a table like bill_line "
                + "(into a temporary table, no write-ahead log: %.2f s)", floor.lines(), floor.seconds(), floor.temporarySeconds()),
                l0, BenchReport.load()));
        // beside the issue's floor, the fair floor: the rows a first run writes, each kind by one plain statement into the
        // real tables (indexes, foreign keys, change-log triggers), rolled back; it shows what the run pays beyond them
        double lf = BenchReport.load();
        BillingFloor.FairFloor fair = ctx.getBean(BillingFloor.class).fairFloor(month);
        report.add(new BenchReport.Figure("2-billing", "fair floor (billing): INSERT ... SELECTs of the run's rows into the real tables",
                fair.lines() / fair.seconds(), "lines/s", null, null, String.format(Locale.ROOT, "%,d lines in %.2f s, %,d bills with "
                + "first versions in %.2f s, %,d balances with month totals in %.2f s: %.2f s, rolled back", fair.lines(),
                fair.linesSeconds(), fair.bills(), fair.billsSeconds(), fair.balances(), fair.balancesSeconds(), fair.seconds()),
                lf, BenchReport.load()));
        double l1 = BenchReport.load();
        long t0 = System.nanoTime();
        BillingRuns.Result r = CurrentActor.runAs(bench, () -> ctx.getBean(BillingRuns.class).run(month, bench, true));
        double s = (System.nanoTime() - t0) / 1e9;
        long memberships = ctx.getBean(JdbcClient.class).sql("""
                select count(*) from registry_membership_term where valid_from < :next and (valid_to is null or valid_to > :start)""")
                .param("next", java.sql.Date.valueOf(month.plusMonths(1).atDay(1))).param("start", java.sql.Date.valueOf(month.atDay(1)))
                .query(Long.class).single();
        report.add(new BenchReport.Figure("2-billing", "billing run of " + month + " over all active memberships", r.lines() / s,
                "lines/s", floor.lines() / floor.seconds(), s / floor.seconds(), String.format(Locale.ROOT,
                "%,d bills, %,d lines in %.2f s; %,d active memberships: %.1f s per million", r.bills(), r.lines(), s, memberships,
                s * 1e6 / Math.max(1, memberships)), l1, BenchReport.load()));
        double l2 = BenchReport.load();
        report.add(new BenchReport.Figure("2-billing", "billing run: times the floor", s / floor.seconds(), "x", null, null,
                String.format(Locale.ROOT, "%.2f s against %.2f s", s, floor.seconds()), l1, l2, BILLING_RATIO_TARGET));
        report.add(new BenchReport.Figure("2-billing", "billing run: times the fair floor", s / fair.seconds(), "x", null, null,
                String.format(Locale.ROOT, "%.2f s against %.2f s (no target: the issue's is against the floor above)", s,
                        fair.seconds()), l1, l2));
        report.add(new BenchReport.Figure("2-billing", "billing run: seconds per million active memberships",
                s * 1e6 / Math.max(1, memberships), "s", null, null, null, l1, l2, BILLING_SECONDS_PER_MILLION_TARGET));
    }

    /** Issue 16: the import at most twice its fair floor's time and at least 40,000 rows a second. */
    static final double IMPORT_RATIO_TARGET = 2.0;
    static final double IMPORT_ROWS_PER_SECOND_TARGET = 40_000;
    /** Issue 16: at least 5,000 contribution quotes a second from 50 clients, the 99th percentile under 20 ms. */
    static final double QUOTES_PER_SECOND_TARGET = 5_000;
    static final double QUOTE_P99_MS_TARGET = 20;
    /** Issue 16: everything completes with the server at -Xmx512m. */
    static final double HEAP_MIB_TARGET = 512;

    /** Issue 16: a month's run at most 1.25 times its floor and under 30 s per million memberships. */
    static final double BILLING_RATIO_TARGET = 1.25;
    static final double BILLING_SECONDS_PER_MILLION_TARGET = 30;

    // ---------------------------------------------------------------------------------------------------------------
    // (3) protection, (4) coverage, (5) API

    private String token() {
        UserAccounts accounts = ctx.getBean(UserAccounts.class);
        String username = "bench.admin";
        if (!accounts.exists(username)) {
            accounts.create(username, UUID.randomUUID().toString(), Role.ADMIN, RegionScope.NATIONAL_CODE, "Benchmark", false);
        }
        return accounts.issueToken(username);
    }

    /** NIKs of workers drawn at random (by id, through the registry's published view). */
    private List<String> sampleNiks(int n) {
        return ctx.getBean(JdbcClient.class).sql("""
                select w.nik from registry_worker w
                where w.id in (select (lo + floor(random() * (hi - lo + 1)))::bigint
                               from (select min(id) lo, max(id) hi from registry_worker) b, generate_series(1, :n))""")
                .param("n", n).query(String.class).list();
    }

    private void protection(String token, List<String> niks) throws Exception {
        LocalDate today = LocalDate.now(ctx.getBean(Clock.class));
        int span = (int) Math.max(1, p.months() * 30L);
        SplittableRandom random = new SplittableRandom(16);
        List<BenchLoad.Request> requests = niks.stream().map(nik -> BenchLoad.Request.get("/api/v1/workers/" + nik
                + "/protection?date=" + today.minusDays(random.nextInt(span)))).toList();
        load(token).run("protection", requests)
                .report(report, "3-protection", "protection status by NIK, random workers and dates");
    }

    /**
     * (4) coverage: the indicator objects of the nation, the large village's province and regency and the village
     * itself, today and on the 15th of a month half the billed history ago, the children of the nation and of that
     * province, and the first page of the large village's worker list (API and page), each against its target.
     */
    private void coverage(String token) throws Exception {
        LocalDate today = LocalDate.now(ctx.getBean(Clock.class));
        LocalDate past = YearMonth.from(today).minusMonths(Math.max(1, p.months() / 2)).atDay(15);
        String village = largeVillage.code();
        BenchCoverage.Areas areas = new BenchCoverage.Areas(village.substring(0, 2), village.substring(0, 5), village);
        new BenchCoverage(base, token, p.seconds()).run(BenchCoverage.cases(areas, past), report);
    }

    /**
     * The coverage rollups brought up to the generated history and the measured billing run, as a server start does
     * (coverage.internal.RollupWarmUp), so section (4) measures reads, not the rebuild the first read would pay.
     */
    private void warmCoverage() {
        double l0 = BenchReport.load();
        long ms = ctx.getBean(id.lindung.coverage.CoverageIndicators.class).warmUp();
        report.add(new BenchReport.Figure("4-coverage", "rollups brought up to the generated history (warm-up before the reads)",
                ms / 1000.0, "s", null, null, null, l0, BenchReport.load()));
    }

    private void api(String token, List<String> niks) throws Exception {
        YearMonth month = YearMonth.now(ctx.getBean(Clock.class));
        BenchLoad load = load(token);
        load.run("quote", List.of(
                BenchLoad.Request.post("/api/v1/quotes/contribution",
                        "{\"segment\":\"BPU\",\"month\":\"" + month + "\",\"wage\":1000000,\"programs\":[\"JKK\",\"JKM\"]}"),
                BenchLoad.Request.post("/api/v1/quotes/contribution", "{\"segment\":\"PU\",\"month\":\"" + month
                        + "\",\"wage\":2022200,\"risk\":\"VERY_LOW\",\"programs\":[\"JKK\",\"JKM\",\"JHT\",\"JP\"]}")))
                .report(report, "5-api", "contribution quote, " + p.clients() + " clients", QUOTES_PER_SECOND_TARGET, QUOTE_P99_MS_TARGET);
        load.run("worker", niks.stream().map(nik -> BenchLoad.Request.get("/api/v1/workers/" + nik)).toList())
                .report(report, "5-api", "worker lookup by NIK, " + p.clients() + " clients");
    }

    /** The load client of sections (3) and (5), named in the JSON's run description. */
    private BenchLoad load(String token) {
        BenchLoad load = BenchLoad.of(p.loadClient(), base, token, p.clients(), p.seconds(), p.out());
        report.run.put("loadClient", load.client());
        return load;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (6) memory

    /**
     * Samples the heap in use every 100 ms through the whole run (the JVM's own figure), and reads the process's peak
     * resident memory from {@code /proc/self/status} at the end. The server, the import, billing and the load clients
     * share this JVM, so the figures are an upper bound for the server alone.
     */
    static final class MemoryWatch {
        private volatile boolean running;
        private volatile long peakHeap;
        private Thread thread;

        void start() {
            running = true;
            thread = new Thread(() -> {
                var bean = ManagementFactory.getMemoryMXBean();
                while (running) {
                    peakHeap = Math.max(peakHeap, bean.getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-memory");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
            if (thread != null) {
                thread.interrupt();
            }
        }

        void report(BenchReport report) {
            double load = BenchReport.load();
            long max = Runtime.getRuntime().maxMemory();
            // the target is that everything completes at -Xmx512m: met when it did at that size or less (the run reached this)
            report.add(new BenchReport.Figure("6-memory", "peak heap in use (sampled every 100 ms)", peakHeap / 1048576.0, "MiB",
                    null, null, "max heap as the JVM reports it " + max / 1048576 + " MiB (below -Xmx with ParallelGC, which leaves one "
                    + "survivor space out); the server, the import, billing, the generator and the coverage section's client share the JVM, "
                    + "and the load clients of sections 3 and 5 when they are not wrk (see loadClient)", load, load,
                    max / 1048576.0 <= HEAP_MIB_TARGET ? HEAP_MIB_TARGET : null));
            long[] rss = residentKib();
            if (rss[0] > 0) {
                report.add(new BenchReport.Figure("6-memory", "peak resident memory of the JVM (VmHWM)", rss[0] / 1024.0, "MiB",
                        null, null, "resident now " + rss[1] / 1024 + " MiB; the PostgreSQL processes are not included", load, load));
            } else {
                report.notMeasured.put("6-memory rss", "no /proc/self/status on this system");
            }
        }

        private static long[] residentKib() {
            long hwm = 0;
            long rss = 0;
            try {
                for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (l.startsWith("VmHWM:")) {
                        hwm = Long.parseLong(l.replaceAll("\\D", ""));
                    } else if (l.startsWith("VmRSS:")) {
                        rss = Long.parseLong(l.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                return new long[] {0, 0};
            }
            return new long[] {hwm, rss};
        }
    }
}
