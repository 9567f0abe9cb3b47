package id.lindung.coverage;

import id.lindung.coverage.internal.CoverageRollups;
import id.lindung.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The coverage rollups' rebuild from nothing on the generated register of {@link CoverageBenchData}: its time, rebuilt
 * {@code lindung.bench.rebuilds} times (default 2), alternately on one connection and with the money summed on a second
 * connection alongside the spans (as the server rebuilds), and a digest of every rollup table after each, which must
 * be the same for both ways; two builds of the code run on the same database (an external one, {@code -Dspring.datasource.url=...}, keeps the register between
 * runs: it is generated only when missing) must print the same digests. Asserts nothing about time.
 * Run: {@code ./mvnw -B -o test -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=CoverageRebuildBenchmark
 * -Dlindung.bench.workers=200000 -Dlindung.bench.months=4}.
 */
@Tag("benchmark")
@IntegrationTest
class CoverageRebuildBenchmark {

    /** Every rollup table, each digested in a stable order. */
    private static final List<String> TABLES = List.of("coverage_worker_span", "coverage_delta", "coverage_delta_month",
            "coverage_desa_sadar_span", "coverage_money_village", "coverage_money", "coverage_money_worker", "coverage_levelled_group");

    @Autowired JdbcClient jdbc;
    @Autowired CoverageRollups rollups;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void rebuildFromNothing() {
        int workers = Integer.getInteger("lindung.bench.workers", 200_000);
        long present = jdbc.sql("select count(*) from worker where created_by = 'bench-coverage'").query(Long.class).single();
        if (present == 0) {
            CoverageBenchData.generate(jdbc, workers);
        }
        System.out.printf("BENCH rebuild: %,d workers, %,d terms, %,d bill lines, %,d paid months, %,d allocations; load %s%n",
                count("worker"), count("membership_term"), count("bill_line"), count("paid_month"), count("payment_allocation"),
                load());
        for (int i = 0; i < Integer.getInteger("lindung.bench.rebuilds", 2); i++) {
            // odd rebuilds in a transaction that has taken an id: one connection, the money summed after the spans;
            // even ones as the server runs them: the money summed on a second connection alongside the spans
            boolean oneConnection = i % 2 == 0;
            String before = load();
            long t = System.nanoTime();
            CoverageRollups.Refresh r = oneConnection ? new TransactionTemplate(transactions).execute(st -> {
                jdbc.sql("select pg_current_xact_id()").query().listOfRows();
                return rollups.rebuild();
            }) : rollups.rebuild();
            double s = (System.nanoTime() - t) / 1e9;
            System.out.printf("BENCH rebuild %d (%s): %.1f s (%,d villages, %,d spans; load %s before, %s after)%n", i + 1,
                    oneConnection ? "one connection" : "money alongside", s, r.villages(), r.workers(), before, load());
            for (CoverageRollups.Step step : r.steps()) {
                System.out.printf("BENCH rebuild %d step %-20s %,12d rows %,9d ms %,12.0f rows/s%n", i + 1, step.name(), step.rows(),
                        step.millis(), step.rows() * 1000.0 / Math.max(1, step.millis()));
            }
            for (String table : TABLES) {
                System.out.printf("BENCH rebuild %d digest %s: %,d rows, %s%n", i + 1, table, count(table), jdbc.sql(
                        "select md5(string_agg(x, E'\\n' order by x collate \"C\")) from (select t::text as x from " + table + " t) d")
                        .query(String.class).single());
            }
        }
    }

    private long count(String table) {
        return CoverageBenchData.count(jdbc, table);
    }

    private static String load() {
        return CoverageBenchData.load();
    }
}
