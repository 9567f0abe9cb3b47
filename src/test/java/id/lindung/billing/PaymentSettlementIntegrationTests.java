package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * New payments (one, or a file of them) recompute each payer only from the earlier of its first unsettled month and
 * the first month completed by a payment dated after the new ones (Allocation.settleNewPayments), not from the first
 * month: the result must be what recomputing every payer from its first month gives (the oracle, rolled back), for
 * payers in arrears, fully paid ones paying ahead, partial payers, and back-dated payments that move the history's
 * paid dates. Regency 16.03, which no other test uses.
 */
@IntegrationTest
class PaymentSettlementIntegrationTests {

    static final String REGENCY = "16.03";

    @Autowired JdbcClient jdbc;
    @Autowired BillingRuns runs;
    @Autowired Payments payments;
    @Autowired Allocation allocation;
    @Autowired PlatformTransactionManager transactions;

    final Actor dpmd = TestUsers.actor("settlement-dpmd", Role.DPMD, REGENCY);

    @Test
    void paymentsSettleFromTheFirstMonthTheyCanChangeAndEndAsARecomputationFromTheFirstMonthWould() {
        List<String> villages = jdbc.sql("select code from region_area where level = 'VILLAGE' and active and code like ? order by code limit 4")
                .param(REGENCY + ".%").query(String.class).list();
        BillingFixture fx = new BillingFixture(jdbc);
        List<Long> payers = new java.util.ArrayList<>();
        for (String v : villages) {
            long payer = fx.payer("APBDES:" + v, "APBDES", "Pemerintah Desa " + v, v);
            payers.add(payer);
            for (int i = 0; i < 3; i++) {
                long w = fx.worker(v, "Perangkat " + i, "PERANGKAT_DESA");
                fx.term(w, v, "JKK", "PU", "2000000", "VERY_LOW", payer, payer, LocalDate.of(2026, 1, 1), null);
                fx.term(w, v, "JKM", "PU", "2000000", null, payer, payer, LocalDate.of(2026, 1, 1), null);
            }
        }
        for (YearMonth m = YearMonth.of(2026, 1); !m.isAfter(YearMonth.of(2026, 4)); m = m.plusMonths(1)) {
            YearMonth month = m;
            CurrentActor.runAs(dpmd, () -> runs.run(month, dpmd, true));
        }
        // a month is 3 workers x (JKK 4,800 + JKM 6,000) = 32,400
        String p0 = "APBDES:" + villages.get(0), p1 = "APBDES:" + villages.get(1), p2 = "APBDES:" + villages.get(2),
                p3 = "APBDES:" + villages.get(3);
        importFile("""
                payer,reference,date,amount
                %s,A-1,2026-02-10,64800
                %s,B-1,2026-02-10,129600
                %s,C-1,2026-02-10,40000
                %s,D-1,2026-03-20,64800
                """.formatted(p0, p1, p2, p3));
        assertSameAsFromTheStart(payers, "after the first file");
        assertThat(paidOn(payers.get(3), "2026-01-01")).isEqualTo("2026-03-20");

        // arrears paid on; a payer paying ahead; a partial payer completing a month; a back-dated payment that now
        // completes January and February before the payment of 20 March did
        importFile("""
                payer,reference,date,amount
                %s,A-2,2026-04-10,64800
                %s,B-2,2026-05-10,50000
                %s,C-2,2026-03-10,24800
                %s,D-2,2026-02-05,64800
                """.formatted(p0, p1, p2, p3));
        assertSameAsFromTheStart(payers, "after the second file");
        assertThat(paidOn(payers.get(3), "2026-01-01")).as("a back-dated payment moves the paid date it precedes").isEqualTo("2026-02-05");
        assertThat(paidOn(payers.get(3), "2026-03-01")).isEqualTo("2026-03-20");

        // the same through the single payment: back-dated before the payment that completed March
        CurrentActor.runAs(dpmd, () -> payments.record(new Payments.PaymentRequest(p3, "D-3", LocalDate.of(2026, 3, 1),
                new BigDecimal("32400"), "BANK"), dpmd));
        assertSameAsFromTheStart(payers, "after one back-dated payment");
        assertThat(paidOn(payers.get(3), "2026-03-01")).isEqualTo("2026-03-01");
    }

    private void importFile(String csv) {
        Payments.ImportResult r = CurrentActor.runAs(dpmd, () -> payments.importCsv(
                new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), dpmd));
        assertThat(r.rejected()).isEmpty();
    }

    private String paidOn(long payer, String month) {
        return jdbc.sql("select max(paid_on)::text from payment_allocation where payer_id = ? and month = cast(? as date)")
                .params(payer, month).query(String.class).single();
    }

    /** Allocations, paid months and balances of the payers equal a recomputation of each from its first month. */
    private void assertSameAsFromTheStart(List<Long> payers, String step) {
        List<String> kept = state(payers);
        assertThat(kept).as(step + ": something was allocated").isNotEmpty();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<String> recomputed = tx.execute(s -> {
            payers.forEach(allocation::reallocateFromStart);
            List<String> after = state(payers);
            s.setRollbackOnly();
            return after;
        });
        assertThat(kept).as(step).containsExactlyElementsOf(recomputed);
    }

    private List<String> state(List<Long> payers) {
        Long[] ids = payers.toArray(Long[]::new);
        List<String> rows = new java.util.ArrayList<>();
        rows.addAll(jdbc.sql("""
                select 'allocation ' || a.payer_id || ' ' || l.worker_id || ' ' || l.program || ' ' || a.month || ' ' || a.amount || ' ' || a.paid_on
                from payment_allocation a join bill_line l on l.id = a.bill_line_id where a.payer_id = any(:p) order by 1""")
                .param("p", ids).query(String.class).list());
        rows.addAll(jdbc.sql("""
                select 'paid ' || m.worker_id || ' ' || m.program || ' ' || m.month || ' ' || m.paid_on
                from paid_month m join worker w on w.id = m.worker_id where w.village_code like :r order by 1""")
                .param("r", REGENCY + ".%").query(String.class).list());
        rows.addAll(jdbc.sql("""
                select 'balance ' || payer_id || ' ' || month || ' ' || due_date || ' ' || total || ' ' || paid || ' ' || owed
                from bill_balance where payer_id = any(:p) order by 1""").param("p", ids).query(String.class).list());
        return rows;
    }
}
