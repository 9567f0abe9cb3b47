package id.lindung.billing;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.time.YearMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Billing run for 1,000,000 active memberships against the floor: one INSERT ... SELECT that writes
 * the same lines with the same arithmetic. Prints both; asserts nothing about time (machines differ).
 * Run: {@code ./mvnw test -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=BillingRunBenchmark}
 * (set -Dlindung.bench.terms=N for another size).
 */
@Tag("benchmark")
@IntegrationTest
class BillingRunBenchmark {

    @Autowired JdbcClient jdbc;
    @Autowired BillingRuns runs;
    @Autowired MonthRulesSource rules;
    @Autowired BillingFloor floors;
    @Autowired javax.sql.DataSource dataSource;

    @Test
    void billingRunAgainstTheInsertSelectFloor() {
        int terms = Integer.getInteger("lindung.bench.terms", 1_000_000);
        createMemberships(jdbc, terms);

        YearMonth month = YearMonth.of(2025, 6);
        MonthRules r = rules.forMonth(month);
        // the floor: the same lines, the same arithmetic, into a table shaped and indexed like bill_line
        jdbc.sql("create table floor_line (like bill_line including defaults including identity including indexes)").update();
        jdbc.sql("create temp table bench_rate (program text, segment text, share text, risk_group text, labour_intensive boolean, "
                + "rate numeric, flat numeric, base_cap numeric, band_step numeric, band_min numeric, band_max numeric)").update();
        for (RateRow x : r.rates()) {
            jdbc.sql("insert into bench_rate values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").params(x.program(), x.segment(), x.share(),
                    x.riskGroup(), x.labourIntensive(), x.rate(), x.flat(), x.baseCap(), x.bandStep(), x.bandMin(), x.bandMax()).update();
        }
        long f0 = System.nanoTime();
        long floorLines = jdbc.sql("""
                insert into floor_line (payer_id, month, worker_id, village_code, term_id, program, segment, due_date, share,
                                        kind, base, rate, amount, regulation_version)
                select case m.share when 'EMPLOYER' then t.employer_payer_id else t.worker_payer_id end, date '2025-06-01',
                       t.worker_id, t.village_code, t.id, t.program, t.segment, date '2025-07-15', m.share, 'ORIGINAL', b.base, m.rate,
                       case when m.flat is not null then m.flat else round(b.base * m.rate, 0) end, 'floor'
                from membership_term t
                join bench_rate m on m.program = t.program and m.segment = t.segment
                     and (m.risk_group is null or m.risk_group = t.risk_group)
                     and (m.labour_intensive is null or m.labour_intensive = t.labour_intensive)
                cross join lateral (select case when m.band_step is not null then greatest(m.band_min, least(m.band_max,
                        floor(t.wage / m.band_step) * m.band_step)) when m.base_cap is not null then least(t.wage, m.base_cap)
                        else t.wage end as base) b
                where t.valid_from < date '2025-07-01' and (t.valid_to is null or t.valid_to > date '2025-06-01')""").update();
        double floorSeconds = (System.nanoTime() - f0) / 1e9;
        BillingFloor.FairFloor fair = floors.fairFloor(month);
        if (Boolean.getBoolean("lindung.bench.explain")) {
            explainRun();
        }

        Actor admin = TestUsers.actor("bench", Role.ADMIN, "ID");
        long b0 = System.nanoTime();
        BillingRuns.Result result = CurrentActor.runAs(admin, () -> runs.run(month, admin, true));
        double runSeconds = (System.nanoTime() - b0) / 1e9;
        long r0 = System.nanoTime();
        BillingRuns.Result rerun = CurrentActor.runAs(admin, () -> runs.run(month, admin, true));
        double rerunSeconds = (System.nanoTime() - r0) / 1e9;

        System.out.printf("BENCH floor INSERT ... SELECT: %,d lines in %.2f s%n", floorLines, floorSeconds);
        System.out.printf("BENCH fair floor (the run's rows into the real tables, rolled back): %,d lines in %.2f s, %,d bills with "
                + "first versions in %.2f s, %,d balances with month totals in %.2f s: %.2f s%n", fair.lines(), fair.linesSeconds(),
                fair.bills(), fair.billsSeconds(), fair.balances(), fair.balancesSeconds(), fair.seconds());
        System.out.printf("BENCH billing run %s: %,d bills, %,d lines, total Rp %,.0f in %.2f s (%.2f x floor, %.2f x fair floor)%n",
                month, result.bills(), result.lines(), result.total().toBigDecimal(), runSeconds, runSeconds / floorSeconds,
                runSeconds / fair.seconds());
        System.out.printf("BENCH idempotent re-run: %,d lines added in %.2f s%n", rerun.lines(), rerunSeconds);
        PaymentAllocationBenchmark.printDigests(jdbc);
        jdbc.sql("drop table floor_line").update();
    }

