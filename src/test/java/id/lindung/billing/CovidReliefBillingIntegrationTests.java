package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.contribution.ContributionCalculator;
import id.lindung.contribution.ContributionSchedule;
import id.lindung.platform.InvalidInputException;
import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PP 49/2020 in billing: who gets the relief is read from the billing facts (the payer had paid up to July 2020; a
 * participant registered after July 2020 pays its first two months in full), and the 99% of JP deferred is billed
 * as a line of its own on the bills due from 15 May 2021 to 15 April 2022. Every month here is a backfill, run as
 * the district office of a regency no other test bills (62.09) confirms it.
 */
@IntegrationTest
class CovidReliefBillingIntegrationTests {

    static final String WAGE = "2345678";

    @Autowired JdbcClient jdbc;
    @Autowired BillingRuns runs;
    @Autowired Payments payments;
    @Autowired ContributionCalculator calculator;

    private final Actor dpmd = TestUsers.actor("relief-dpmd", Role.DPMD, "62.09");

    private BillingRuns.Result run(YearMonth month) {
        return CurrentActor.runAs(dpmd, () -> runs.run(month, dpmd, true));
    }

    private void pay(String payer, String reference, LocalDate date, BigDecimal amount) {
        CurrentActor.runAs(dpmd, () -> payments.record(new Payments.PaymentRequest(payer, reference, date, amount, "BANK"), dpmd));
    }

    private BigDecimal billed(long payer, YearMonth month) {
        return jdbc.sql("select coalesce(sum(amount), 0) from bill_line where payer_id = ? and month = ?")
                .params(payer, Date.valueOf(month.atDay(1))).query(BigDecimal.class).single();
    }

    /** The live contribution line of a worker, programme and share in a month: amount, deferred, regulation version. */
    private Object[] line(long worker, String program, String share, YearMonth month, String type) {
        return jdbc.sql("""
                select l.amount, l.deferred, l.regulation_version, l.due_date from bill_line_effective e join bill_line l on l.id = e.id
                where l.worker_id = ? and l.program = ? and l.share = ? and l.month = ? and l.line_type = ? and e.eff <> 0""")
                .params(worker, program, share, Date.valueOf(month.atDay(1)), type)
                .query((rs, n) -> new Object[] {rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getString(3), rs.getDate(4).toLocalDate()})
                .optional().orElse(null);
    }

    private void terms(BillingFixture fx, long worker, String desa, long payer, LocalDate from) {
        for (String p : List.of("JKK", "JKM", "JP")) {
            fx.term(worker, desa, p, "PU", WAGE, "VERY_LOW", payer, payer, from, null);
        }
    }

    /** The calculator's line for a standing: what billing must have written. */
    private void assertBilledAsCalculated(long worker, YearMonth month, LocalDate registered, YearMonth paidThrough, boolean relief) {
        ContributionSchedule s = calculator.schedule(month);
        assertThat(s.reliefApplies(registered, paidThrough)).as("relief " + month).isEqualTo(relief);
        for (Programme p : List.of(Programme.JKK, Programme.JKM, Programme.JP)) {
            var expected = s.puLine(p, Rupiah.parse(WAGE), RiskGroup.VERY_LOW, false, relief);
            Object[] employer = line(worker, p.name(), "EMPLOYER", month, "CONTRIBUTION");
            assertThat((BigDecimal) employer[0]).as(month + " " + p).isEqualByComparingTo(expected.employer().toBigDecimal());
            assertThat((String) employer[2]).isEqualTo(s.regulationVersion());
            if (p == Programme.JP) {
                Object[] worker_ = line(worker, "JP", "WORKER", month, "CONTRIBUTION");
                assertThat((BigDecimal) worker_[0]).isEqualByComparingTo(expected.worker().toBigDecimal());
                BigDecimal deferred = ((BigDecimal) employer[1]).add((BigDecimal) worker_[1]);
                assertThat(deferred).as("deferred " + month).isEqualByComparingTo(expected.deferred().toBigDecimal());
            }
        }
    }

