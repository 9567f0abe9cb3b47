package id.lindung.billing;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Billing with a history of payments (issue 16, item 2): {@code lindung.bench.months} months (default 3) are billed,
 * and after each about two payers in three pay that month's bill in full in one bulk call (the reconciliation file's
 * path, {@link Allocation#settleNewPayments}); then the next month is billed with those payments before it. Prints the
 * time of every allocation and of the last run, and a digest of what allocation wrote (allocations, paid months,
 * balances, bill codes) so two versions of the code can be compared on the same data. Asserts nothing about time.
 * Run: {@code ./mvnw test -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=PaymentAllocationBenchmark
 * -Dlindung.bench.terms=200000}.
 */
@Tag("benchmark")
@IntegrationTest
class PaymentAllocationBenchmark {

    @Autowired JdbcClient jdbc;
    @Autowired BillingRuns runs;
    @Autowired Allocation allocation;
    @Autowired DataSource dataSource;

    @Test
    void billingWithAHistoryOfPayments() {
        int terms = Integer.getInteger("lindung.bench.terms", 200_000);
        int months = Integer.getInteger("lindung.bench.months", 3);
        System.out.printf("BENCH load at start %s%n", load());
        BillingRunBenchmark.createMemberships(jdbc, terms);
        Actor admin = TestUsers.actor("bench", Role.ADMIN, "ID");
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        YearMonth month = YearMonth.of(2025, 1);
        for (int i = 0; i < months; i++, month = month.plusMonths(1)) {
            YearMonth m = month;
            long r0 = System.nanoTime();
            BillingRuns.Result run = CurrentActor.runAs(admin, () -> runs.run(m, admin, true));
            double runSeconds = (System.nanoTime() - r0) / 1e9;
            jdbc.sql("""
                    insert into payment (payer_id, payer_region_code, reference, paid_on, amount, channel, recorded_by)
                    select b.payer_id, b.payer_region_code, 'BENCH-' || b.id, (b.month + interval '1 month 9 days')::date,
                           sum(l.amount), 'BENCH', 'bench'
                    from bill b join bill_line l on l.payer_id = b.payer_id and l.month = b.month
                    where b.month = :month and (b.payer_id + :i) % 3 <> 0
                    group by b.id, b.payer_id, b.payer_region_code, b.month""")
                    .param("month", java.sql.Date.valueOf(m.atDay(1))).param("i", i).update();
            java.util.Map<Long, java.time.LocalDate> payers = new java.util.HashMap<>();
            jdbc.sql("select payer_id, min(paid_on) from payment where recorded_by = 'bench' and reference like 'BENCH-%' "
                    + "and paid_on >= :from group by payer_id").param("from", java.sql.Date.valueOf(m.plusMonths(1).atDay(1)))
                    .query((rs, n) -> payers.put(rs.getLong(1), rs.getDate(2).toLocalDate())).list();
            long p0 = System.nanoTime();
            tx.executeWithoutResult(s -> allocation.settleNewPayments(payers));
            double allocSeconds = (System.nanoTime() - p0) / 1e9;
            System.out.printf("BENCH %s: run %,d lines in %.2f s; %,d payers' payments allocated in %.2f s; load %s%n",
                    m, run.lines(), runSeconds, payers.size(), allocSeconds, load());
        }
        jdbc.sql("analyze").update();
        YearMonth last = month;
        long r0 = System.nanoTime();
        BillingRuns.Result run = CurrentActor.runAs(admin, () -> runs.run(last, admin, true));
        System.out.printf("BENCH %s after %d months of payments: run %,d bills, %,d lines in %.2f s; load %s%n",
                last, months, run.bills(), run.lines(), (System.nanoTime() - r0) / 1e9, load());
        printDigests(jdbc);
        System.out.printf("BENCH load at end %s%n", load());
    }

    /**
     * Digests of everything a run and an allocation write (allocations, paid months, balances, bills, versions, month
     * totals, arrears), so two versions of the code can be compared on the same data (also {@link BillingRunBenchmark});
     * an empty table prints "null" for its md5.
     */
    static void printDigests(JdbcClient jdbc) {
        System.out.printf("BENCH digest allocations %s%n", jdbc.sql("""
                select count(*) || ' ' || sum(amount) || ' ' || md5(string_agg(bill_line_id || ':' || amount || ':' || paid_on, ',' order by bill_line_id))
                from payment_allocation""").query((rs, n) -> String.valueOf(rs.getString(1))).single());
        System.out.printf("BENCH digest paid months %s%n", jdbc.sql("""
                select count(*) || ' ' || md5(string_agg(worker_id || program || month || village_code || paid_on, ',' order by worker_id, program, month))
                from paid_month""").query((rs, n) -> String.valueOf(rs.getString(1))).single());
        System.out.printf("BENCH digest balances %s%n", jdbc.sql("""
                select count(*) || ' ' || md5(string_agg(payer_id || ':' || month || ':' || due_date || ':' || total || ':' || paid || ':' || owed, ','
                       order by payer_id, month, due_date)) from bill_balance""").query((rs, n) -> String.valueOf(rs.getString(1))).single());
        System.out.printf("BENCH digest bills %s%n", jdbc.sql("""
                select count(*) || ' ' || md5(string_agg(b.payer_id || ':' || b.month || ':' || b.verification_code, ',' order by b.payer_id, b.month))
                from bill b""").query((rs, n) -> String.valueOf(rs.getString(1))).single());
        System.out.printf("BENCH digest bill ids %s%n", jdbc.sql("""
                select count(*) || ' ' || md5(string_agg(b.payer_id || ':' || b.month || ':' || b.id || ':' || b.due_date, ','
                       order by b.payer_id, b.month)) from bill b""").query((rs, n) -> String.valueOf(rs.getString(1))).single());
        System.out.printf("BENCH digest versions %s%n", jdbc.sql("""
                select count(*) || ' ' || sum(v.total) || ' ' || md5(string_agg(b.payer_id || ':' || b.month || ':' || v.version || ':'
                       || v.code || ':' || v.total || ':' || v.line_count || ':' || v.digest || ':' || v.issued_on, ','
                       order by b.payer_id, b.month, v.version)) from bill_version v join bill b on b.id = v.bill_id""")
                .query((rs, n) -> String.valueOf(rs.getString(1))).single());
        System.out.printf("BENCH digest versions without ids %s%n", jdbc.sql("""
                select count(*) || ' ' || md5(string_agg(b.payer_id || ':' || b.month || ':' || v.version || ':' || v.total || ':'
                       || v.line_count || ':' || v.digest || ':' || (v.code = bill_version_code(b.id, v.version, v.total, v.digest, 0)), ','
                       order by b.payer_id, b.month, v.version)) from bill_version v join bill b on b.id = v.bill_id""")
                .query((rs, n) -> String.valueOf(rs.getString(1))).single());
        System.out.printf("BENCH digest month totals %s%n", jdbc.sql("""
                select count(*) || ' ' || md5(string_agg(month || ':' || region_code || ':' || kind || ':' || unpaid || ':' || bills || ':'
                       || total || ':' || paid, ',' order by month, region_code, kind, unpaid)) from bill_month_total""")
                .query((rs, n) -> String.valueOf(rs.getString(1))).single());
        System.out.printf("BENCH digest arrears %s%n", jdbc.sql("select count(*) || ' ' || md5(string_agg(t::text, ',' order by t::text)) "
                + "from payer_arrears t").query((rs, n) -> String.valueOf(rs.getString(1))).single());
    }

    /** With {@code -Dlindung.bench.data-dir=DIR} the database is kept in DIR afterwards, to profile its statements. */
    @org.springframework.test.context.DynamicPropertySource
    static void keptDatabase(org.springframework.test.context.DynamicPropertyRegistry registry) {
        String dir = System.getProperty("lindung.bench.data-dir");
        if (dir != null && !dir.isBlank()) {
            registry.add("lindung.data-dir", () -> dir);
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
