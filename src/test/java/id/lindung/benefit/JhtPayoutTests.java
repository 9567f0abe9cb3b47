package id.lindung.benefit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.regulation.ProgrammeNotYetInForceException;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Rejection;
import id.lindung.shared.RejectedException;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JHT payout: the balance of a contribution history grown by the declared yearly returns, by reason (RULES.md 4.4). */
class JhtPayoutTests {

    static final BenefitCalculator CALCULATOR = new BenefitCalculator(RegulationCatalog.loadBundled());

    static BenefitQuote payout(String date, JhtReason reason, String start, int months, long wage, LocalDate birthDate,
                               LocalDate employmentEnd, boolean partialClaimed) {
        var facts = new BenefitRequest.JhtFacts(reason, birthDate, employmentEnd, YearMonth.parse(start), List.of(), partialClaimed);
        return CALCULATOR.quote(BenefitRequest.jhtPayout(LocalDate.parse(date), Segment.PU, Rupiah.of(wage), months, null, facts));
    }

    static Map<String, Long> components(BenefitQuote q) {
        return q.components().stream().collect(Collectors.toMap(BenefitComponent::code,
                c -> c.amount().toBigDecimal().longValueExact(), (a, b) -> a, TreeMap::new));
    }

    /**
     * A wage earner on Rp 3,000,000 from November 2015 to February 2016, paid out on 10 July 2016 on leaving Indonesia.
     *
     * <pre>
     * contribution per month: 3.7% x 3,000,000 + 2% x 3,000,000 = 111,000 + 60,000 = 171,000; 4 months = 684,000
     * each is credited the month after its contribution month: Dec 2015, Jan, Feb, Mar 2016
     *
     * 2015 (rate 4.88%, unverified):   Dec credit earns 1 month          171,000 x 1 =   171,000
     *                                  return 4.88% x 171,000 / 12 = 8,344.80 / 12 = 695.40 -> 695
     *                                  balance 31 Dec 2015 = 171,000 + 695 = 171,695
     * 2016 (rate 7.19%), to July:      opening balance, Jan..Jun, 6 months  171,695 x 6 = 1,030,170
     *                                  Jan credit, 6 months                171,000 x 6 = 1,026,000
     *                                  Feb credit, 5 months                171,000 x 5 =   855,000
     *                                  Mar credit, 4 months                171,000 x 4 =   684,000
     *                                  weighted                                          3,595,170
     *                                  return 7.19% x 3,595,170 = 258,492.72; / 12 = 21,541.06 -> 21,541
     * returns 695 + 21,541 = 22,236; balance 684,000 + 22,236 = 706,236
     * </pre>
     */
    @Test
    void balanceMatchesTheHandComputation() {
        BenefitQuote q = payout("2016-07-10", JhtReason.LEAVING_INDONESIA, "2015-11", 4, 3_000_000, null, null, false);
        assertThat(q.rejections()).isEmpty();
        assertThat(components(q)).containsExactlyEntriesOf(new TreeMap<>(Map.of("CONTRIBUTIONS", 684_000L, "RETURNS", 22_236L)));
        assertThat(q.total()).isEqualTo(Rupiah.of(706_236));
        assertThat(q.components().get(1).references()).extracting(r -> r.parameter())
                .contains("jht.returnRate", "jht.returnCrediting");
        assertThat(q.components().get(1).references()).anySatisfy(r -> assertThat(r.verified()).isFalse());
    }

