package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.shared.Rupiah;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The PU late fine is 2% a month "on the contribution that should have been paid" (RULES.md 1.5): each rupiah is late
 * from the due date to the day it was paid, whatever other payment later completed the same bill line. Review of
 * 6 December 2026: a payment of Rp 1 moved a September bill's fine from 11,272 to 11,494, because every rupiah of a line
 * counted as paid on the date of the payment that completed it.
 */
@IntegrationTest
class LateFineOnPartPaymentsIntegrationTests {

    static final Actor ADMIN = TestUsers.actor("late-fine-parts-admin", Role.ADMIN, "ID");

    @Autowired JdbcClient jdbc;
    @Autowired BillingRuns runs;
    @Autowired Payments payments;
    @Autowired Bills bills;
    @Autowired BillOverview overview;
    @Autowired id.lindung.support.TestClock clock;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    private void pay(String payer, String reference, LocalDate date, String amount) {
        BillingFixture.pay(payments, ADMIN, payer, reference, date, amount);
    }

    private Rupiah fineOfJuly(String payer) {
        return bills.find(payer, YearMonth.of(2024, 7), ADMIN, LocalDate.of(2024, 12, 1)).get(0).fine();
    }

    /**
     * July 2024 of a village with one official: JKK 4,800 then JKM 6,000 (the allocation order), due 15 August. Rp 5,000
     * paid on 10 August settles JKK and Rp 200 of JKM on time; on 1 December the other Rp 5,800 of JKM is four started
     * months late: 5,800 x 2% x 4 = Rp 464. Paying Rp 1 on 20 November or the rest on 25 November moves only that money's
     * lateness (both four months on 1 December), never the Rp 200 paid in August: the fine stays Rp 464 (it was 480,
     * all Rp 6,000 of JKM counted as paid in November).
     */
    @Test
    void eachRupiahOfAPartlyPaidLineIsLateOnlyUntilTheDayItWasPaid() {
        String desa = "73.02.05.2005";
        new BillingFixture(jdbc).villageWithOneOfficial(desa, "Kaur " + desa, "PERANGKAT_DESA", LocalDate.of(2024, 1, 1));
        CurrentActor.runAs(ADMIN, () -> runs.run(YearMonth.of(2024, 7), ADMIN, true));
        String payer = "APBDES:" + desa;
        pay(payer, "ONTIME-" + desa, LocalDate.of(2024, 8, 10), "5000");
        assertThat(fineOfJuly(payer)).isEqualTo(Rupiah.of(464));
        pay(payer, "ONE-" + desa, LocalDate.of(2024, 11, 20), "1");
        assertThat(fineOfJuly(payer)).as("Rp 1 paid late adds its own lateness only").isEqualTo(Rupiah.of(464));
        pay(payer, "REST-" + desa, LocalDate.of(2024, 11, 25), "5799");
        BillSummary july = bills.find(payer, YearMonth.of(2024, 7), ADMIN, LocalDate.of(2024, 12, 1)).get(0);
        assertThat(july.outstanding()).isEqualTo(Rupiah.ZERO);
        assertThat(july.fine()).as("the Rp 200 of JKM paid on time is never late").isEqualTo(Rupiah.of(464));
        // the bill list (its own page statement) reads the same fine
        clock.fixAt(BillingFixture.morningOf(LocalDate.of(2024, 12, 1)));
        var listed = overview.find(new BillOverview.Filter(YearMonth.of(2024, 7), desa, null, null), ADMIN, 0, 50);
        assertThat(listed.rows()).singleElement().extracting(BillOverview.Row::fine).isEqualTo(Rupiah.of(464));
    }

    /**
     * The same trace across months. June (JKK 4,800 + JKM 6,000, due 15 July) is paid Rp 10,000 on 10 July, on time, and
     * its last Rp 800 of JKM on 14 August by a payment of Rp 4,800, one started month late: 800 x 2% = Rp 16 (it was
     * 120: all of June's JKM counted as paid in August). The other Rp 4,000 of that payment pays July's JKK on time (due
     * 15 August); July's last Rp 800 of JKK and its JKM 6,000 are paid on 20 September, two started months late:
     * 6,800 x 2% x 2 = Rp 272 (it was 432: the Rp 4,000 paid on time counted as paid in September).
     */
    @Test
    void aPaymentSpanningTwoMonthsIsLateForEachMonthByItsOwnDate() {
        String desa = "73.02.05.2006";
        new BillingFixture(jdbc).villageWithOneOfficial(desa, "Kasi " + desa, "PERANGKAT_DESA", LocalDate.of(2024, 1, 1));
        CurrentActor.runAs(ADMIN, () -> runs.run(YearMonth.of(2024, 6), ADMIN, true));
        CurrentActor.runAs(ADMIN, () -> runs.run(YearMonth.of(2024, 7), ADMIN, true));
        String payer = "APBDES:" + desa;
        pay(payer, "JUN-" + desa, LocalDate.of(2024, 7, 10), "10000");
        pay(payer, "JUNJUL-" + desa, LocalDate.of(2024, 8, 14), "4800");
        pay(payer, "JUL-" + desa, LocalDate.of(2024, 9, 20), "6800");
        LocalDate asOf = LocalDate.of(2024, 12, 1);
        assertThat(bills.find(payer, YearMonth.of(2024, 6), ADMIN, asOf).get(0).fine()).isEqualTo(Rupiah.of(16));
        assertThat(bills.find(payer, YearMonth.of(2024, 7), ADMIN, asOf).get(0).fine()).isEqualTo(Rupiah.of(272));
    }

