package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The billed months billing keeps as lines arrive (V167) are the grouping of the lines they replace: after runs, a
 * re-run, a death's reversals, and the writes the application never makes (an update, a delete, a truncate), the kept
 * rows equal the lines grouped by worker, programme and month, and the published view lists exactly the months whose
 * net is positive. Regency 62.03, billed by its own office.
 */
@IntegrationTest
class BilledMonthsIntegrationTests {

    private static final YearMonth FIRST = YearMonth.of(2026, 7);
    private static final YearMonth LAST = YearMonth.of(2026, 9);

    /** The kept rows, and the same rows computed from the lines: equal whatever was written. */
    private static final String KEPT = "select worker_id, program, month, net, lines from billed_month";
    private static final String GROUPED = """
            select worker_id, program, month, sum(amount) as net, count(*)::int as lines from bill_line
            group by worker_id, program, month""";

    @Autowired JdbcClient jdbc;
    @Autowired BillingRuns runs;
    @Autowired PlatformTransactionManager transactions;

    private final Actor dpmd = TestUsers.actor("billed-months-dpmd", Role.DPMD, "62.03");

    private void bill(YearMonth from, YearMonth to) {
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            YearMonth month = m;
            CurrentActor.runAs(dpmd, () -> runs.run(month, dpmd, true));
        }
    }

    private List<String> rows(String sql) {
        return jdbc.sql("select concat_ws(' ', worker_id, program, month, net, lines) from (" + sql + ") r order by 1")
                .query(String.class).list();
    }

    private List<String> viewMonths(long worker) {
        return jdbc.sql("select program || ' ' || month from billing_billed_month where worker_id = ? order by 1")
                .param(worker).query(String.class).list();
    }

    /** billing_months() (V176): every month from the lines' first to their last, whatever was written. */
    private void assertMonthsSpanTheLines() {
        assertThat(jdbc.sql("select cast(billing_months() as text)").query(String.class).single()).isEqualTo(jdbc.sql("""
                select cast(coalesce(array(select cast(m as date) from generate_series((select min(month) from bill_line),
                    (select max(month) from bill_line), interval '1 month') m), '{}') as text)""").query(String.class).single());
    }

    private LocalDate firstBilledMonth() {
        return jdbc.sql("select (billing_months())[1]").query(LocalDate.class).single();
    }

    private void assertKeptEqualsGrouped() {
        assertThat(rows(KEPT)).isNotEmpty().containsExactlyElementsOf(rows(GROUPED));
        assertThat(jdbc.sql("select count(*) from billing_billed_month").query(Long.class).single())
                .isEqualTo(jdbc.sql("select count(*) from (" + GROUPED + ") g where net > 0").query(Long.class).single());
    }

    @Test
    void theKeptBilledMonthsAreTheLinesGroupedAfterRunsAReRunAndADeathsReversals() {
        String desa = "62.03.05.2011";
        BillingFixture fx = new BillingFixture(jdbc);
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Billed Months", desa);
        long farmer = fx.worker(desa, "Petani Billed Months", "PETANI");
        long self = fx.payer("SELF:" + fx.nik(farmer), "SELF", "Peserta mandiri", desa);
        fx.term(farmer, desa, "JKK", "BPU", "1000000", "LOW", null, self, LocalDate.of(2026, 7, 1), null);
        fx.term(farmer, desa, "JKM", "BPU", "1000000", null, null, self, LocalDate.of(2026, 7, 1), null);
        long official = fx.worker(desa, "Kaur Billed Months", "PERANGKAT_DESA");
        long jkk = fx.term(official, desa, "JKK", "PU", "2000000", "VERY_LOW", village, village, LocalDate.of(2026, 7, 1), null);
        long jkm = fx.term(official, desa, "JKM", "PU", "2000000", null, village, village, LocalDate.of(2026, 7, 1), null);

        bill(FIRST, LAST);
        assertKeptEqualsGrouped();
        assertThat(viewMonths(official)).containsExactly("JKK 2026-07-01", "JKK 2026-08-01", "JKK 2026-09-01",
                "JKM 2026-07-01", "JKM 2026-08-01", "JKM 2026-09-01");
        assertThat(viewMonths(farmer)).hasSize(6);

        // a re-run adds nothing
        List<String> before = rows(KEPT);
        bill(LAST, LAST);
        assertThat(rows(KEPT)).containsExactlyElementsOf(before);

        // the official died in August: September's lines are reversed, its net is zero, it is no longer a billed month,
        // and its row stays with both lines counted
        fx.close(jkk, LocalDate.of(2026, 8, 10), "DECEASED");
        fx.close(jkm, LocalDate.of(2026, 8, 10), "DECEASED");
        bill(LAST, LAST);
        assertKeptEqualsGrouped();
        assertThat(viewMonths(official)).containsExactly("JKK 2026-07-01", "JKK 2026-08-01", "JKM 2026-07-01", "JKM 2026-08-01");
        assertThat(jdbc.sql("select net || ' ' || lines from billed_month where worker_id = ? and program = 'JKM' and month = date '2026-09-01'")
                .param(official).query(String.class).single()).isEqualTo("0.00 2");
    }

    @Test
    void writesTheApplicationNeverMakesKeepTheBilledMonthsToo() {
        String desa = "62.03.05.2012";
        BillingFixture fx = new BillingFixture(jdbc);
        long farmer = fx.worker(desa, "Nelayan Billed Months", "NELAYAN");
        long self = fx.payer("SELF:" + fx.nik(farmer), "SELF", "Peserta mandiri", desa);
        fx.term(farmer, desa, "JKK", "BPU", "1000000", "HIGH", null, self, LocalDate.of(2026, 7, 1), null);
        fx.term(farmer, desa, "JKM", "BPU", "1000000", null, null, self, LocalDate.of(2026, 7, 1), null);
        bill(FIRST, FIRST);

        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            // lines are append-only (V40): an operator's repair with that guard off must keep the billed months too
            jdbc.sql("alter table bill_line disable trigger bill_line_no_update").update();
            jdbc.sql("update bill_line set amount = 0 where worker_id = ? and program = 'JKK'").param(farmer).update();
            assertKeptEqualsGrouped();
            assertThat(viewMonths(farmer)).containsExactly("JKM 2026-07-01");
            jdbc.sql("update bill_line set month = date '2026-06-01' where worker_id = ? and program = 'JKM'").param(farmer).update();
            assertKeptEqualsGrouped();
            assertThat(viewMonths(farmer)).containsExactly("JKM 2026-06-01");
            assertMonthsSpanTheLines();
            // a repair that moves lines before every other month widens the months a read probes, and undone narrows them
            jdbc.sql("update bill_line set month = date '2001-01-01' where worker_id = ? and program = 'JKK'").param(farmer).update();
            assertThat(firstBilledMonth()).isEqualTo(LocalDate.of(2001, 1, 1));
            assertMonthsSpanTheLines();
            jdbc.sql("delete from bill_line where worker_id = ? and program = 'JKK'").param(farmer).update();
            assertThat(firstBilledMonth()).isAfter(LocalDate.of(2001, 1, 1));
            assertMonthsSpanTheLines();
            jdbc.sql("delete from bill_line where worker_id = ? and program = 'JKM'").param(farmer).update();
            assertKeptEqualsGrouped();
            assertThat(jdbc.sql("select count(*) from billed_month where worker_id = ? and program = 'JKM'").param(farmer)
                    .query(Long.class).single()).isZero();
            jdbc.sql("truncate bill_line cascade").update();
            assertThat(jdbc.sql("select count(*) from billed_month").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select cast(billing_months() as text)").query(String.class).single()).isEqualTo("{}");
        });
        assertKeptEqualsGrouped();
        assertMonthsSpanTheLines();
        assertThat(viewMonths(farmer)).containsExactly("JKK 2026-07-01", "JKM 2026-07-01");
    }

    /**
     * A read of one worker (protection, the worker's bills) probes the months billing_months() names. It must not take
     * them from the lines' month index: a dry run leaves its month's lines there as dead entries at the upper end, and
     * max(month) stepped over all of them on every call until a vacuum (1,256,123 at 500,000 workers: 13.6 ms per call,
     * docs/benchmarks.md "A dry run's dead month"). The months are kept as lines are written (V176); a rolled-back run
     * keeps none of its own.
     */
    @Test
    void theMonthsAWorkersReadProbesAreKeptSoADryRunsDeadLinesCostItNothing() {
        String desa = "62.03.05.2010";
        BillingFixture fx = new BillingFixture(jdbc);
        long farmer = fx.worker(desa, "Pekebun Billed Months", "PETANI");
        long self = fx.payer("SELF:" + fx.nik(farmer), "SELF", "Peserta mandiri", desa);
        fx.term(farmer, desa, "JKM", "BPU", "1000000", null, null, self, LocalDate.of(2026, 7, 1), null);
        bill(FIRST, FIRST);
        assertMonthsSpanTheLines();
        String before = jdbc.sql("select cast(billing_months() as text)").query(String.class).single();

        BillingPreview preview = CurrentActor.runAs(dpmd, () -> runs.dryRun(LAST.plusMonths(1), dpmd));
        assertThat(preview.lines()).isPositive();
        assertThat(jdbc.sql("select cast(billing_months() as text)").query(String.class).single()).isEqualTo(before);

        long fetched = new TransactionTemplate(transactions).execute(status -> {
            long start = jdbc.sql("select pg_stat_get_xact_blocks_fetched('bill_line_key_idx'::regclass)").query(Long.class).single();
            jdbc.sql("select billing_months()").query(String.class).single();
            return jdbc.sql("select pg_stat_get_xact_blocks_fetched('bill_line_key_idx'::regclass)").query(Long.class).single() - start;
        });
        assertThat(fetched).as("blocks of the lines' month index read to name the billed months").isZero();
    }
}
