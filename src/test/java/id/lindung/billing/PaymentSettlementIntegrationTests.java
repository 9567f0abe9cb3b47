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

    /**
     * A month's first run settles a payer whose payments the earlier months took in full (paid up to date, or part of
     * its oldest month) as one that never paid: nothing of the new month is allocated to it. The result is still
     * what recomputing every payer from its first month gives, for those payers, one that paid ahead and one that
     * never paid; and a worker's month paid in another regency (a transfer during the month) is paid no more once
     * this regency's run adds its unpaid line. Regencies 16.04 and 16.05, which no other test uses.
     */
    @Test
    void aFirstRunSettlesPayersWhoseMoneyEarlierMonthsTookLikeThoseWhoNeverPaidAndEndsAsARecomputationWould() {
        String regency = "16.04", other = "16.05";
        Actor here = TestUsers.actor("settlement-first-run", Role.DPMD, regency);
        Actor there = TestUsers.actor("settlement-first-run-other", Role.DPMD, other);
        List<String> villages = jdbc.sql("""
                select code from region_area where level = 'VILLAGE' and kind = 'DESA' and active and code like ? order by code limit 5""")
                .param(regency + ".%").query(String.class).list();
        BillingFixture fx = new BillingFixture(jdbc);
        String elsewhere = fx.firstDesa(other);
        List<Long> payers = new java.util.ArrayList<>();
        List<Long> deathTerms = new java.util.ArrayList<>();
        for (String v : villages) {
            long payer = fx.payer("APBDES:" + v, "APBDES", "Pemerintah Desa " + v, v);
            payers.add(payer);
            long w = fx.worker(v, "Kepala Desa " + v, "KEPALA_DESA");
            deathTerms.add(fx.term(w, v, "JKK", "PU", "2000000", "VERY_LOW", payer, payer, LocalDate.of(2026, 1, 1), null));
            deathTerms.add(fx.term(w, v, "JKM", "PU", "2000000", null, payer, payer, LocalDate.of(2026, 1, 1), null));
        }
        // the fifth village has a second official, so that its village head's death leaves it a month to bill
        long second = fx.worker(villages.get(4), "Sekretaris Desa", "PERANGKAT_DESA");
        fx.term(second, villages.get(4), "JKK", "PU", "2000000", "VERY_LOW", payers.get(4), payers.get(4), LocalDate.of(2026, 1, 1), null);
        fx.term(second, villages.get(4), "JKM", "PU", "2000000", null, payers.get(4), payers.get(4), LocalDate.of(2026, 1, 1), null);
        // a worker of the other regency until 10 March, then of the first village here (paid by its village)
        long away = fx.payer("APBDES:" + elsewhere, "APBDES", "Pemerintah Desa " + elsewhere, elsewhere);
        payers.add(away);
        long moved = fx.worker(villages.get(0), "Perangkat pindahan", "PERANGKAT_DESA");
        fx.term(moved, elsewhere, "JKK", "PU", "2000000", "VERY_LOW", away, away, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 10));
        fx.term(moved, villages.get(0), "JKK", "PU", "2000000", "VERY_LOW", payers.get(0), payers.get(0), LocalDate.of(2026, 3, 10), null);
        bill(there, 1, 3);
        importFile(there, """
                payer,reference,date,amount
                APBDES:%s,E-1,2026-03-20,14400
                """.formatted(elsewhere));
        assertThat(jdbc.sql("select count(*) from paid_month where worker_id = ? and month = date '2026-03-01'").param(moved)
                .query(Long.class).single()).as("March paid in the other regency").isOne();

        bill(here, 1, 2);
        // a month here is JKK 4,800 + JKM 6,000 = 10,800 per official: paid up to date, ahead, part of January, never,
        // January of two officials
        importFile(here, """
                payer,reference,date,amount
                APBDES:%s,F-1,2026-02-10,21600
                APBDES:%s,F-2,2026-02-10,40000
                APBDES:%s,F-3,2026-02-10,5000
                APBDES:%s,F-4,2026-02-10,21600
                """.formatted(villages.get(0), villages.get(1), villages.get(2), villages.get(4)));
        // the fifth village's head died on 20 January: March's run reverses his February, settling the village from
        // February (it has paid), which takes March with it, though no money is left for March
        fx.close(deathTerms.get(8), LocalDate.of(2026, 1, 20), "DECEASED");
        fx.close(deathTerms.get(9), LocalDate.of(2026, 1, 20), "DECEASED");
        bill(here, 3, 3);
        assertThat(jdbc.sql("select count(*) from bill_line where payer_id = ? and month = date '2026-02-01' and kind = 'REVERSAL'")
                .param(payers.get(4)).query(Long.class).single()).as("February of the dead head reversed").isEqualTo(2);

        assertSameAsFromTheStart(payers, "after March's first run", regency);
        assertThat(jdbc.sql("select count(*) from paid_month where worker_id = ? and month = date '2026-03-01'").param(moved)
                .query(Long.class).single()).as("March has an unpaid line here now").isZero();
        assertThat(jdbc.sql("select coalesce(sum(amount), 0) from payment_allocation where payer_id = ? and month = date '2026-03-01'")
                .param(payers.get(1)).query(BigDecimal.class).single()).as("the payer ahead pays March").isEqualByComparingTo("10800");
        assertThat(jdbc.sql("select count(*) from payment_allocation where payer_id = any(?) and month = date '2026-03-01'")
                .param(new Long[] {payers.get(0), payers.get(2), payers.get(3), payers.get(4)}).query(Long.class).single()).isZero();
    }

    /**
     * A month billed after a later one (a backfill) is a first run of that month whose payer's money the later month
     * took: the payer has no credit left, only an allocation after the month (RunPayers.markWithMoney's third join). It is settled
     * from the month, oldest first: January takes the money and February is left unpaid, as a recomputation from the
     * start gives; told apart by its credit alone, it kept February paid beside an unpaid January. Regency 16.10, which
     * no other test uses.
     */
    @Test
    void aBackfilledMonthTakesTheMoneyOfTheLaterMonthBilledBeforeItOldestMonthFirst() {
        String regency = "16.10";
        Actor here = TestUsers.actor("settlement-backfill", Role.DPMD, regency);
        String village = new BillingFixture(jdbc).firstDesa(regency);
        long payer = villageWithItsHead(village);
        bill(here, 2, 2);
        // a month is JKK 4,800 + JKM 6,000 = 10,800: February paid exactly, nothing left over
        importFile(here, """
                payer,reference,date,amount
                APBDES:%s,B-1,2026-02-10,10800
                """.formatted(village));
        assertThat(jdbc.sql("select count(*) from payer_credit where payer_id = ?").param(payer).query(Long.class).single())
                .as("no credit: February took the payment").isZero();

        bill(here, 1, 1);

        assertThat(jdbc.sql("select month::text || ' ' || sum(amount) from payment_allocation where payer_id = ? group by month order by month")
                .param(payer).query(String.class).list()).as("January, the oldest month, takes the money").containsExactly("2026-01-01 10800.00");
        assertSameAsFromTheStart(List.of(payer), "after January's backfill", regency);
    }

    /**
     * A payment committed while a first run settles (after its lines, before it tells its payers apart) is seen by
     * the run: the payer locks come first, so a prepayment either commits before and counts, or waits for the run.
     * Here it commits at the last moment before the lock; told apart before it, the payer counted as having no money
     * and March stayed unpaid beside its credit. Regency 16.06, which no other test uses.
     */
    @Test
    void aPaymentCommittedAsAFirstRunSettlesIsSeenByTheRun() throws Exception {
        String regency = "16.06";
        Actor here = TestUsers.actor("settlement-during-run", Role.DPMD, regency);
        String village = new BillingFixture(jdbc).firstDesa(regency);
        long payer = villageWithItsHead(village);
        bill(here, 1, 2);
        importFile(here, """
                payer,reference,date,amount
                APBDES:%s,G-1,2026-02-10,21600
                """.formatted(village));
        var during = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.function.LongConsumer previous = runs.runPayersLock(n -> {
            try {
                during.submit(() -> CurrentActor.runAs(here, () -> payments.record(new Payments.PaymentRequest("APBDES:" + village,
                        "G-2", LocalDate.of(2026, 3, 5), new BigDecimal("30000"), "BANK", true), here))).get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            allocation.lockRunPayers(n);
        });
        try {
            bill(here, 3, 3);
        } finally {
            runs.runPayersLock(previous);
            during.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from payment where payer_id = ? and reference = 'G-2'").param(payer).query(Long.class).single())
                .as("the prepayment was recorded during the run").isOne();
        assertThat(jdbc.sql("select coalesce(sum(amount), 0) from payment_allocation where payer_id = ? and month = date '2026-03-01'")
                .param(payer).query(BigDecimal.class).single()).as("March paid from it").isEqualByComparingTo("10800");
        assertSameAsFromTheStart(List.of(payer), "after a payment during March's first run", regency);
    }

    /**
     * A worker's programme month is paid when every live line of it is settled, whoever pays them. A re-run that adds
     * or reverses only the line of a payer that never paid changes whether such a month is paid although no allocation
     * changes. Here a worker who left an office in one regency and took one in another on 10 March (a resignation, so
     * the first term is not continued by the second) has March billed in both; the second regency's payer pays its
     * line, the first's never pays. The first regency's re-runs of March add its line (the resignation was recorded a
     * day too early: March is paid no more), then reverse it (it was not: March is paid again, on the payment's date).
     * Regencies 16.07 and 16.08, which no other test uses.
     */
    @Test
    void aReRunThatAddsOrReversesTheLineOfAPayerThatNeverPaidDecidesWhetherTheMonthIsPaid() {
        String regency = "16.07", other = "16.08";
        Actor here = TestUsers.actor("settlement-rerun", Role.DPMD, regency);
        Actor there = TestUsers.actor("settlement-rerun-other", Role.DPMD, other);
        BillingFixture fx = new BillingFixture(jdbc);
        String village = fx.firstDesa(regency);
        String elsewhere = fx.firstDesa(other);
        long payer = fx.payer("APBDES:" + village, "APBDES", "Pemerintah Desa " + village, village);
        long away = fx.payer("APBDES:" + elsewhere, "APBDES", "Pemerintah Desa " + elsewhere, elsewhere);
        long moved = fx.worker(village, "Perangkat pindahan", "PERANGKAT_DESA");
        long before = fx.term(moved, elsewhere, "JKK", "PU", "2000000", "VERY_LOW", away, away, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1));
        fx.close(before, LocalDate.of(2026, 3, 1), "RESIGNED");
        // the first regency's village head, so that its March has lines before the re-runs (not a first run)
        long head = fx.worker(elsewhere, "Kepala Desa " + elsewhere, "KEPALA_DESA");
        fx.term(head, elsewhere, "JKK", "PU", "2000000", "VERY_LOW", away, away, LocalDate.of(2026, 1, 1), null);
        fx.term(moved, village, "JKK", "PU", "2000000", "VERY_LOW", payer, payer, LocalDate.of(2026, 3, 10), null);
        bill(there, 1, 3);
        bill(here, 1, 3);
        importFile(here, """
                payer,reference,date,amount
                APBDES:%s,H-1,2026-03-20,4800
                """.formatted(village));
        assertThat(paidMonths(moved)).as("March's one line paid").containsExactly("JKK 2026-03-01 2026-03-20");

        fx.close(before, LocalDate.of(2026, 3, 10), "RESIGNED");
        bill(there, 3, 3);
        assertThat(jdbc.sql("select count(*) from bill_line where payer_id = ? and worker_id = ? and month = date '2026-03-01' and amount > 0")
                .params(away, moved).query(Long.class).single()).as("March billed there too").isOne();
        assertThat(paidMonths(moved)).as("March has an unpaid line there").isEmpty();
        assertPaidMonthsAsCounted(moved);

        fx.close(before, LocalDate.of(2026, 3, 1), "RESIGNED");
        bill(there, 3, 3);
        assertThat(jdbc.sql("select count(*) from bill_line where payer_id = ? and worker_id = ? and month = date '2026-03-01' and kind = 'REVERSAL'")
                .params(away, moved).query(Long.class).single()).as("March's line there reversed").isOne();
        assertThat(paidMonths(moved)).as("March's one live line paid again").containsExactly("JKK 2026-03-01 2026-03-20");
        assertPaidMonthsAsCounted(moved);
    }

    private List<String> paidMonths(long worker) {
        return jdbc.sql("select program || ' ' || month || ' ' || paid_on from paid_month where worker_id = ? order by 1")
                .param(worker).query(String.class).list();
    }

    /** The village's payer, paying JKK and JKM (10,800 a month) for its head from January 2026. */
    private long villageWithItsHead(String village) {
        return new BillingFixture(jdbc).villageWithOneOfficial(village, "Kepala Desa " + village, "KEPALA_DESA", LocalDate.of(2026, 1, 1));
    }

    /** The worker's kept paid months equal a count over its lines and their allocations. */
    private void assertPaidMonthsAsCounted(long worker) {
        assertThat(paidMonths(worker)).containsExactlyElementsOf(jdbc.sql("""
                select l.program || ' ' || l.month || ' ' || max(a.paid_on) from bill_line l
                left join bill_line_effective e on e.id = l.id left join payment_allocation a on a.bill_line_id = l.id
                where l.worker_id = ? and l.kind <> 'REVERSAL' group by l.program, l.month
                having bool_and(e.eff <= 0 or coalesce(a.amount, 0) >= e.eff) and bool_or(e.eff > 0) order by 1""")
                .param(worker).query(String.class).list());
    }

    /** The actor's area billed for the months {@code from} to {@code to} of 2026, one run each. */
    private void bill(Actor actor, int from, int to) {
        for (int m = from; m <= to; m++) {
            YearMonth month = YearMonth.of(2026, m);
            CurrentActor.runAs(actor, () -> runs.run(month, actor, true));
        }
    }

    private void importFile(String csv) {
        importFile(dpmd, csv);
    }

    private void importFile(Actor actor, String csv) {
        Payments.ImportResult r = CurrentActor.runAs(actor, () -> payments.importCsv(
                new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), actor));
        assertThat(r.rejected()).isEmpty();
    }

    private String paidOn(long payer, String month) {
        return jdbc.sql("select max(paid_on)::text from payment_allocation where payer_id = ? and month = cast(? as date)")
                .params(payer, month).query(String.class).single();
    }

    /** Allocations, paid months and balances of the payers equal a recomputation of each from its first month. */
    private void assertSameAsFromTheStart(List<Long> payers, String step) {
        assertSameAsFromTheStart(payers, step, REGENCY);
    }

    private void assertSameAsFromTheStart(List<Long> payers, String step, String regency) {
        List<String> kept = state(payers, regency);
        assertThat(kept).as(step + ": something was allocated").isNotEmpty();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<String> recomputed = tx.execute(s -> {
            payers.forEach(allocation::reallocateFromStart);
            List<String> after = state(payers, regency);
            s.setRollbackOnly();
            return after;
        });
        assertThat(kept).as(step).containsExactlyElementsOf(recomputed);
    }

    private List<String> state(List<Long> payers, String regency) {
        Long[] ids = payers.toArray(Long[]::new);
        List<String> rows = new java.util.ArrayList<>();
        rows.addAll(jdbc.sql("""
                select 'allocation ' || a.payer_id || ' ' || l.worker_id || ' ' || l.program || ' ' || a.month || ' ' || a.amount || ' ' || a.paid_on
                from payment_allocation a join bill_line l on l.id = a.bill_line_id where a.payer_id = any(:p) order by 1""")
                .param("p", ids).query(String.class).list());
        rows.addAll(jdbc.sql("""
                select 'paid ' || m.worker_id || ' ' || m.program || ' ' || m.month || ' ' || m.paid_on
                from paid_month m join worker w on w.id = m.worker_id where w.village_code like :r order by 1""")
                .param("r", regency + ".%").query(String.class).list());
        rows.addAll(jdbc.sql("""
                select 'balance ' || payer_id || ' ' || month || ' ' || due_date || ' ' || total || ' ' || paid || ' ' || owed
                from bill_balance where payer_id = any(:p) order by 1""").param("p", ids).query(String.class).list());
        rows.addAll(jdbc.sql("select 'credit ' || payer_id || ' ' || credit from payer_credit where payer_id = any(:p) order by 1")
                .param("p", ids).query(String.class).list());
        return rows;
    }
}