    /**
     * With {@code -Dlindung.bench.explain=true}: every statement of the run over 100 ms is sent to the client as a notice (JdbcTemplate logs it at DEBUG) with its
     * plan, actual rows, buffers and triggers (auto_explain, nested statements included), for profiling. The settings
     * are the application role's, set by the superuser, and the pool's connections are replaced to pick them up.
     */
    private void explainRun() {
        explainEveryStatement(dataSource, "100ms", true);
    }

    /** auto_explain for the application role: statements from {@code minDuration} on, with actual rows and timing or plans only. */
    static void explainEveryStatement(javax.sql.DataSource dataSource, String minDuration, boolean analyze) {
        try {
            java.util.Properties credentials = new java.util.Properties();
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(
                    java.nio.file.Path.of(System.getProperty("lindung.data-dir"), "db-credentials.properties"))) {
                credentials.load(in);
            }
            com.zaxxer.hikari.HikariDataSource pool = (com.zaxxer.hikari.HikariDataSource) dataSource;
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(pool.getJdbcUrl(), "postgres",
                    credentials.getProperty("superuser.password")); java.sql.Statement s = c.createStatement()) {
                String role = pool.getUsername();
                for (String setting : java.util.List.of("session_preload_libraries = 'auto_explain'",
                        "auto_explain.log_min_duration = '" + minDuration + "'", "auto_explain.log_analyze = " + analyze,
                        "auto_explain.log_buffers = " + analyze,
                        "auto_explain.log_nested_statements = on", "auto_explain.log_triggers = " + analyze, "auto_explain.log_timing = " + analyze,
                        "auto_explain.log_level = notice",
                        "log_min_duration_statement = '100ms'")) {
                    s.execute("alter role " + role + " set " + setting);
                }
            }
            pool.getHikariPoolMXBean().softEvictConnections();
        } catch (java.io.IOException | java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code terms} active membership terms from 2025-01 spread over every desa: 60% PU village officials with JKK, JKM,
     * JHT and JP paid by their village, the rest BPU workers with JKK and JKM (also used by {@link BillListBenchmark}).
     */
    static void createMemberships(JdbcClient jdbc, int terms) {
        int puWorkers = terms * 3 / 20;           // 4 programmes each: 60% of the terms
        int bpuWorkers = (terms - puWorkers * 4) / 2; // 2 programmes each: the rest
        long t0 = System.nanoTime();
        int villages = id.lindung.support.BenchVillages.seed(jdbc);
        jdbc.sql("""
                insert into worker (nik, full_name, sex, birth_date, village_code, category, created_by)
                select lpad((9000000000000000 + i)::text, 16, '0'), 'Pekerja ' || i, 'L', date '1985-01-01', v.code,
                       case when i <= :pu then 'PERANGKAT_DESA' else 'PETANI' end, 'bench'
                from generate_series(1, :total) i join bench_village v on v.n = 1 + i % :villages""")
                .param("pu", puWorkers).param("total", puWorkers + bpuWorkers).param("villages", villages).update();
        jdbc.sql("""
                insert into membership_term (worker_id, village_code, program, segment, wage, risk_group, employer_payer_id,
                    worker_payer_id, valid_from, created_by)
                select w.id, w.village_code, p.program, case when w.category = 'PETANI' then 'BPU' else 'PU' end,
                       2000000 + (w.id % 90) * 100000, 'VERY_LOW',
                       case when w.category = 'PETANI' then null else v.payer end, v.payer, date '2025-01-01', 'bench'
                from worker w join bench_village v on v.code = w.village_code
                cross join lateral (select unnest(case when w.category = 'PETANI' then array['JKK','JKM'] else array['JKK','JKM','JHT','JP'] end) as program) p
                where w.created_by = 'bench'""").update();
        jdbc.sql("analyze").update();
        long active = jdbc.sql("select count(*) from membership_term where created_by = 'bench'").query(Long.class).single();
        System.out.printf("BENCH setup: %,d active memberships (%,d PU workers x 4, %,d BPU workers x 2) in %.1f s%n",
                active, puWorkers, bpuWorkers, (System.nanoTime() - t0) / 1e9);
    }
}
