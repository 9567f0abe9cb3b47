package id.lindung.benefit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.regulation.ProgrammeNotYetInForceException;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Programme;
import id.lindung.shared.RejectedException;
import id.lindung.shared.Rejection;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Benefit rules as a table: each row is a worked example of RULES.md section 4 or a dated boundary. */
class BenefitCalculatorTests {

    static final BenefitCalculator CALCULATOR = new BenefitCalculator(RegulationCatalog.loadBundled());

    static BenefitQuote quote(String benefitCase, String date, String segment, String wage, String membershipStart, Integer children,
                              String percent, Integer months, Integer contributionMonths, String averageWage, Integer months24) {
        return CALCULATOR.quote(new BenefitRequest(BenefitCase.valueOf(benefitCase), LocalDate.parse(date),
                segment == null ? null : Segment.valueOf(segment), wage == null ? null : Rupiah.parse(wage),
                membershipStart == null ? null : LocalDate.parse(membershipStart), children == null ? 0 : children,
                percent == null ? null : new BigDecimal(percent), months, contributionMonths,
                averageWage == null ? null : Rupiah.parse(averageWage), months24));
    }

    static Map<String, Long> components(BenefitQuote q) {
        return q.components().stream().collect(Collectors.toMap(BenefitComponent::code,
                c -> c.amount().toBigDecimal().longValueExact(), (a, b) -> a, java.util.TreeMap::new));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            # rule                                              | case                     | date       | seg | wage    | member     | kids | pct | mon | cm  | avg     | m24 | components                                                                              | rejections
            JKM Rp 42 million after PP 82/2019                  | JKM_DEATH                | 2025-05-10 | PU  | 2000000 | -          | -    | -   | -   | -   | -       | -   | FUNERAL=10000000,LUMP_SUM=20000000,PERIODIC=12000000                                    | -
            JKM with two children after 3 years: + Rp 174 M     | JKM_DEATH                | 2025-05-10 | BPU | 1000000 | 2021-01-01 | 2    | -   | -   | -   | -       | -   | FUNERAL=10000000,LUMP_SUM=20000000,PERIODIC=12000000,SCHOLARSHIP_MAX=174000000          | -
            JKM scholarship for one child is Rp 87 M            | JKM_DEATH                | 2025-05-10 | PU  | 2000000 | 2020-01-01 | 1    | -   | -   | -   | -       | -   | FUNERAL=10000000,LUMP_SUM=20000000,PERIODIC=12000000,SCHOLARSHIP_MAX=87000000           | -
            JKM scholarship is limited to two children          | JKM_DEATH                | 2025-05-10 | PU  | 2000000 | 2020-01-01 | 4    | -   | -   | -   | -       | -   | FUNERAL=10000000,LUMP_SUM=20000000,PERIODIC=12000000,SCHOLARSHIP_MAX=174000000          | -
            JKM scholarship exactly at 3 years is allowed       | JKM_DEATH                | 2025-05-10 | PU  | 2000000 | 2022-05-10 | 1    | -   | -   | -   | -       | -   | FUNERAL=10000000,LUMP_SUM=20000000,PERIODIC=12000000,SCHOLARSHIP_MAX=87000000           | -
            JKM scholarship before 3 years is refused alone     | JKM_DEATH                | 2025-05-10 | PU  | 2000000 | 2022-05-11 | 2    | -   | -   | -   | -       | -   | FUNERAL=10000000,LUMP_SUM=20000000,PERIODIC=12000000                                    | SCHOLARSHIP_MEMBERSHIP_TOO_SHORT
            JKM scholarship without a membership start          | JKM_DEATH                | 2025-05-10 | PU  | 2000000 | -          | 1    | -   | -   | -   | -       | -   | FUNERAL=10000000,LUMP_SUM=20000000,PERIODIC=12000000                                    | SCHOLARSHIP_MEMBERSHIP_UNKNOWN
            JKM before PP 82/2019 was Rp 24 million             | JKM_DEATH                | 2019-12-01 | PU  | 2000000 | -          | -    | -   | -   | -   | -       | -   | FUNERAL=3000000,LUMP_SUM=16200000,PERIODIC=4800000                                      | -
            JKM from 2 Dec 2019 is Rp 42 million                | JKM_DEATH                | 2019-12-02 | PU  | 2000000 | -          | -    | -   | -   | -   | -       | -   | FUNERAL=10000000,LUMP_SUM=20000000,PERIODIC=12000000                                    | -
            JKK death 48 x wage + funeral + periodic            | JKK_DEATH                | 2025-05-10 | PU  | 2000000 | -          | -    | -   | -   | -   | -       | -   | DEATH_COMPENSATION=96000000,FUNERAL=10000000,PERIODIC=12000000                          | -
            JKK death of a BPU on Rp 1 M: up to Rp 70 M         | JKK_DEATH                | 2025-05-10 | BPU | 1000000 | -          | -    | -   | -   | -   | -       | -   | DEATH_COMPENSATION=48000000,FUNERAL=10000000,PERIODIC=12000000                          | -
            JKK death of a BPU on Rp 2 M (BPJS example)         | JKK_DEATH                | 2025-05-10 | BPU | 2000000 | -          | -    | -   | -   | -   | -       | -   | DEATH_COMPENSATION=96000000,FUNERAL=10000000,PERIODIC=12000000                          | -
            JKK death not less than the JKM lump sum            | JKK_DEATH                | 2025-05-10 | PU  | 400000  | -          | -    | -   | -   | -   | -       | -   | DEATH_COMPENSATION=20000000,FUNERAL=10000000,PERIODIC=12000000                          | -
            JKK death scholarship needs no minimum membership   | JKK_DEATH                | 2025-05-10 | PU  | 2000000 | 2025-01-01 | 2    | -   | -   | -   | -       | -   | DEATH_COMPENSATION=96000000,FUNERAL=10000000,PERIODIC=12000000,SCHOLARSHIP_MAX=174000000 | -
            Total disability 56 x wage + periodic               | JKK_TOTAL_DISABILITY     | 2025-05-10 | PU  | 2000000 | -          | -    | -   | -   | -   | -       | -   | DISABILITY_COMPENSATION=112000000,PERIODIC=12000000                                     | -
            Total disability with children: scholarship         | JKK_TOTAL_DISABILITY     | 2025-05-10 | PU  | 3000000 | -          | 1    | -   | -   | -   | -       | -   | DISABILITY_COMPENSATION=168000000,PERIODIC=12000000,SCHOLARSHIP_MAX=87000000            | -
            Partial disability 10% x 80 x wage                  | JKK_PARTIAL_DISABILITY   | 2025-05-10 | PU  | 2000000 | -          | -    | 10  | -   | -   | -       | -   | DISABILITY_COMPENSATION=16000000                                                        | -
            Partial disability 2.5% (functional) x 80 x wage    | JKK_PARTIAL_DISABILITY   | 2025-05-10 | PU  | 2333641 | -          | -    | 2.5 | -   | -   | -       | -   | DISABILITY_COMPENSATION=4667282                                                         | -
            Temporary disability 6 months at 100%               | JKK_TEMPORARY_DISABILITY | 2025-05-10 | PU  | 2000000 | -          | -    | -   | 6   | -   | -       | -   | WAGE_REPLACEMENT=12000000                                                               | -
            Temporary disability 12 months at 100%              | JKK_TEMPORARY_DISABILITY | 2025-05-10 | PU  | 2000000 | -          | -    | -   | 12  | -   | -       | -   | WAGE_REPLACEMENT=24000000                                                               | -
            Temporary disability 15 months: 12 full + 3 at 50%  | JKK_TEMPORARY_DISABILITY | 2025-05-10 | PU  | 2000000 | -          | -    | -   | 15  | -   | -       | -   | WAGE_REPLACEMENT=27000000                                                               | -
            JP 240 months on 6 M: 1% x 20 x 6 M                 | JP_OLD_AGE               | 2035-07-15 | -   | -       | -          | -    | -   | -   | 240 | 6000000 | -   | MONTHLY_PENSION=1200000                                                                 | -
            JP exactly 180 months is a monthly pension          | JP_OLD_AGE               | 2030-07-01 | PU  | -       | -          | -    | -   | -   | 180 | 4000000 | -   | MONTHLY_PENSION=600000                                                                  | -
            JP below the floor is raised to it (2030)           | JP_OLD_AGE               | 2030-07-01 | PU  | -       | -          | -    | -   | -   | 180 | 2000000 | -   | MONTHLY_PENSION=399700                                                                  | -
            JP above the ceiling is cut to it (2049)            | JP_OLD_AGE               | 2049-01-01 | PU  | -       | -          | -    | -   | -   | 400 | 20000000| -   | MONTHLY_PENSION=4792300                                                                 | -
            JP for BPU is refused                               | JP_OLD_AGE               | 2025-06-01 | BPU | -       | -          | -    | -   | -   | 240 | 6000000 | -   | -                                                                                       | BPU_JP_NOT_AVAILABLE
            JKP after PP 6/2025: 60% of capped wage x 6         | JKP                      | 2025-06-01 | PU  | 8000000 | -          | -    | -   | -   | -   | -       | 18  | WAGE_REPLACEMENT=18000000                                                               | -
            JKP on 7 Feb 2025 follows PP 6/2025                 | JKP                      | 2025-02-07 | PU  | 5000000 | -          | -    | -   | -   | -   | -       | 12  | WAGE_REPLACEMENT=18000000                                                               | -
            JKP on 6 Feb 2025 follows PP 37/2021: 45% x3 25% x3 | JKP                      | 2025-02-06 | PU  | 5000000 | -          | -    | -   | -   | -   | -       | 12  | WAGE_REPLACEMENT=10500000                                                               | -
            JKP below the cap uses the wage                     | JKP                      | 2025-06-01 | PU  | 3000000 | -          | -    | -   | -   | -   | -       | 24  | WAGE_REPLACEMENT=10800000                                                               | -
            JKP needs 12 contribution months in the last 24     | JKP                      | 2025-06-01 | PU  | 8000000 | -          | -    | -   | -   | -   | -       | 11  | -                                                                                       | JKP_CONTRIBUTION_MONTHS_BELOW_MINIMUM
            JKP for BPU is refused                              | JKP                      | 2025-06-01 | BPU | 8000000 | -          | -    | -   | -   | -   | -       | 18  | -                                                                                       | BPU_JKP_NOT_AVAILABLE
            JKK before PP 82/2019: 56 x wage + Rp 4.8 M         | JKK_TOTAL_DISABILITY     | 2019-06-01 | PU  | 2000000 | -          | -    | -   | -   | -   | -       | -   | DISABILITY_COMPENSATION=112000000,PERIODIC=4800000                                      | -
            """)
    void benefitFollowsTheRuleInForce(String rule, String benefitCase, String date, String segment, String wage, String member,
                                      Integer kids, String percent, Integer months, Integer contributionMonths, String average,
                                      Integer months24, String expectedComponents, String expectedRejections) {
        BenefitQuote q = quote(benefitCase, date, segment, wage, member, kids, percent, months, contributionMonths, average, months24);
        Map<String, Long> expected = new java.util.TreeMap<>();
        if (expectedComponents != null) {
            for (String pair : expectedComponents.split(",")) {
                String[] kv = pair.split("=");
                expected.put(kv[0].strip(), Long.parseLong(kv[1].strip()));
            }
        }
        assertThat(components(q)).as(rule).isEqualTo(expected);
        assertThat(q.rejections()).as(rule).extracting(Rejection::code)
                .containsExactlyElementsOf(expectedRejections == null ? java.util.List.of() : java.util.List.of(expectedRejections.split(",")));
        assertThat(q.eligible()).as(rule + " eligible").isEqualTo(!expected.isEmpty());
        // the scholarship is a ceiling paid over the years of schooling, not cash at the claim
        assertThat(q.total()).as(rule + " total").isEqualTo(Rupiah.of(expected.entrySet().stream()
                .filter(e -> !e.getKey().equals("SCHOLARSHIP_MAX")).mapToLong(Map.Entry::getValue).sum()));
        assertThat(q.components()).allSatisfy(c -> assertThat(c.references()).isNotEmpty());
    }

    /**
     * PP 82/2019 applies to incidents from 2 December 2019; on 1 December 2019 PP 44/2015 still gives its own
     * amounts (RULES.md 4.1, 4.2): both sides of the boundary for every JKM and JKK value.
     */
    @ParameterizedTest(name = "[{index}] {0} on {2}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            # rule                                       | case                   | date       | wage    | member     | kids | pct | components
            JKM Rp 24 M under PP 44/2015                 | JKM_DEATH              | 2019-12-01 | 2000000 | -          | -    | -   | FUNERAL=3000000,LUMP_SUM=16200000,PERIODIC=4800000
            JKM Rp 42 M under PP 82/2019                 | JKM_DEATH              | 2019-12-02 | 2000000 | -          | -    | -   | FUNERAL=10000000,LUMP_SUM=20000000,PERIODIC=12000000
            JKM scholarship Rp 12 M for one child        | JKM_DEATH              | 2019-12-01 | 2000000 | 2012-01-01 | 2    | -   | FUNERAL=3000000,LUMP_SUM=16200000,PERIODIC=4800000,SCHOLARSHIP_MAX=12000000
            JKM scholarship table for two children       | JKM_DEATH              | 2019-12-02 | 2000000 | 2012-01-01 | 2    | -   | FUNERAL=10000000,LUMP_SUM=20000000,PERIODIC=12000000,SCHOLARSHIP_MAX=174000000
            JKK death 48 x wage, funeral 3 M, 4.8 M      | JKK_DEATH              | 2019-12-01 | 2000000 | -          | 1    | -   | DEATH_COMPENSATION=96000000,FUNERAL=3000000,PERIODIC=4800000,SCHOLARSHIP_MAX=12000000
            JKK death 48 x wage, funeral 10 M, 12 M      | JKK_DEATH              | 2019-12-02 | 2000000 | -          | 1    | -   | DEATH_COMPENSATION=96000000,FUNERAL=10000000,PERIODIC=12000000,SCHOLARSHIP_MAX=87000000
            JKK death not below the JKM lump sum 16.2 M  | JKK_DEATH              | 2019-12-01 | 300000  | -          | -    | -   | DEATH_COMPENSATION=16200000,FUNERAL=3000000,PERIODIC=4800000
            JKK death not below the JKM lump sum 20 M    | JKK_DEATH              | 2019-12-02 | 300000  | -          | -    | -   | DEATH_COMPENSATION=20000000,FUNERAL=10000000,PERIODIC=12000000
            JKK total disability 56 x wage, 4.8 M        | JKK_TOTAL_DISABILITY   | 2019-12-01 | 2000000 | -          | 3    | -   | DISABILITY_COMPENSATION=112000000,PERIODIC=4800000,SCHOLARSHIP_MAX=12000000
            JKK total disability 56 x wage, 12 M         | JKK_TOTAL_DISABILITY   | 2019-12-02 | 2000000 | -          | 3    | -   | DISABILITY_COMPENSATION=112000000,PERIODIC=12000000,SCHOLARSHIP_MAX=174000000
            JKK partial disability % x 80 x wage (2015)  | JKK_PARTIAL_DISABILITY | 2019-12-01 | 2000000 | -          | -    | 10  | DISABILITY_COMPENSATION=16000000
            JKK partial disability % x 80 x wage (2019)  | JKK_PARTIAL_DISABILITY | 2019-12-02 | 2000000 | -          | -    | 10  | DISABILITY_COMPENSATION=16000000
            JKK under PP 44/2015 from its first day      | JKK_DEATH              | 2015-07-01 | 2000000 | -          | -    | -   | DEATH_COMPENSATION=96000000,FUNERAL=3000000,PERIODIC=4800000
            """)
    void deathAndAccidentBenefitsChangeOnTwoDecember2019(String rule, String benefitCase, String date, String wage, String member,
                                                          Integer kids, String percent, String expectedComponents) {
        BenefitQuote q = quote(benefitCase, date, "PU", wage, member, kids, percent, null, null, null, null);
        Map<String, Long> expected = new java.util.TreeMap<>();
        for (String pair : expectedComponents.split(",")) {
            String[] kv = pair.split("=");
            expected.put(kv[0].strip(), Long.parseLong(kv[1].strip()));
        }
        assertThat(q.rejections()).as(rule).isEmpty();
        assertThat(components(q)).as(rule).isEqualTo(expected);
        String regulation = LocalDate.parse(date).isBefore(LocalDate.of(2019, 12, 2)) ? "PP 44/2015" : "PP 82/2019";
        assertThat(q.components()).as(rule + " cites " + regulation).allSatisfy(c ->
                assertThat(c.references()).anySatisfy(r -> assertThat(r.regulation()).contains(regulation)));
    }

