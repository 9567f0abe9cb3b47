package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A payer's allocation is recomputed from its own month (Allocation.ALLOC_NEW, ALLOCATIONS_CHANGED), and its lines and
 * allocations are read through the payer index whatever the statistics say of that month. A run settles an earlier
 * month again right after writing the month it follows, before the allocations' statistics have seen either: a bound
 * by a constant month made the planner expect no allocation from it on and read the month index instead, every
 * allocation of the months since for each payer (813,476 per payer, 2.4 s for 40 payers in the suite at 500,000
 * workers, docs/benchmarks.md). The history here is written in a transaction that is rolled back: 400 payers with
 * twelve months of lines and allocations, analysed, and payers settled from a month after all of them, which is how a
 * month the statistics have not seen looks to the planner.
 */
@IntegrationTest
class AllocationPlanIntegrationTests {

    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aPayersLinesAndAllocationsAreReadThroughThePayerIndexEvenFromAMonthTheStatisticsHaveNotSeen() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql("""
                    insert into bill_line (payer_id, month, worker_id, village_code, term_id, program, segment, due_date, share,
                                           kind, base, rate, amount, regulation_version)
                    select -1 - i % 400, date '2090-01-01' + make_interval(months => i / 400 % 12), -1 - i, '99.99.99.9999',
                           -1 - i, 'JKK', 'PU', date '2090-01-15', 'EMPLOYER', 'ORIGINAL', 2000000, 0.0024, 4800, 'TEST'
                    from generate_series(0, 47999) i""").update();
            jdbc.sql("""
                    insert into payment_allocation (bill_line_id, payer_id, month, amount, paid_on)
                    select id, payer_id, month, amount, month + 10 from bill_line where regulation_version = 'TEST' and payer_id < 0""")
                    .update();
            jdbc.sql("analyze bill_line, payment_allocation").update();
            // forty payers settled from a month after every month the statistics know
            jdbc.sql("""
                    create temp table alloc_from on commit drop as
                    select -1 - i as payer_id, date '2091-01-01' as from_month from generate_series(0, 39) i""").update();
            jdbc.sql("create unique index on alloc_from (payer_id)").update();
            jdbc.sql("analyze alloc_from").update();
            jdbc.sql("""
                    create temp table alloc_pay on commit drop as
                    select payer_id, date '2091-01-20' as paid_on, 100000::numeric as cum_pay from alloc_from""").update();
            jdbc.sql("create index on alloc_pay (payer_id, cum_pay)").update();
            jdbc.sql("""
                    create temp table alloc_total on commit drop as
                    select payer_id, 100000::numeric as paid, date '2091-01-20' as last_paid, 0::numeric as before from alloc_from""")
                    .update();
            jdbc.sql("create unique index on alloc_total (payer_id)").update();
            jdbc.sql("analyze alloc_pay, alloc_total").update();

            assertThat(plan(Allocation.ALLOC_NEW)).as("the new allocation's lines")
                    .contains("bill_line_payer_idx").doesNotContain("bill_line_key_idx").doesNotContain("Seq Scan on bill_line");

            jdbc.sql("""
                    create temp table alloc_new on commit drop as
                    select bill_line_id, payer_id, month, amount, paid_on from payment_allocation where false""").update();
            jdbc.sql("create temp table alloc_changed (bill_line_id bigint, payer_id bigint, month date) on commit drop").update();
            jdbc.sql("analyze alloc_new").update();
            assertThat(plan(Allocation.ALLOCATIONS_CHANGED)).as("the allocations gone")
                    .contains("payment_allocation_payer_idx").doesNotContain("payment_allocation_month_idx")
                    .doesNotContain("Seq Scan on payment_allocation");
        });
    }

    private String plan(String sql) {
        List<String> lines = jdbc.sql("explain (costs off) " + sql).query(String.class).list();
        return String.join("\n", lines);
    }
}
