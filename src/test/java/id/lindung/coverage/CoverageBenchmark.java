package id.lindung.coverage;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.coverage.internal.CoverageRollups;
import id.lindung.coverage.internal.RollupReads;
import id.lindung.coverage.internal.IndicatorSql;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The coverage indicators on a generated national register: workers over every desa (a kepala desa, perangkat,
 * BPD and RT/RW paid by the village as PU, the rest BPU farmers), JKK and JKM terms, twelve months of bill lines
 * (December 2025 to November 2026) with about four BPU months in five paid in time, and their allocation. Prints
 * p50/p95/p99 of the national, a provincial, a regency and a village object for today and a past date, and the
 * children of the nation and of a province, read from the rollups (each read includes its refresh), beside one direct
 * count of the same object and the execution time PostgreSQL reports (EXPLAIN ANALYZE) for the rollup statements,
 * whose plans go to target/coverage-plans.txt; and what freshness costs (the change-log trigger on a write, a rebuild,
 * the refresh after one payment and after a regency's). Asserts nothing about time (machines differ).
 * Run: {@code ./mvnw test -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=CoverageBenchmark -Dlindung.bench.workers=1000000}
 * (default 1,000,000 workers; {@code -Dlindung.bench.months=N} months of bills up to November 2026, default 12;
 * {@code -Dlindung.bench.runs=N} measured calls per case, default 11; {@code -Dlindung.bench.direct=false} skips the
 * direct counts, which take tens of seconds for the nation).
 */
@Tag("benchmark")
@IntegrationTest
class CoverageBenchmark {

    @Autowired JdbcClient jdbc;
    @Autowired CoverageIndicators indicators;
    @Autowired MonevReports reports;
    @Autowired CoverageRollups rollups;
    @Autowired RollupReads rolledUp;
    @Autowired id.lindung.access.UserAccounts accounts;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    @Test
    void indicatorsOnANationalRegister() throws Exception {
        int workers = Integer.getInteger("lindung.bench.workers", 1_000_000);
        int runs = Integer.getInteger("lindung.bench.runs", 11);
        boolean direct = !"false".equals(System.getProperty("lindung.bench.direct"));
        CoverageBenchData.generate(jdbc, workers);
        Actor admin = TestUsers.actor("coverage-bench", Role.ADMIN, "ID");
        String village = jdbc.sql("select min(village_code) from membership_term where created_by = 'bench-coverage'")
                .query(String.class).single();
        String regency = village.substring(0, 5);
        String province = village.substring(0, 2);
        LocalDate today = indicators.today();
        LocalDate past = LocalDate.of(2026, 6, 15);
        StringBuilder plans = new StringBuilder();
        System.out.printf("BENCH coverage: %,d workers, %,d terms, %,d bill lines, %,d paid months; load %s%n", workers,
                count("membership_term"), count("bill_line"), count("paid_month"), load());
        refreshCosts(village, regency);
        Map<String, Object[]> cases = new LinkedHashMap<>();
        for (LocalDate date : List.of(today, past)) {
            cases.put("nation " + date, new Object[] {"ID", 0, date, false});
            cases.put("province " + province + " " + date, new Object[] {province, 2, date, false});
            cases.put("regency " + regency + " " + date, new Object[] {regency, 5, date, false});
            cases.put("village " + village + " " + date, new Object[] {village, 13, date, false});
        }
        for (LocalDate date : List.of(today, past)) {
            cases.put("district " + village.substring(0, 8) + " " + date, new Object[] {village.substring(0, 8), 8, date, false});
            cases.put("children of district " + village.substring(0, 8) + " " + date, new Object[] {village.substring(0, 8), 13, date, true});
        }
        cases.put("children of nation " + today, new Object[] {"ID", 2, today, true});
        cases.put("children of province " + province + " " + today, new Object[] {province, 5, today, true});
        for (var c : cases.entrySet()) {
            String region = (String) c.getValue()[0];
            int glen = (int) c.getValue()[1];
            LocalDate date = (LocalDate) c.getValue()[2];
            boolean children = (boolean) c.getValue()[3];
            Supplier<Object> call = children ? () -> indicators.children(region, date) : () -> indicators.of(region, date);
            double first = time(admin, call);
            double[] ms = sample(admin, call, runs);
            String spans = "-";
            if (glen > 5) {
                // A/B in the same run: the same object with the district and village read from their spans (the old
                // way); the per-day changes stay, and the spans are current, so both answers are exact
                List<String> levelled = jdbc.sql("delete from coverage_levelled_group where grp in (:v, :d) returning grp")
                        .param("v", village).param("d", village.substring(0, 8)).query(String.class).list();
                double[] old = sample(admin, call, runs);
                for (String g : levelled) {
                    jdbc.sql("insert into coverage_levelled_group values (:g)").param("g", g).update();
                }
                spans = String.format("%.1f/%.1f", pct(old, 50), pct(old, 95));
            }
            // the direct count, once (it is the reference, measured for comparison)
            Supplier<Object> reference = children ? () -> indicators.children(region, date, true)
                    : () -> indicators.of(region, date, null, null, true);
            String directMs = direct ? String.format("%.1f", time(admin, reference)) : "-";
            String lo = region.equals("ID") ? "" : region;
            String hi = region.equals("ID") ? "~" : region + "/";
            List<String> groups = children
                    ? jdbc.sql(region.equals("ID") ? "select code from region_area where active and parent_code is null"
                            : "select code from region_area where active and parent_code = :r").param("r", region).query(String.class).list()
                    : List.of(region.equals("ID") ? "" : region);
            MapSqlParameterSource params = new MapSqlParameterSource().addValue("lo", lo).addValue("hi", hi).addValue("glen", glen)
                    .addValue("groups", groups.toArray(String[]::new)).addValue("d", java.sql.Date.valueOf(date))
                    .addValue("m", java.sql.Date.valueOf(date.withDayOfMonth(1)))
                    .addValue("to", java.sql.Date.valueOf(date)).addValue("mfrom", java.sql.Date.valueOf(date.withDayOfYear(1)))
                    .addValue("mto", java.sql.Date.valueOf(date.withDayOfMonth(1)));
            params.addValues(rolledUp.countParams(lo, hi, glen, groups, date).getValues());
            List<String> countsPlan = explain(RollupReads.countsSql(glen), params);
            List<String> moneyPlan = explain(RollupReads.moneySql(glen), params);
            // a nation's, province's or regency's desa are in the per-day changes; a district's or village's are counted
            List<String> desaPlan = glen > 5 ? explain(RollupReads.desaSql(), params) : List.of("(in the per-day changes)");
            plans.append("## ").append(c.getKey()).append("\n\n### counts\n").append(String.join("\n", countsPlan))
                    .append("\n\n### money\n").append(String.join("\n", moneyPlan))
                    .append("\n\n### desa\n").append(String.join("\n", desaPlan)).append("\n\n");
            System.out.printf("BENCH coverage %-40s n=%2d p50 %7.1f ms p95 %7.1f ms p99 %7.1f ms (first %7.1f; direct %s ms;"
                            + " from spans p50/p95 %s ms); database: counts %s, money %s, desa %s; load %s%n",
                    c.getKey(), runs, pct(ms, 50), pct(ms, 95), pct(ms, 99), first, directMs, spans, executionTime(countsPlan),
                    executionTime(moneyPlan), executionTime(desaPlan), load());
        }
        monev(province);
        Path out = Path.of("target", "coverage-plans.txt");
        Files.writeString(out, plans);
        System.out.println("BENCH coverage plans in " + out.toAbsolutePath());
    }

    /**
     * What freshness costs: the change-log triggers on a write statement (the same update with and without them), a
     * rebuild from nothing, and the refresh a read pays after one payment and after a regency's payments.
     */
    private void refreshCosts(String village, String regency) {
        String update = "update paid_month set paid_on = paid_on where month = date '2026-10-01'";
        long rows = jdbc.sql("select count(*) from paid_month where month = date '2026-10-01'").query(Long.class).single();
        double with = timed(() -> jdbc.sql(update).update());
        jdbc.sql("alter table paid_month disable trigger paid_month_changed_update").update();
        double without = timed(() -> jdbc.sql(update).update());
        jdbc.sql("alter table paid_month enable trigger paid_month_changed_update").update();
        System.out.printf("BENCH coverage change log: update of %,d paid months %.1f ms with the trigger, %.1f ms without; load %s%n",
                rows, with, without, load());
        CoverageRollups.Refresh[] rebuilt = new CoverageRollups.Refresh[1];
        double rebuild = timed(() -> rebuilt[0] = rollups.rebuild());
        System.out.printf("BENCH coverage rebuild from nothing %.1f s; load %s; steps %s%n", rebuild / 1000, load(), rebuilt[0].steps());
        double idle = timed(rollups::refresh);
        String small = jdbc.sql("select max(village_code) from membership_term where created_by = 'bench-coverage'")
                .query(String.class).single();
        // one paid month of one worker of the village (its latest: a PU official's last paid month is September)
        String onePayment = """
                update paid_month set paid_on = paid_on + 1
                where (worker_id, program, month) = (select worker_id, program, month from paid_month where village_code = :v
                                                     order by month desc, worker_id desc limit 1)""";
        int smallRows = jdbc.sql(onePayment).param("v", small).update();
        CoverageRollups.Refresh oneSmall = rollups.refresh();
        int largeRows = jdbc.sql(onePayment).param("v", village).update();
        CoverageRollups.Refresh one = rollups.refresh();
        if (smallRows + largeRows != 2) {
            System.out.printf("BENCH coverage refresh: the payments changed %d and %d rows, not one each%n", smallRows, largeRows);
        }
        // A/B in the same run: the same village logged without a worker, as every write was before V146 (and a large
        // write still is), so the refresh recomputes every worker of it
        jdbc.sql("insert into billing_village_change (village_code) values (:v)").param("v", village).update();
        CoverageRollups.Refresh wholeVillage = rollups.refresh();
        int againRows = jdbc.sql(onePayment).param("v", village).update();
        CoverageRollups.Refresh oneAgain = rollups.refresh();
        System.out.printf("BENCH coverage refresh after one payment in a small village %d ms (%d villages, %d workers);"
                + " in the large village %d ms, again %d ms (%d villages, %d workers; %d row); the large village recomputed whole"
                + " (logged without a worker, as before V146) %d ms (%d workers; steps %s); load %s%n", oneSmall.millis(), oneSmall.villages(),
                oneSmall.workers(), one.millis(), oneAgain.millis(), one.villages(), one.workers(), againRows, wholeVillage.millis(),
                wholeVillage.workers(), wholeVillage.steps(), load());
        // the same payment five more times, each refresh's statements (the money and Desa Sadar steps) printed
        for (int i = 0; i < 5; i++) {
            jdbc.sql(onePayment).param("v", village).update();
            CoverageRollups.Refresh r = rollups.refresh();
            System.out.printf("BENCH coverage refresh after one payment in the large village, repeat %d: %d ms (%d villages judged, %d"
                    + " workers); steps %s; load %s%n", i + 1, r.millis(), r.villages(), r.workers(), r.steps(), load());
        }
        billingTriggers();
        jdbc.sql("update paid_month set paid_on = paid_on - 1 where village_code >= :lo and village_code < :hi and month = date '2026-10-01'")
                .param("lo", regency).param("hi", regency + "/").update();
        CoverageRollups.Refresh many = rollups.refresh();
        System.out.printf("BENCH coverage refresh: nothing changed %.1f ms; one payment %d ms (%d villages, %d workers);"
                        + " a regency's payments %d ms (%d villages, %d workers); load %s%n",
                idle, one.millis(), one.villages(), one.workers(), many.millis(), many.villages(), many.workers(), load());
    }

    private double[] sample(Actor admin, Supplier<Object> call, int runs) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            ms[i] = time(admin, call);
        }
        Arrays.sort(ms);
        return ms;
    }

    /**
     * The Inpres 2/2021 report of the province for the last semester: its figures alone (in process, twice), then as
     * JSON, PDF and XLSX over HTTP, three times each; the documents' own cost is the difference.
     */
    private void monev(String province) throws Exception {
        String token = TestUsers.token(accounts, "coverage-bench-monev", Role.ADMIN, "ID");
        // the figures alone (no rendering, no HTTP), so the documents' own cost is the difference
        Actor admin = TestUsers.actor("coverage-bench", Role.ADMIN, "ID");
        for (int i = 0; i < 2; i++) {
            long t = System.nanoTime();
            MonevReport report = CurrentActor.runAs(admin, () -> reports.report(province, "2026-1"));
            System.out.printf("BENCH coverage monev of province %s, 2026-1, the report's figures alone: %.0f ms (%,d children, %,d"
                            + " Desa Sadar villages, %,d regulations); load %s%n", province, (System.nanoTime() - t) / 1e6,
                    report.children().size(), report.desaSadar().size(), report.regulations().size(), load());
        }
        // the report's APBD and APBDes money as it was read before V160 (every bill line of the province over the
        // semester, by child and payer kind: now the direct reference path), beside what the rollups read for it
        MapSqlParameterSource money = new MapSqlParameterSource().addValue("lo", province).addValue("hi", province + "/")
                .addValue("glen", 5).addValue("to", java.sql.Date.valueOf(LocalDate.of(2026, 6, 30)))
                .addValue("mfrom", java.sql.Date.valueOf(LocalDate.of(2026, 1, 1)))
                .addValue("mto", java.sql.Date.valueOf(LocalDate.of(2026, 6, 1)))
                .addValue("groups", jdbc.sql("select code from region_area where active and parent_code = :r").param("r", province)
                        .query(String.class).list().toArray(String[]::new));
        List<String> linesPlan = explain(IndicatorSql.moneySql(), money);
        List<String> rollupPlan = explain(RollupReads.moneySql(5), money);
        Files.writeString(Path.of("target", "coverage-monev-money-plans.txt"), "## from bill lines\n" + String.join("\n", linesPlan)
                + "\n\n## from the rollups\n" + String.join("\n", rollupPlan) + "\n");
        System.out.printf("BENCH coverage monev of province %s, 2026-1, money by child and payer kind: summed from bill lines %s,"
                + " from the rollups %s (database execution times); load %s%n", province, executionTime(linesPlan),
                executionTime(rollupPlan), load());
        for (String format : List.of("json", "pdf", "xlsx")) {
            double[] ms = new double[3];
            long size = 0;
            for (int i = 0; i < ms.length; i++) {
                long t = System.nanoTime();
                HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + "/api/v1/reports/monev?region=" + province + "&semester=2026-1&format=" + format))
                        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                ms[i] = (System.nanoTime() - t) / 1e6;
                size = r.statusCode() == 200 ? r.body().length : -r.statusCode();
            }
            System.out.printf("BENCH coverage monev of province %s, 2026-1, %s: %.0f ms, then %.0f ms, %.0f ms (%,d bytes); load %s%n",
                    province, format, ms[0], ms[1], ms[2], size, load());
        }
    }

    /**
     * The change-log triggers' cost on a billing-sized write: the November lines inserted again as the lines of a later
     * month, once with the bill_line triggers, once with them disabled, each in a transaction rolled back afterwards
     * (the disabling too: bill lines are append-only, and no other session sees either).
     */
    private void billingTriggers() {
        String insert = """
                insert into bill_line (payer_id, month, worker_id, village_code, term_id, program, segment, due_date, share,
                                       kind, base, rate, amount, regulation_version)
                select payer_id, date '2027-11-01', worker_id, village_code, term_id, program, segment, due_date + 365, share, kind, base,
                       rate, amount, 'bench-copy'
                from bill_line where regulation_version = 'bench' and month = date '2026-11-01'""";
        List<String> triggers = jdbc.sql("""
                select tgname from pg_trigger where tgrelid = 'bill_line'::regclass and not tgisinternal and tgname like '%changed%'""")
                .query(String.class).list();
        long rows = jdbc.sql("select count(*) from bill_line where regulation_version = 'bench' and month = date '2026-11-01'")
                .query(Long.class).single();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        double[] ms = new double[4];
        for (int i = 0; i < ms.length; i++) {
            boolean on = i % 2 == 0;
            int k = i;
            tx.executeWithoutResult(status -> {
                if (!on) {
                    for (String t : triggers) {
                        jdbc.sql("alter table bill_line disable trigger " + t).update();
                    }
                }
                ms[k] = timed(() -> jdbc.sql(insert).update());
                status.setRollbackOnly();
            });
        }
        System.out.printf("BENCH coverage change log on a billing-sized insert of %,d bill lines: %.1f / %.1f ms with the triggers %s,"
                + " %.1f / %.1f ms without (alternating, rolled back); load %s%n", rows, ms[0], ms[2], triggers, ms[1], ms[3], load());
    }

    private static double timed(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1e6;
    }

    private double time(Actor admin, Supplier<Object> call) {
        long t = System.nanoTime();
        CurrentActor.runAs(admin, call);
        return (System.nanoTime() - t) / 1e6;
    }

    private List<String> explain(String statement, MapSqlParameterSource params) {
        return jdbc.sql("explain (analyze, buffers) " + statement).paramSource(params).query(String.class).list();
    }

    private static String executionTime(List<String> plan) {
        return plan.stream().filter(l -> l.startsWith("Execution Time")).map(l -> l.substring("Execution Time: ".length()))
                .findFirst().orElse("?");
    }

    private static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private long count(String table) {
        return CoverageBenchData.count(jdbc, table);
    }

    private static String load() {
        return CoverageBenchData.load();
    }
}