    @Test
    void oneWagePerMonthGivesTheSameBalanceAsAConstantWageWhenTheWagesAreEqualAndMoreWhenTheyRise() {
        var facts = new BenefitRequest.JhtFacts(JhtReason.DEATH, null, null, YearMonth.of(2015, 11),
                List.of(Rupiah.of(3_000_000), Rupiah.of(3_000_000), Rupiah.of(3_000_000), Rupiah.of(3_000_000)), false);
        BenefitQuote same = CALCULATOR.quote(BenefitRequest.jhtPayout(LocalDate.of(2016, 7, 10), Segment.PU, null, null, null, facts));
        assertThat(same.total()).isEqualTo(Rupiah.of(706_236));
        var rising = new BenefitRequest.JhtFacts(JhtReason.DEATH, null, null, YearMonth.of(2015, 11),
                List.of(Rupiah.of(3_000_000), Rupiah.of(3_000_000), Rupiah.of(3_500_000), Rupiah.of(3_500_000)), false);
        BenefitQuote more = CALCULATOR.quote(BenefitRequest.jhtPayout(LocalDate.of(2016, 7, 10), Segment.PU, null, null, null, rising));
        // the last two months contribute 5.7% x 3,500,000 = 199,500 each
        assertThat(components(more)).containsEntry("CONTRIBUTIONS", 171_000L * 2 + 199_500L * 2);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            # rule                                          | date       | reason             | start   | months | birth      | end        | claimed | components                   | rejection
            age 56 reached on the 56th birthday             | 2025-08-01 | AGE_56             | 2020-01 | 60     | 1969-08-01 | -          | false   | CONTRIBUTIONS,RETURNS        | -
            age 56 not reached the day before               | 2025-07-31 | AGE_56             | 2020-01 | 60     | 1969-08-01 | -          | false   | -                            | JHT_AGE_NOT_REACHED
            resignation after the waiting month             | 2025-07-30 | RESIGNATION        | 2020-01 | 60     | -          | 2025-06-30 | false   | CONTRIBUTIONS,RETURNS        | -
            resignation within the waiting month            | 2025-07-29 | RESIGNATION        | 2020-01 | 60     | -          | 2025-06-30 | false   | -                            | JHT_WAITING_PERIOD_NOT_OVER
            dismissal within the waiting month              | 2025-07-01 | DISMISSAL          | 2020-01 | 60     | -          | 2025-06-30 | false   | -                            | JHT_WAITING_PERIOD_NOT_OVER
            leaving Indonesia                               | 2025-07-01 | LEAVING_INDONESIA  | 2020-01 | 60     | -          | -          | false   | CONTRIBUTIONS,RETURNS        | -
            total disability                                | 2025-07-01 | TOTAL_DISABILITY   | 2020-01 | 60     | -          | -          | false   | CONTRIBUTIONS,RETURNS        | -
            death                                           | 2025-07-01 | DEATH              | 2020-01 | 60     | -          | -          | false   | CONTRIBUTIONS,RETURNS        | -
            partial 10% after exactly 10 years              | 2025-07-01 | PARTIAL_RETIREMENT | 2015-07 | 120    | -          | -          | false   | PARTIAL_PAYOUT               | -
            partial 30% for housing after 10 years          | 2025-08-01 | PARTIAL_HOUSING    | 2015-07 | 120    | -          | -          | false   | PARTIAL_PAYOUT               | -
            partial claim before 10 years of membership     | 2025-06-30 | PARTIAL_HOUSING    | 2015-07 | 119    | -          | -          | false   | -                            | JHT_PARTIAL_MEMBERSHIP_TOO_SHORT
            partial claim only once                         | 2025-08-01 | PARTIAL_RETIREMENT | 2015-07 | 120    | -          | -          | true    | -                            | JHT_PARTIAL_ALREADY_CLAIMED
            """)
    void payoutFollowsItsReason(String rule, String date, JhtReason reason, String start, int months, String birth, String end,
                                boolean claimed, String expectedComponents, String rejection) {
        BenefitQuote q = payout(date, reason, start, months, 3_000_000, birth == null ? null : LocalDate.parse(birth),
                end == null ? null : LocalDate.parse(end), claimed);
        assertThat(q.components()).as(rule).extracting(BenefitComponent::code)
                .containsExactlyElementsOf(expectedComponents == null ? List.of() : List.of(expectedComponents.split(",")));
        assertThat(q.rejections()).as(rule).extracting(Rejection::code)
                .containsExactlyElementsOf(rejection == null ? List.of() : List.of(rejection));
        assertThat(q.eligible()).isEqualTo(rejection == null);
    }

    @Test
    void partialClaimsAreTenOrThirtyPercentOfTheBalance() {
        Rupiah balance = CALCULATOR.jhtBalance(Segment.PU, LocalDate.of(2025, 8, 1), YearMonth.of(2015, 7),
                java.util.Collections.nCopies(120, Rupiah.of(3_000_000))).total();
        BenefitQuote housing = payout("2025-08-01", JhtReason.PARTIAL_HOUSING, "2015-07", 120, 3_000_000, null, null, false);
        BenefitQuote retirement = payout("2025-08-01", JhtReason.PARTIAL_RETIREMENT, "2015-07", 120, 3_000_000, null, null, false);
        assertThat(housing.total()).isEqualTo(id.lindung.shared.Rate.ofPercent("30").applyTo(balance, java.math.RoundingMode.HALF_UP));
        assertThat(retirement.total()).isEqualTo(id.lindung.shared.Rate.ofPercent("10").applyTo(balance, java.math.RoundingMode.HALF_UP));
        // 120 months of 171,000 = 20,520,000 before returns
        assertThat(balance.isGreaterThan(Rupiah.of(20_520_000))).isTrue();
    }

    @Test
    void contributionsAfterThePayoutMonthOrBeforeJhtExistedAreRefused() {
        assertThatThrownBy(() -> payout("2025-07-15", JhtReason.DEATH, "2025-01", 7, 3_000_000, null, null, false))
                .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.code()).isEqualTo("JHT_MONTHS_IMPOSSIBLE"));
        assertThatThrownBy(() -> payout("2025-07-15", JhtReason.DEATH, "2015-06", 12, 3_000_000, null, null, false))
                .isInstanceOfSatisfying(ProgrammeNotYetInForceException.class, e -> assertThat(e.getMessage()).contains("JHT"));
    }

    @Test
    void missingFactsAreInputErrors() {
        assertThatThrownBy(() -> payout("2025-07-15", JhtReason.AGE_56, "2020-01", 12, 3_000_000, null, null, false))
                .isInstanceOf(IllegalArgumentException.class).isNotInstanceOf(RejectedException.class).hasMessageContaining("birthDate");
        assertThatThrownBy(() -> payout("2025-07-15", JhtReason.RESIGNATION, "2020-01", 12, 3_000_000, null, null, false))
                .hasMessageContaining("employmentEnd");
    }
}