    /**
     * The JP floor and ceiling change on 1 March with the wage cap (RULES.md 4.5): 28 February keeps last year's
     * figures. Years without a published figure are derived by inflation or carried forward, flagged unverified.
     */
    @ParameterizedTest(name = "JP limits on {0}: {1} to {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # date     | min    | max     | min verified | max verified
            2015-07-01 | 300000 | 3600000 | true         | true
            2016-02-28 | 300000 | 3600000 | true         | true
            2016-03-01 | 310050 | 3720600 | false        | false
            2017-02-28 | 310050 | 3720600 | false        | false
            2017-03-01 | 319450 | 3833000 | true         | true
            2018-02-28 | 319450 | 3833000 | true         | true
            2018-03-01 | 331000 | 3971400 | false        | false
            2019-02-28 | 331000 | 3971400 | false        | false
            2019-03-01 | 341400 | 4095750 | true         | true
            2020-02-28 | 341400 | 4095750 | true         | true
            2020-03-01 | 350700 | 4207200 | true         | true
            2021-02-28 | 350700 | 4207200 | true         | true
            2021-03-01 | 356600 | 4277900 | false        | false
            2022-02-28 | 356600 | 4277900 | false        | false
            2022-03-01 | 363300 | 4357900 | true         | true
            2023-02-28 | 363300 | 4357900 | true         | true
            2023-03-01 | 383400 | 4598100 | true         | true
            2024-02-28 | 383400 | 4598100 | true         | true
            2024-03-01 | 393500 | 4718200 | true         | false
            2025-02-28 | 393500 | 4718200 | true         | false
            2025-03-01 | 399700 | 4792300 | true         | true
            2026-02-28 | 399700 | 4792300 | true         | true
            2026-03-01 | 399700 | 4792300 | false        | false
            """)
    void jpFloorAndCeilingChangeOnTheFirstOfMarch(String date, long min, long max, boolean minVerified, boolean maxVerified) {
        BenefitCalculator.PensionLimits limits = CALCULATOR.pensionLimits(LocalDate.parse(date));
        assertThat(limits.min()).isEqualTo(Rupiah.of(min));
        assertThat(limits.max()).isEqualTo(Rupiah.of(max));
        assertThat(limits.references().get(0).verified()).as("min verified").isEqualTo(minVerified);
        assertThat(limits.references().get(1).verified()).as("max verified").isEqualTo(maxVerified);
    }

    /** Issue 12 item 12: a membership that starts after the incident pays nothing, in every case, with its own code. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"JKM_DEATH,BPU,1000000,2", "JKK_DEATH,PU,2000000,0", "JKK_TOTAL_DISABILITY,PU,2000000,1"})
    void aMembershipThatStartsAfterTheIncidentIsNotEligible(String benefitCase, String segment, String wage, int children) {
        BenefitQuote q = quote(benefitCase, "2025-05-10", segment, wage, "2025-05-11", children, null, null, null, null, null);
        assertThat(q.eligible()).isFalse();
        assertThat(q.components()).isEmpty();
        assertThat(q.total()).isEqualTo(Rupiah.ZERO);
        assertThat(q.rejections()).extracting(Rejection::code).containsExactly("MEMBERSHIP_STARTS_AFTER_INCIDENT");
        // starting on the day of the incident is membership on that day
        assertThat(quote(benefitCase, "2025-05-10", segment, wage, "2025-05-10", 0, null, null, null, null, null).eligible()).isTrue();
    }

    @Test
    void aMonthlyPensionIsHeldBetweenTheFloorAndCeilingInForceOnItsDate() {
        // July 2031: up to 192 months are possible (July 2015 to June 2031); 180 months on an average of Rp 1 M give
        // 1% x 15 x 1 M = 150,000, raised to the floor; 192 months on Rp 40 M give 6,400,000, cut to the ceiling
        // (2026 figures, carried forward)
        assertThat(components(quote("JP_OLD_AGE", "2031-07-01", "PU", null, null, null, null, null, 180, "1000000", null)))
                .containsEntry("MONTHLY_PENSION", 399_700L);
        assertThat(components(quote("JP_OLD_AGE", "2031-07-01", "PU", null, null, null, null, null, 192, "40000000", null)))
                .containsEntry("MONTHLY_PENSION", 4_792_300L);
    }

    /** Inputs that cannot be true are refused as a whole with their own code (CLI exit 2, API 422). */
    @ParameterizedTest(name = "[{index}] {0}: {11}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            # rule                                                   | case       | date       | wage    | cm  | avg     | m24 | consecutive | code
            JP: 120 months by June 2025 (only 119 since July 2015)   | JP_OLD_AGE | 2025-06-01 | -       | 120 | 6000000 | -   | -           | JP_MONTHS_IMPOSSIBLE
            JP: 240 months in January 2026 (the old README example) | JP_OLD_AGE | 2026-01-15 | -       | 240 | 6000000 | -   | -           | JP_MONTHS_IMPOSSIBLE
            JP: 180 months in June 2030, a month too early           | JP_OLD_AGE | 2030-06-30 | -       | 180 | 6000000 | -   | -           | JP_MONTHS_IMPOSSIBLE
            JP: a date before JP existed names the programme         | JP_OLD_AGE | 2015-06-30 | -       | 0   | 6000000 | -   | -           | PROGRAMME_NOT_YET_IN_FORCE
            JKP: job loss before PP 37/2021                          | JKP        | 2020-06-01 | 8000000 | -   | -       | 18  | -           | PROGRAMME_NOT_YET_IN_FORCE
            JKP: job loss on 1 February 2021                         | JKP        | 2021-02-01 | 8000000 | -   | -       | 18  | -           | PROGRAMME_NOT_YET_IN_FORCE
            JKP: 25 contribution months in the last 24               | JKP        | 2025-06-01 | 8000000 | -   | -       | 25  | -           | JKP_MONTHS_IN_WINDOW_IMPOSSIBLE
            JKP: more consecutive months than contribution months    | JKP        | 2025-06-01 | 8000000 | -   | -       | 12  | 13          | JKP_CONSECUTIVE_MONTHS_IMPOSSIBLE
            JKK: an accident before BPJS Ketenagakerjaan ran JKK     | JKK_DEATH  | 2015-06-30 | 2000000 | -   | -       | -   | -           | PROGRAMME_NOT_YET_IN_FORCE
            """)
    void impossibleInputsAreRefusedWithTheirOwnCode(String rule, String benefitCase, String date, String wage, Integer months,
                                                    String average, Integer months24, Integer consecutive, String code) {
        BenefitRequest request = new BenefitRequest(BenefitCase.valueOf(benefitCase), LocalDate.parse(date), Segment.PU,
                wage == null ? null : Rupiah.parse(wage), null, 0, null, null, months,
                average == null ? null : Rupiah.parse(average), months24, consecutive, null);
        assertThatThrownBy(() -> CALCULATOR.quote(request)).as(rule).isInstanceOf(RejectedException.class)
                .satisfies(e -> assertThat(((RejectedException) e).code()).isEqualTo(code));
    }