    /**
     * The allocation keeps each line's late weight when it writes the line (V177) instead of the bill tracing it on every
     * read. Kept, it must stay what a trace from scratch gives after every kind of change: a payment that completes lines
     * of two months, a back-dated payment that moves every later rupiah to another payment, a reversal that takes money
     * away, and a billing run of a later month that the credit pays.
     */
    @Test
    void theLateWeightKeptWithEachAllocationIsTheTraceOfThePaymentsThatPaidIt() {
        String desa = "73.02.05.2007";
        new BillingFixture(jdbc).villageWithOneOfficial(desa, "Sekdes " + desa, "PERANGKAT_DESA", LocalDate.of(2024, 1, 1));
        CurrentActor.runAs(ADMIN, () -> runs.run(YearMonth.of(2024, 6), ADMIN, true));
        CurrentActor.runAs(ADMIN, () -> runs.run(YearMonth.of(2024, 7), ADMIN, true));
        String payer = "APBDES:" + desa;
        pay(payer, "A-" + desa, LocalDate.of(2024, 8, 20), "7000");
        assertThat(keptWeights(payer)).isNotEmpty().isEqualTo(tracedWeights(payer));
        pay(payer, "B-" + desa, LocalDate.of(2024, 10, 5), "9000");
        assertThat(keptWeights(payer)).as("a payment across two months").isEqualTo(tracedWeights(payer));
        pay(payer, "C-" + desa, LocalDate.of(2024, 7, 1), "3000");
        assertThat(keptWeights(payer)).as("a back-dated payment").isEqualTo(tracedWeights(payer));
        long b = jdbc.sql("select id from payment where reference = ?").param("B-" + desa).query(Long.class).single();
        CurrentActor.runAs(ADMIN, () -> payments.reverse(b, "salah transfer", ADMIN));
        assertThat(keptWeights(payer)).as("a reversal").isEqualTo(tracedWeights(payer));
        pay(payer, "D-" + desa, LocalDate.of(2024, 11, 11), "30000");
        CurrentActor.runAs(ADMIN, () -> runs.run(YearMonth.of(2024, 8), ADMIN, true));
        assertThat(keptWeights(payer)).as("a later month paid from credit").hasSizeGreaterThan(4).isEqualTo(tracedWeights(payer));
        assertThat(backfilledWeights(payer)).as("V177's backfill of allocations written before it").isEqualTo(keptWeights(payer));
    }

    /** The weights V177 writes for allocations that existed before it, computed again over today's (rolled back). */
    private java.util.Map<Long, java.math.BigDecimal> backfilledWeights(String payer) {
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V177__billing_allocation_late_weight.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> backfill = java.util.Arrays.stream(migration.replaceAll("(?m)^--.*$", "").split(";\\s*\\n"))
                .map(String::strip).filter(st -> st.matches("(?s)^(create temp table v177|create index on v177|analyze v177|update payment_allocation).*"))
                .toList();
        assertThat(backfill).hasSize(5);
        java.util.Map<Long, java.math.BigDecimal> weights = new java.util.TreeMap<>();
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql("update payment_allocation set late = -1").update();
            backfill.forEach(st -> jdbc.sql(st).update());
            weights.putAll(keptWeights(payer));
        });
        return weights;
    }

    private java.util.Map<Long, java.math.BigDecimal> keptWeights(String payer) {
        return weights("select a.bill_line_id, a.late from payment_allocation a join registry_payer r on r.id = a.payer_id where r.code = :payer",
                payer);
    }

    /** The payer's lines in allocation order fill its payments in date order: each line's stretch, weighed per payment. */
    private java.util.Map<Long, java.math.BigDecimal> tracedWeights(String payer) {
        return weights("""
                with pay as (
                    select p.paid_on, p.amount, sum(p.amount) over (order by p.paid_on, p.id rows unbounded preceding) as cum
                    from payment p join registry_payer r on r.id = p.payer_id where r.code = :payer and p.reversed_at is null),
                pos as (
                    select a.bill_line_id, a.amount, l.due_date,
                           sum(a.amount) over (order by a.month, %s, l.worker_id, l.share, l.id rows unbounded preceding) as upto
                    from payment_allocation a join bill_line l on l.id = a.bill_line_id join registry_payer r on r.id = a.payer_id
                    where r.code = :payer)
                select s.bill_line_id, sum((least(s.upto, y.cum) - greatest(s.upto - s.amount, y.cum - y.amount))
                                           * months_late(s.due_date, y.paid_on))
                from pos s join pay y on y.cum > s.upto - s.amount and y.cum - y.amount < s.upto
                group by s.bill_line_id""".formatted(Allocation.PROGRAM_ORDER.replace("program", "l.program")), payer);
    }

    private java.util.Map<Long, java.math.BigDecimal> weights(String sql, String payer) {
        java.util.Map<Long, java.math.BigDecimal> weights = new java.util.TreeMap<>();
        jdbc.sql(sql).param("payer", payer).query((rs, n) -> weights.put(rs.getLong(1), rs.getBigDecimal(2).stripTrailingZeros())).list();
        return weights;
    }
}
