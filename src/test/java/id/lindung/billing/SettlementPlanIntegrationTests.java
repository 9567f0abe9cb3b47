package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.IntegrationTest;
import java.sql.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statements that settle a few payers (a payment file, a death's month settled again by a run) read their lines,
 * allocations and payments by key, whatever the planner estimates of the history. Each plan pinned here was a scan of
 * the history at 500,000 workers (docs/benchmarks.md, "A month settled again right after the month it follows" and "A
 * payment file's balances read their pairs' lines by key"). The history is written in a transaction that is rolled
 * back: 400 payers with twelve months of lines and allocations, analysed.
 */
@IntegrationTest
class SettlementPlanIntegrationTests {

    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    /**
     * A run settles an earlier month again right after writing the month it follows, before the allocations'
     * statistics have seen it. A bound by a constant month made the planner expect no allocation from it on and read
     * the month index instead, every allocation of the months since for each payer (813,476 per payer, 2.4 s for 40
     * payers in the suite). Payers settled from a month after every analysed one look the same to the planner.
     */
    @Test
    void aPayersLinesAndAllocationsAreReadThroughThePayerIndexEvenFromAMonthTheStatisticsHaveNotSeen() {
        rolledBack(() -> {
            history();
            jdbc.sql("""
                    create temp table alloc_from on commit drop as
                    select -1 - i as payer_id, date '2091-01-01' as from_month from generate_series(0, 39) i""").update();
            jdbc.sql("create unique index on alloc_from (payer_id)").update();
            jdbc.sql("""
                    create temp table alloc_pay on commit drop as
                    select payer_id, date '2091-01-20' as paid_on, 100000::numeric as amount, 100000::numeric as cum_pay from alloc_from""").update();
            jdbc.sql("create index on alloc_pay (payer_id, cum_pay)").update();
            jdbc.sql("""
                    create temp table alloc_total on commit drop as
                    select payer_id, 100000::numeric as paid, date '2091-01-20' as last_paid, 0::numeric as before from alloc_from""")
                    .update();
            jdbc.sql("create unique index on alloc_total (payer_id)").update();
            jdbc.sql("analyze alloc_from, alloc_pay, alloc_total").update();

            assertThat(plan(Allocation.ALLOC_NEW)).as("the new allocation's lines")
                    .contains("bill_line_payer_idx").doesNotContain("bill_line_key_idx").doesNotContain("Seq Scan on bill_line");

            jdbc.sql("""
                    create temp table alloc_new on commit drop as
                    select bill_line_id, payer_id, month, amount, paid_on, late from payment_allocation where false""").update();
            jdbc.sql("create temp table alloc_changed (bill_line_id bigint, payer_id bigint, month date) on commit drop").update();
            jdbc.sql("analyze alloc_new").update();
            assertThat(plan(Allocation.ALLOCATIONS_CHANGED)).as("the allocations gone")
                    .contains("payment_allocation_payer_idx").doesNotContain("payment_allocation_month_idx")
                    .doesNotContain("Seq Scan on payment_allocation");
        });
    }

    /**
     * A payment file's balances are rebuilt for the payer and month pairs its allocation changed. As a semi join on an
     * unnest the planner took a province's 44,885 pairs for 4.1 million lines and hashed every line of the history;
     * read pair by pair, each pair is one probe of the payer index and each line one probe of its allocation.
     */
    @Test
    void aPaymentFilesBalancesReadTheirPairsLinesThroughThePayerIndexAndEachAllocationByItsKey() {
        rolledBack(() -> {
            history();
            Long[] payers = IntStream.range(0, 4000).mapToObj(i -> -1L - i % 400).toArray(Long[]::new);
            Date[] months = IntStream.range(0, 4000).mapToObj(i -> Date.valueOf(java.time.LocalDate.of(2090, 1 + i / 400 % 12, 1)))
                    .toArray(Date[]::new);
            String plan = String.join("\n", jdbc.sql("explain (costs off) " + BillBalances.AGGREGATE_OF_PAIRS)
                    .param("payers", payers).param("months", months).query(String.class).list());
            assertThat(plan).contains("bill_line_payer_idx").contains("payment_allocation_pkey")
                    .doesNotContain("Seq Scan on bill_line").doesNotContain("Seq Scan on payment_allocation");
        });
    }

    /** A file's rows are looked up among the recorded payments by key, not by a hash of every payment of the history. */
    @Test
    void aFilesRowsAreLookedUpAmongTheRecordedPaymentsByKey() {
        rolledBack(() -> {
            List<Long> ids = jdbc.sql("""
                    insert into payer (code, kind, name, region_code)
                    select 'PLAN-TEST-' || i, 'SELF', 'Plan test ' || i, '64.02' from generate_series(0, 399) i returning id""")
                    .query(Long.class).list();
            jdbc.sql("""
                    insert into payment (payer_id, payer_region_code, reference, paid_on, amount, channel, recorded_by)
                    select (cast(:ids as bigint[]))[1 + i % 400], '64.02', 'T-' || i, date '2090-01-20', 4800, 'TEST', 'test'
                    from generate_series(0, 47999) i""").param("ids", ids.toArray(Long[]::new)).update();
            jdbc.sql("analyze payment").update();
            Long[] payers = IntStream.range(0, 4000).mapToObj(i -> ids.get(i % 400)).toArray(Long[]::new);
            String[] refs = IntStream.range(0, 4000).mapToObj(i -> "F-" + i).toArray(String[]::new);
            String plan = String.join("\n", jdbc.sql("explain (costs off) " + PaymentBatch.KNOWN_REFERENCES)
                    .param("payers", payers).param("refs", refs).query(String.class).list());
            assertThat(plan).contains("payment_payer_id_reference_key").doesNotContain("Seq Scan on payment");
        });
    }

    /**
     * An allocation's change-log row names its line's village and worker and the earliest month of the statement's
     * lines per worker, whether the allocation was written, changed or removed (V173 reads each line by key).
     */
    @Test
    void anAllocationsChangeLogNamesItsLinesVillageWorkerAndEarliestMonth() {
        rolledBack(() -> {
            history();
            String expected = "select village_code || ' ' || worker_id || ' ' || min(month) from bill_line where payer_id = -1 group by village_code, worker_id";
            String logged = "select village_code || ' ' || worker_id || ' ' || from_month from billing_village_change where tx = pg_current_xact_id()";
            List<String> lines = jdbc.sql(expected).query(String.class).list();
            assertThat(lines).hasSize(10);
            for (String write : List.of("update payment_allocation set paid_on = paid_on + 1 where payer_id = -1",
                    "delete from payment_allocation where payer_id = -1",
                    "insert into payment_allocation (bill_line_id, payer_id, month, amount, paid_on, late) "
                            + "select id, payer_id, month, amount, month + 10, 0 from bill_line where payer_id = -1")) {
                jdbc.sql("delete from billing_village_change where tx = pg_current_xact_id()").update();
                jdbc.sql(write).update();
                assertThat(jdbc.sql(logged).query(String.class).list()).as(write).containsExactlyInAnyOrderElementsOf(lines);
            }
        });
    }

    /** 400 payers, twelve months of 2090, ten lines a payer and month (4,000 workers, twelve lines each), each allocated; analysed. */
    private void history() {
        jdbc.sql("""
                insert into bill_line (payer_id, month, worker_id, village_code, term_id, program, segment, due_date, share,
                                       kind, base, rate, amount, regulation_version)
                select -1 - i % 400, date '2090-01-01' + make_interval(months => i / 400 % 12), -1 - i % 4000, '99.99.99.9999',
                       -1 - i, 'JKK', 'PU', date '2090-01-15', 'EMPLOYER', 'ORIGINAL', 2000000, 0.0024, 4800, 'TEST'
                from generate_series(0, 47999) i""").update();
        jdbc.sql("""
                insert into payment_allocation (bill_line_id, payer_id, month, amount, paid_on, late)
                select id, payer_id, month, amount, month + 10, 0 from bill_line where payer_id < 0 and regulation_version = 'TEST'""")
                .update();
        jdbc.sql("analyze bill_line, payment_allocation").update();
    }

    private void rolledBack(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            work.run();
        });
    }

    private String plan(String sql) {
        List<String> lines = jdbc.sql("explain (costs off) " + sql).query(String.class).list();
        return String.join("\n", lines);
    }
}