    @Test
    void theReliefFollowsTheBillingFactsAndTheDeferredJpIsBilledInInstalmentsFromMay2021ToApril2022() {
        BillingFixture fx = new BillingFixture(jdbc);
        String desaA = "62.09.01.2001";
        String desaB = "62.09.01.2002";
        long a = fx.payer("APBDES:" + desaA, "APBDES", "Pemerintah Desa Sungai Tuat", desaA);
        long b = fx.payer("APBDES:" + desaB, "APBDES", "Pemerintah Desa Tanjung Beringin", desaB);
        long paidUp = fx.worker(desaA, "Sekdes Sungai Tuat", "PERANGKAT_DESA");
        terms(fx, paidUp, desaA, a, LocalDate.of(2020, 1, 1));
        long lastDayOfJuly = fx.worker(desaA, "Kaur Sungai Tuat", "PERANGKAT_DESA");
        terms(fx, lastDayOfJuly, desaA, a, LocalDate.of(2020, 7, 31));
        long newcomer = fx.worker(desaA, "Kasi Baru Sungai Tuat", "PERANGKAT_DESA");
        terms(fx, newcomer, desaA, a, LocalDate.of(2020, 9, 10));
        long inArrears = fx.worker(desaB, "Sekdes Tanjung Beringin", "PERANGKAT_DESA");
        terms(fx, inArrears, desaB, b, LocalDate.of(2020, 1, 1));

        // a month of 2020 is a backfill: refused unless confirmed
        assertThatThrownBy(() -> CurrentActor.runAs(dpmd, () -> runs.run(YearMonth.of(2020, 7), dpmd, false)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("BACKFILL_NOT_CONFIRMED"));
        run(YearMonth.of(2020, 6));
        run(YearMonth.of(2020, 7));
        // village A pays June and July 2020; village B pays June only: it has not paid up to July 2020
        pay("APBDES:" + desaA, "ST-2020-07", LocalDate.of(2020, 8, 10),
                billed(a, YearMonth.of(2020, 6)).add(billed(a, YearMonth.of(2020, 7))));
        pay("APBDES:" + desaB, "TB-2020-06", LocalDate.of(2020, 7, 10), billed(b, YearMonth.of(2020, 6)));
        for (YearMonth m = YearMonth.of(2020, 8); !m.isAfter(YearMonth.of(2021, 2)); m = m.plusMonths(1)) {
            run(m);
        }

        YearMonth july = YearMonth.of(2020, 7);
        for (YearMonth m = YearMonth.of(2020, 8); !m.isAfter(YearMonth.of(2021, 1)); m = m.plusMonths(1)) {
            assertBilledAsCalculated(paidUp, m, LocalDate.of(2020, 1, 1), july, true);
            // registered on 31 July 2020: not a newcomer
            assertBilledAsCalculated(lastDayOfJuly, m, LocalDate.of(2020, 7, 31), july, true);
            // village B had not paid July 2020: full rates, nothing deferred
            assertBilledAsCalculated(inArrears, m, LocalDate.of(2020, 1, 1), YearMonth.of(2020, 6), false);
        }
        // registered 10 September 2020: September and October in full, the relief from November
        assertBilledAsCalculated(newcomer, YearMonth.of(2020, 9), LocalDate.of(2020, 9, 10), july, false);
        assertBilledAsCalculated(newcomer, YearMonth.of(2020, 10), LocalDate.of(2020, 9, 10), july, false);
        assertBilledAsCalculated(newcomer, YearMonth.of(2020, 11), LocalDate.of(2020, 9, 10), july, true);
        // after the relief everyone pays in full
        assertBilledAsCalculated(paidUp, YearMonth.of(2021, 2), LocalDate.of(2020, 1, 1), july, false);

        // the deferred JP: nothing before April 2021, one instalment on each bill of April 2021 to March 2022
        ContributionSchedule aug = calculator.schedule(YearMonth.of(2020, 8));
        var relief = aug.puLine(Programme.JP, Rupiah.parse(WAGE), null, false, true);
        Rupiah employerPerMonth = jdbcDeferred(paidUp, "EMPLOYER", YearMonth.of(2020, 8));
        assertThat(employerPerMonth.plus(jdbcDeferred(paidUp, "WORKER", YearMonth.of(2020, 8)))).isEqualTo(relief.deferred());
        Rupiah paidUpDebt = employerPerMonth.times(6);
        Rupiah newcomerDebt = jdbcDeferred(newcomer, "EMPLOYER", YearMonth.of(2020, 11)).times(3);
        run(YearMonth.of(2021, 3));
        assertThat(line(paidUp, "JP", "EMPLOYER", YearMonth.of(2021, 3), "JP_DEFERRED")).isNull();
        Rupiah paidUpSum = Rupiah.ZERO;
        Rupiah newcomerSum = Rupiah.ZERO;
        for (YearMonth m = YearMonth.of(2021, 4); !m.isAfter(YearMonth.of(2022, 4)); m = m.plusMonths(1)) {
            BillingRuns.Result result = run(m);
            ContributionSchedule s = calculator.schedule(m);
            Object[] instalment = line(paidUp, "JP", "EMPLOYER", m, "JP_DEFERRED");
            if (m.equals(YearMonth.of(2022, 4))) {
                assertThat(s.jpRepayment()).isNull();
                assertThat(instalment).as("no instalment after March 2022").isNull();
                continue;
            }
            assertThat(instalment).as("instalment " + m).isNotNull();
            assertThat((BigDecimal) instalment[0]).isEqualByComparingTo(s.jpRepayment().of(paidUpDebt).toBigDecimal());
            assertThat((String) instalment[2]).isEqualTo(s.regulationVersion()).isEqualTo(result.regulationVersion());
            assertThat((LocalDate) instalment[3]).isBetween(LocalDate.of(2021, 5, 15), LocalDate.of(2022, 4, 15));
            // its own line beside the month's JP contribution
            assertThat(line(paidUp, "JP", "EMPLOYER", m, "CONTRIBUTION")).isNotNull();
            assertThat(line(inArrears, "JP", "EMPLOYER", m, "JP_DEFERRED")).as("nothing was deferred for village B").isNull();
            paidUpSum = paidUpSum.plus(Rupiah.of((BigDecimal) instalment[0]));
            newcomerSum = newcomerSum.plus(Rupiah.of((BigDecimal) line(newcomer, "JP", "EMPLOYER", m, "JP_DEFERRED")[0]));
        }
        assertThat(paidUpSum).isEqualTo(paidUpDebt);
        assertThat(newcomerSum).isEqualTo(newcomerDebt);
        // a re-run of a settlement month adds nothing
        assertThat(run(YearMonth.of(2021, 6)).lines()).isZero();
    }

    @Test
    void aPayerWhoSettlesJuly2020LateGetsTheReliefOnTheNextRunAsAReversalAndAnAdjustment() {
        BillingFixture fx = new BillingFixture(jdbc);
        String desa = "62.09.01.2003";
        long c = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Cuhai", desa);
        long w = fx.worker(desa, "Sekdes Cuhai", "PERANGKAT_DESA");
        terms(fx, w, desa, c, LocalDate.of(2020, 1, 1));
        run(YearMonth.of(2020, 7));
        run(YearMonth.of(2020, 8));
        assertBilledAsCalculated(w, YearMonth.of(2020, 8), LocalDate.of(2020, 1, 1), YearMonth.of(2020, 6), false);
        pay("APBDES:" + desa, "CUHAI-2020-07", LocalDate.of(2020, 9, 20),
                billed(c, YearMonth.of(2020, 7)).add(billed(c, YearMonth.of(2020, 8))));
        BillingRuns.Result rerun = run(YearMonth.of(2020, 8));
        assertThat(rerun.lines()).isEqualTo(8); // four reversals (JKK, JKM, JP twice) and four adjustments
        assertBilledAsCalculated(w, YearMonth.of(2020, 8), LocalDate.of(2020, 1, 1), YearMonth.of(2020, 7), true);
        assertThat(jdbc.sql("select count(*) from bill_line where worker_id = ? and kind = 'REVERSAL' and deferred = 0 and program = 'JP'")
                .param(w).query(Long.class).single()).isEqualTo(2);
    }

    private Rupiah jdbcDeferred(long worker, String share, YearMonth month) {
        return Rupiah.of((BigDecimal) line(worker, "JP", share, month, "CONTRIBUTION")[1]);
    }
}