    @Test
    void aDateBeforeAProgrammeExistedNamesTheProgrammeNotAParameter() {
        assertThatThrownBy(() -> quote("JKP", "2020-06-01", "PU", "8000000", null, null, null, null, null, null, 18))
                .isInstanceOfSatisfying(ProgrammeNotYetInForceException.class, e -> {
                    assertThat(e.programme()).isEqualTo(Programme.JKP);
                    assertThat(e.inForceFrom()).isEqualTo(LocalDate.of(2021, 2, 2));
                    assertThat(e.getMessage()).contains("JKP").doesNotContain("jkp.");
                });
    }

    @ParameterizedTest(name = "JKP with {0} months, longest run {1}: {2}")
    @CsvSource(nullValues = "-", textBlock = """
            12, 6, 18000000
            12, 5, JKP_CONSECUTIVE_MONTHS_BELOW_MINIMUM
            24, 24, 18000000
            11, 11, JKP_CONTRIBUTION_MONTHS_BELOW_MINIMUM
            18, -, 18000000
            """)
    void jkpNeedsTwelveMonthsInTheLast24WithSixConsecutive(int months24, Integer consecutive, String outcome) {
        BenefitQuote q = CALCULATOR.quote(BenefitRequest.jobLoss(LocalDate.of(2025, 6, 1), Rupiah.of(8_000_000), months24)
                .withConsecutiveMonths(consecutive));
        if (outcome.startsWith("JKP_")) {
            assertThat(q.eligible()).isFalse();
            assertThat(q.rejections()).extracting(Rejection::code).containsExactly(outcome);
        } else {
            assertThat(q.total()).isEqualTo(Rupiah.parse(outcome));
        }
    }

