package id.lindung.cli;

import id.lindung.access.Actor;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.region.Region;
import id.lindung.region.RegionLevel;
import id.lindung.region.Regions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
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

    /** Issue 16: at least 5,000 contribution quotes a second from 50 clients, the 99th percentile under 20 ms. */
    static final double QUOTES_PER_SECOND_TARGET = 5_000;
    static final double QUOTE_P99_MS_TARGET = 20;

    private final ConfigurableApplicationContext ctx;
    private final Parameters p;
    private final BenchReport report;
    private final String base;
    private final Actor bench = Actor.system("bench");
    private final BenchMemoryWatch memory = new BenchMemoryWatch();
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
            new BenchImport(ctx, p, report, bench).importRegister(files.register(), files.measured());
            BenchHistory history = new BenchHistory(ctx, p, report, bench);
            history.billsAndPayments();
            history.claims();
            new BenchBilling(ctx, report, bench).billing();
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
}
