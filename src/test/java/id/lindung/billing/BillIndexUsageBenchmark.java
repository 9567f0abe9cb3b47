package id.lindung.billing;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which index of the billing tables each billing statement uses (docs/benchmarks.md, "The bill table's indexes"):
 * four months billed for {@code lindung.bench.terms} memberships (default 40,000), then with every plan logged
 * (auto_explain, plans only, as notices at JdbcTemplate's DEBUG level) a fifth month's run, its idempotent re-run and
 * the read paths (the API's bill list with and without a month, the /tagihan page at three levels, a code's
 * verification, a payer's balance); prints each index's scans. {@code -Dlindung.bench.drop=a,b} drops those indexes
 * first, to see what the same statements use without them. Asserts nothing.
 */
@Tag("benchmark")
@IntegrationTest
class BillIndexUsageBenchmark {

    @Autowired JdbcClient jdbc;
    @Autowired BillingRuns runs;
    @Autowired Bills bills;
    @Autowired BillOverview overview;
    @Autowired BillVersions versions;
    @Autowired PaymentBounds bounds;
    @Autowired javax.sql.DataSource dataSource;

    @Test
    void indexesTheBillingStatementsUse() {
        BillingRunBenchmark.createMemberships(jdbc, Integer.getInteger("lindung.bench.terms", 40_000));
        for (String index : System.getProperty("lindung.bench.drop", "").split(",")) {
            if (!index.isBlank()) {
                jdbc.sql("drop index " + index.trim()).update();
            }
        }
        Actor admin = TestUsers.actor("bench", Role.ADMIN, "ID");
        for (int m = 2; m <= 5; m++) {
            YearMonth month = YearMonth.of(2025, m);
            CurrentActor.runAs(admin, () -> runs.run(month, admin, true));
        }
        jdbc.sql("analyze").update();
        BillingRunBenchmark.explainEveryStatement(dataSource, "0", false);
        long before = System.nanoTime();
        YearMonth june = YearMonth.of(2025, 6);
        CurrentActor.runAs(admin, () -> runs.run(june, admin, true));
        CurrentActor.runAs(admin, () -> runs.run(june, admin, true));
        String village = jdbc.sql("select min(payer_region_code) from bill").query(String.class).single();
        for (String scope : new String[] {"ID", village.substring(0, 2), village.substring(0, 5), village}) {
            Actor actor = TestUsers.actor("bench-" + scope, Role.ADMIN, scope);
            System.out.println("BENCH-IDX reads in scope " + scope);
            bills.find(null, june, actor, LocalDate.of(2025, 8, 1), 0, 50);
            bills.find(null, null, actor, LocalDate.of(2025, 8, 1), 0, 50);
            overview.find(new BillOverview.Filter(june, null, null, null), actor, 0, 50);
            overview.find(new BillOverview.Filter(june, null, null, null), actor, 3, 50);
        }
        long payer = jdbc.sql("select payer_id from bill where payer_region_code = ? limit 1").param(village).query(Long.class).single();
        String payerCode = jdbc.sql("select code from payer where id = ?").param(payer).query(String.class).single();
        bills.find(payerCode, null, admin, LocalDate.of(2025, 8, 1), 0, 50);
        bounds.balanceOf(payer);
        String code = jdbc.sql("select verification_code from bill where payer_id = ? and month = date '2025-06-01'")
                .param(payer).query(String.class).single();
        versions.verify(code);
        System.out.printf("BENCH-IDX logged part in %.1f s%n", (System.nanoTime() - before) / 1e9);
        jdbc.sql("select pg_stat_force_next_flush()").query(Object.class).optional();
        jdbc.sql("""
                select relname, indexrelname, idx_scan from pg_stat_user_indexes
                where relname in ('bill', 'bill_version', 'bill_line', 'bill_balance', 'bill_month_total') order by 1, 2""")
                .query((rs, n) -> String.format("BENCH-IDX %-18s %-34s %,d scans", rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list().forEach(System.out::println);
    }
}