    @Test
    void scholarshipTableSumsToEightySevenMillionPerChild() {
        // 8 × 1.5 M + 3 × 2 M + 3 × 3 M + 5 × 12 M = 12 + 6 + 9 + 60 = 87 M
        var q = quote("JKK_DEATH", "2025-05-10", "PU", "2000000", null, 1, null, null, null, null, null);
        assertThat(components(q)).containsEntry("SCHOLARSHIP_MAX", 87_000_000L);
    }

    @Test
    void unverifiedFiguresAreMarkedInTheReferences() {
        // the 2026 ceiling is the 2025 figure carried forward, flagged unverified (a pension with 180 months starts from July 2030)
        var q = quote("JP_OLD_AGE", "2031-01-15", "PU", null, null, null, null, null, 180, "6000000", null);
        assertThat(q.components().get(0).references()).anySatisfy(r -> {
            assertThat(r.parameter()).isEqualTo("jp.benefit.max");
            assertThat(r.verified()).isFalse();
        });
    }

    @Test
    void jpOldAgeBelowTheMonthsOfAMonthlyPensionWithoutTheMonthsPaidInNamesTheMissingFactNotTheOldRefusal() {
        for (String[] c : new String[][] {{"2030-07-01", "179"}, {"2025-06-01", "119"}}) {
            assertThatThrownBy(() -> quote("JP_OLD_AGE", c[0], "PU", null, null, null, null, null, Integer.valueOf(c[1]), "6000000", null))
                    .isInstanceOfSatisfying(MissingFactException.class, e -> {
                        assertThat(e.code()).isEqualTo("JP_CONTRIBUTION_START_REQUIRED");
                        assertThat(e.field()).isEqualTo("contributionStart");
                    })
                    .hasMessageContaining("lump sum").hasMessageNotContaining("PENSION_MONTHS_BELOW_MINIMUM");
        }
    }

    @Test
    void missingFactsAreInputErrorsNotRejections() {
        assertThatThrownBy(() -> quote("JKK_DEATH", "2025-05-10", "PU", null, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wage");
        assertThatThrownBy(() -> quote("JKK_PARTIAL_DISABILITY", "2025-05-10", "PU", "2000000", null, null, null, null, null, null, null))
                .hasMessageContaining("percent");
        assertThatThrownBy(() -> quote("JP_OLD_AGE", "2025-05-10", "PU", null, null, null, null, null, null, null, null))
                .hasMessageContaining("contributionMonths");
        assertThatThrownBy(() -> quote("JKK_PARTIAL_DISABILITY", "2025-05-10", "PU", "2000000", null, null, "150", null, null, null, null))
                .isInstanceOfSatisfying(MissingFactException.class, e -> assertThat(e.code()).isEqualTo("OUT_OF_RANGE"))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> quote("JKK_PARTIAL_DISABILITY", "2025-05-10", "PU", "2000000", null, null, null, null, null, null, null))
                .isInstanceOfSatisfying(MissingFactException.class, e -> assertThat(e.code()).isEqualTo("REQUIRED"));
    }
}
