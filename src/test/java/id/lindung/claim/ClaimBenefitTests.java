package id.lindung.claim;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.benefit.BenefitCalculator;
import id.lindung.benefit.JhtReason;
import id.lindung.benefit.PensionFacts;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every case type against amounts computed by hand from RULES.md 4.1-4.6, with the bundled regulation data: the PP 82/2019
 * boundary (deaths up to 1 December 2019 under PP 44/2015, from 2 December 2019 under PP 82/2019), PU wages and BPU
 * declared incomes, and the limits (JKM lump sum as the JKK death floor, transport ceilings, the JKP wage cap).
 */
class ClaimBenefitTests {

    private static final RegulationCatalog CATALOG = RegulationCatalog.loadBundled();
    private static final ClaimBenefit BENEFIT = new ClaimBenefit(new BenefitCalculator(CATALOG), CATALOG);
    private static final LocalDate MEMBER_SINCE = LocalDate.of(2016, 1, 1);

    private static ClaimRequests.Open request(ClaimType type, LocalDate date, BigDecimal percent, Integer months,
                                              ClaimRequests.Facts facts, ClaimRequests.ClaimedCosts costs) {
        return new ClaimRequests.Open("6402051708850001", type, date, date, facts, List.of(), List.of(), costs, percent, months, false);
    }

    private static ClaimBenefit.Result compute(ClaimType type, String date, Segment segment, long wage, BigDecimal percent,
                                               Integer months, ClaimRequests.Facts facts, ClaimRequests.ClaimedCosts costs) {
        LocalDate d = LocalDate.parse(date);
        return BENEFIT.compute(new ClaimBenefit.Input(type, d, segment, Rupiah.of(wage), MEMBER_SINCE, 0,
                request(type, d, percent, months, facts, costs), List.of(), LocalDate.of(1970, 1, 1), false, List.of()));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // 4.1 JKM, PP 82/2019: 20M + 12M + 10M; the wage does not matter
                Arguments.of("JKM death after PP 82/2019", ClaimType.JKM_DEATH, "2019-12-02", Segment.PU, 2_000_000L, null, null,
                        "LUMP_SUM=20000000 PERIODIC=12000000 FUNERAL=10000000", 42_000_000L),
                // 4.1 before PP 82/2019: 16.2M + 4.8M (24 x 200,000) + 3M = 24M
                Arguments.of("JKM death the day before PP 82/2019", ClaimType.JKM_DEATH, "2019-12-01", Segment.PU, 2_000_000L, null, null,
                        "LUMP_SUM=16200000 PERIODIC=4800000 FUNERAL=3000000", 24_000_000L),
                Arguments.of("JKM death of a BPU", ClaimType.JKM_DEATH, "2025-05-10", Segment.BPU, 1_000_000L, null, null,
                        "LUMP_SUM=20000000 PERIODIC=12000000 FUNERAL=10000000", 42_000_000L),
                // 4.2 JKK death: 60% x 80 x wage = 48 x wage, + 10M funeral + 12M periodic
                Arguments.of("JKK death of a PU wage 3M", ClaimType.JKK_DEATH, "2025-05-10", Segment.PU, 3_000_000L, null, null,
                        "DEATH_COMPENSATION=144000000 FUNERAL=10000000 PERIODIC=12000000", 166_000_000L),
                // 2.4: a BPU's declared income in place of the wage; Rp 1M: 48M + 10M + 12M = the published "up to 70M"
                Arguments.of("JKK death of a BPU declaring 1M", ClaimType.JKK_DEATH, "2025-05-10", Segment.BPU, 1_000_000L, null, null,
                        "DEATH_COMPENSATION=48000000 FUNERAL=10000000 PERIODIC=12000000", 70_000_000L),
                Arguments.of("JKK death of a BPU declaring 2M (48 x 2M)", ClaimType.JKK_DEATH, "2025-05-10", Segment.BPU, 2_000_000L,
                        null, null, "DEATH_COMPENSATION=96000000 FUNERAL=10000000 PERIODIC=12000000", 118_000_000L),
                // 48 x 400,000 = 19.2M is below the JKM lump sum: 20M
                Arguments.of("JKK death floor is the JKM lump sum", ClaimType.JKK_DEATH, "2025-05-10", Segment.PU, 400_000L, null, null,
                        "DEATH_COMPENSATION=20000000 FUNERAL=10000000 PERIODIC=12000000", 42_000_000L),
                // before PP 82/2019: 48 x wage, funeral 3M, periodic 4.8M
                Arguments.of("JKK death the day before PP 82/2019", ClaimType.JKK_DEATH, "2019-12-01", Segment.PU, 3_000_000L, null, null,
                        "DEATH_COMPENSATION=144000000 FUNERAL=3000000 PERIODIC=4800000", 151_800_000L),
                // total disability 70% x 80 = 56 x wage + 12M periodic
                Arguments.of("JKK total disability", ClaimType.JKK_TOTAL_DISABILITY, "2025-05-10", Segment.PU, 2_500_000L, null, null,
                        "DISABILITY_COMPENSATION=140000000 PERIODIC=12000000", 152_000_000L),
                Arguments.of("JKK total disability of a BPU declaring 1.5M", ClaimType.JKK_TOTAL_DISABILITY, "2025-05-10", Segment.BPU,
                        1_500_000L, null, null, "DISABILITY_COMPENSATION=84000000 PERIODIC=12000000", 96_000_000L),
                Arguments.of("JKK total disability before PP 82/2019", ClaimType.JKK_TOTAL_DISABILITY, "2019-06-01", Segment.PU,
                        2_500_000L, null, null, "DISABILITY_COMPENSATION=140000000 PERIODIC=4800000", 144_800_000L),
                // partial: 10% x 80 x 2M
                Arguments.of("JKK partial disability 10%", ClaimType.JKK_PARTIAL_DISABILITY, "2025-05-10", Segment.PU, 2_000_000L,
                        new BigDecimal("10"), null, "DISABILITY_COMPENSATION=16000000", 16_000_000L),
                // STMB: 12 months at 100%, then 50%: 12 x 2M + 2 x 1M
                Arguments.of("JKK temporary disability 14 months", ClaimType.JKK_TEMPORARY_DISABILITY, "2025-05-10", Segment.PU,
                        2_000_000L, null, 14, "WAGE_REPLACEMENT=26000000", 26_000_000L),
                Arguments.of("JKK temporary disability of a BPU declaring 1M, 3 months", ClaimType.JKK_TEMPORARY_DISABILITY, "2025-05-10",
                        Segment.BPU, 1_000_000L, null, 3, "WAGE_REPLACEMENT=3000000", 3_000_000L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theStoredComponentsAreTheHandComputedAmounts(String name, ClaimType type, String date, Segment segment, long wage,
                                                      BigDecimal percent, Integer months, String components, long total) {
        ClaimBenefit.Result r = compute(type, date, segment, wage, percent, months, null, null);
        assertThat(r.decisions()).isEmpty();
        assertThat(r.components().stream().map(c -> c.code() + "=" + rp(c.amount())).collect(Collectors.joining(" "))).isEqualTo(components);
        assertThat(r.total()).isEqualTo(Rupiah.of(total));
        assertThat(r.components()).allSatisfy(c -> assertThat(c.references()).isNotEmpty());
    }

    @Test
    void medicalCostsArePaidAsClaimedAndTransportUpToItsModesCeiling() {
        // care as claimed (no cap); land transport 6M over the 5M ceiling
        ClaimBenefit.Result land = compute(ClaimType.JKK_MEDICAL, "2025-05-10", Segment.PU, 2_000_000L, null, null, null,
                new ClaimRequests.ClaimedCosts(new BigDecimal("7500000"), new BigDecimal("6000000")));
        assertThat(land.components().stream().map(c -> c.code() + "=" + rp(c.amount())).toList())
                .containsExactly("MEDICAL_CARE=7500000", "TRANSPORT=5000000");
        assertThat(land.total()).isEqualTo(Rupiah.of(12_500_000));
        // both cite their rule: care as medically needed (it had no reference), transport's ceiling
        assertThat(land.components()).allSatisfy(c -> assertThat(c.references()).isNotEmpty());
        assertThat(land.components().get(0).references().get(0).regulation()).contains("PP 82/2019");
        // sea: 2M ceiling; air 10M
        ClaimRequests.Facts sea = new ClaimRequests.Facts(null, null, null, null, null, null, null, null, null,
                ClaimRequests.TransportMode.SEA);
        assertThat(compute(ClaimType.JKK_MEDICAL, "2025-05-10", Segment.BPU, 1_000_000L, null, null, sea,
                new ClaimRequests.ClaimedCosts(null, new BigDecimal("3000000"))).total()).isEqualTo(Rupiah.of(2_000_000));
        ClaimRequests.Facts air = new ClaimRequests.Facts(null, null, null, null, null, null, null, null, null,
                ClaimRequests.TransportMode.AIR);
        assertThat(compute(ClaimType.JKK_MEDICAL, "2025-05-10", Segment.PU, 1_000_000L, null, null, air,
                new ClaimRequests.ClaimedCosts(null, new BigDecimal("9500000"))).total()).isEqualTo(Rupiah.of(9_500_000));
    }

    @Test
    void jobLossPaysByTheRegulationInForceOnTheDateWithinTheWageCap() {
        ClaimRequests.Facts months = new ClaimRequests.Facts(null, null, null, 12, 6, null, null, null, null, null);
        // PP 37/2021: 45% x 4M x 3 + 25% x 4M x 3 = 5.4M + 3M
        assertThat(compute(ClaimType.JKP, "2024-06-01", Segment.PU, 4_000_000L, null, null, months, null).total())
                .isEqualTo(Rupiah.of(8_400_000));
        // PP 6/2025: 60% for 6 months: 2.4M x 6; a 6M wage is capped at 5M: 3M x 6
        assertThat(compute(ClaimType.JKP, "2025-06-01", Segment.PU, 4_000_000L, null, null, months, null).total())
                .isEqualTo(Rupiah.of(14_400_000));
        assertThat(compute(ClaimType.JKP, "2025-06-01", Segment.PU, 6_000_000L, null, null, months, null).total())
                .isEqualTo(Rupiah.of(18_000_000));
        // 11 months in the window: refused by the calculator's code, nothing payable
        ClaimRequests.Facts few = new ClaimRequests.Facts(null, null, null, 11, 6, null, null, null, null, null);
        ClaimBenefit.Result refused = compute(ClaimType.JKP, "2025-06-01", Segment.PU, 4_000_000L, null, null, few, null);
        assertThat(refused.decisions()).extracting(ClaimCase.Decision::code).containsExactly("JKP_CONTRIBUTION_MONTHS_BELOW_MINIMUM");
        assertThat(refused.decisions()).allMatch(d -> d.effect() == ClaimCase.Effect.REFUSES_CASE);
    }

    @Test
    void anOldAgePensionIsOnePercentPerYearOfTheAverageWage() {
        // 1% x 180/12 x 6M = 900,000 a month (between the floor and the ceiling)
        ClaimRequests.Facts facts = new ClaimRequests.Facts(null, 180, new BigDecimal("6000000"), null, null, null, null, null, null, null);
        ClaimBenefit.Result r = compute(ClaimType.JP_OLD_AGE, "2031-01-15", Segment.PU, 6_000_000L, null, null, facts, null);
        assertThat(r.components()).extracting(c -> c.code() + "=" + rp(c.amount())).containsExactly("MONTHLY_PENSION=900000");
    }

    @Test
    void aJhtBalanceFromTheTermsIsTheContributionsAsBilledPlusTheirReturns() {
        // twelve months of 2M under PU: 5.7% (3.7% employer + 2% worker) = 114,000 a month
        List<ContributionHistory.Month> history = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2024, 1); m.isBefore(YearMonth.of(2025, 1)); m = m.plusMonths(1)) {
            history.add(new ContributionHistory.Month(m, Rupiah.of(2_000_000)));
        }
        ClaimRequests.Facts facts = new ClaimRequests.Facts(null, null, null, null, null, JhtReason.RESIGNATION,
                LocalDate.of(2024, 12, 31), null, null, null);
        LocalDate date = LocalDate.of(2025, 3, 1);
        ClaimBenefit.Result r = BENEFIT.compute(new ClaimBenefit.Input(ClaimType.JHT, date, Segment.PU, Rupiah.of(2_000_000),
                LocalDate.of(2024, 1, 1), 0, request(ClaimType.JHT, date, null, null, facts, null), history, LocalDate.of(1980, 1, 1), false, List.of()));
        Map<String, Rupiah> byCode = new LinkedHashMap<>();
        r.components().forEach(c -> byCode.put(c.code(), c.amount()));
        assertThat(byCode.get("CONTRIBUTIONS")).isEqualTo(Rupiah.of(1_368_000));
        assertThat(byCode.get("RETURNS")).isGreaterThan(Rupiah.ZERO).isLessThan(Rupiah.of(150_000));
        assertThat(r.total()).isEqualTo(byCode.get("CONTRIBUTIONS").plus(byCode.get("RETURNS")));
    }

    /** A JP old-age case of a worker born {@code born}, with the JP terms' months and what billing settled of them. */
    private static ClaimBenefit.Result oldAge(String date, String born, ClaimRequests.Facts facts, List<ContributionHistory.Month> history,
                                              List<PensionFacts.Paid> paid) {
        LocalDate d = LocalDate.parse(date);
        return BENEFIT.compute(new ClaimBenefit.Input(ClaimType.JP_OLD_AGE, d, Segment.PU, Rupiah.of(3_000_000), MEMBER_SINCE, 0,
                request(ClaimType.JP_OLD_AGE, d, null, null, facts, null), history, LocalDate.parse(born), false, paid));
    }

    private static List<ContributionHistory.Month> months(YearMonth from, int count, long wage) {
        List<ContributionHistory.Month> months = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            months.add(new ContributionHistory.Month(from.plusMonths(i), Rupiah.of(wage)));
        }
        return months;
    }

    @Test
    void belowOneHundredEightyMonthsTheOldAgePensionIsALumpSumOfThePaidJpContributionsPlusReturns() {
        // RULES.md 4.5: born 1966-03-20, pension age 59 reached on 2025-03-20; 5 months of JP terms (fewer than 180),
        // of which billing settled three, both shares: 3% x 3M = 90,000 a month. The returns rate is unverified, 0%.
        List<PensionFacts.Paid> paid = List.of(new PensionFacts.Paid(YearMonth.of(2026, 7), Rupiah.of(90_000)),
                new PensionFacts.Paid(YearMonth.of(2026, 8), Rupiah.of(90_000)), new PensionFacts.Paid(YearMonth.of(2026, 9), Rupiah.of(90_000)));
        ClaimBenefit.Result r = oldAge("2026-12-01", "1966-03-20", ClaimRequests.Facts.NONE, months(YearMonth.of(2026, 7), 5, 3_000_000), paid);
        assertThat(r.decisions()).isEmpty();
        assertThat(r.components()).extracting(c -> c.code() + "=" + rp(c.amount())).containsExactly("JP_CONTRIBUTIONS=270000", "JP_RETURNS=0");
        assertThat(r.total()).isEqualTo(Rupiah.of(270_000));
        ClaimCase.Component returns = r.components().get(1);
        assertThat(returns.unverified()).isTrue();
        assertThat(returns.references()).filteredOn(ref -> "jp.returnRate".equals(ref.parameter())).singleElement()
                .satisfies(ref -> {
                    assertThat(ref.verified()).isFalse();
                    assertThat(ref.note()).contains("hasil pengembangan belum diverifikasi").contains("0%");
                });
    }

    @Test
    void aLumpSumFromGivenFactsPaysBackEachMonthsJpContributionInFull() {
        // facts: 120 months from January 2016 at 4M: 3% x 4M = 120,000 a month, the PP 49/2020 relief months (JP deferred,
        // not waived) in full too: 14,400,000
        ClaimRequests.Facts facts = new ClaimRequests.Facts(null, 120, new BigDecimal("4000000"), null, null, null, null,
                YearMonth.of(2016, 1), null, null);
        ClaimBenefit.Result r = oldAge("2026-12-01", "1966-03-20", facts, List.of(), List.of());
        assertThat(r.components()).extracting(c -> c.code() + "=" + rp(c.amount())).containsExactly("JP_CONTRIBUTIONS=14400000", "JP_RETURNS=0");
    }

    @Test
    void theBenefitQuoteOfAnOldAgeLumpSumIsTheClaimsFromTheSameFacts() {
        // one calculation: the quote (/simulasi, the API, the CLI) of 120 months at 10M before December 2026, its first
        // month by default the months just before, pays what a claim with those facts from December 2016 pays, each
        // month under its own JP wage cap, with the same references (the unverified returns rate among them)
        ClaimRequests.Facts facts = new ClaimRequests.Facts(null, 120, new BigDecimal("10000000"), null, null, null, null,
                YearMonth.of(2016, 12), null, null);
        ClaimBenefit.Result claim = oldAge("2026-12-01", "1966-03-20", facts, List.of(), List.of());
        id.lindung.quote.QuoteDocuments.Benefit quote = id.lindung.quote.Quotes.of(CATALOG).benefit(new id.lindung.quote.BenefitQuoteInput(
                "JP_OLD_AGE", "2026-12-01", null, null, null, null, null, null, 120, new BigDecimal("10000000"), null, null, null,
                "1966-03-20", null, null, null, null));
        assertThat(quote.components()).extracting(c -> c.code() + "=" + rp(c.amount()))
                .containsExactly("JP_CONTRIBUTIONS=32391081", "JP_RETURNS=0")
                .isEqualTo(claim.components().stream().map(c -> c.code() + "=" + rp(c.amount())).toList());
        assertThat(quote.components()).extracting(id.lindung.quote.QuoteDocuments.Component::references)
                .isEqualTo(claim.components().stream().map(ClaimCase.Component::references).toList());
        assertThat(quote.total()).isEqualTo(claim.total());
    }

    @Test
    void aHundredEightyMonthsOrMoreIsStillAMonthlyPensionNotALumpSum() {
        ClaimRequests.Facts facts = new ClaimRequests.Facts(null, 180, new BigDecimal("6000000"), null, null, null, null, null, null, null);
        ClaimBenefit.Result r = oldAge("2031-01-15", "1970-01-01", facts, months(YearMonth.of(2016, 1), 180, 6_000_000),
                List.of(new PensionFacts.Paid(YearMonth.of(2026, 7), Rupiah.of(180_000))));
        assertThat(r.components()).extracting(c -> c.code() + "=" + rp(c.amount())).containsExactly("MONTHLY_PENSION=900000");
    }

    @Test
    void beforeThePensionAgeTheOldAgeCaseIsRefusedWithPensionAgeNotReached() {
        // born 1974-09-14: 52 on 1 December 2026, the pension age then is 59
        ClaimBenefit.Result r = oldAge("2026-12-01", "1974-09-14", ClaimRequests.Facts.NONE, months(YearMonth.of(2026, 7), 5, 3_000_000),
                List.of(new PensionFacts.Paid(YearMonth.of(2026, 7), Rupiah.of(90_000))));
        assertThat(r.components()).isEmpty();
        assertThat(r.decisions()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("PENSION_AGE_NOT_REACHED");
            assertThat(d.effect()).isEqualTo(ClaimCase.Effect.REFUSES_CASE);
        });
    }

    @Test
    void aLumpSumWithNothingPaidIsRefusedAsNothingToPayBack() {
        ClaimBenefit.Result r = oldAge("2026-12-01", "1966-03-20", ClaimRequests.Facts.NONE, months(YearMonth.of(2026, 7), 5, 3_000_000), List.of());
        assertThat(r.components()).isEmpty();
        assertThat(r.decisions()).extracting(ClaimCase.Decision::code).containsExactly("JP_NO_CONTRIBUTIONS_PAID");
    }

    private static String rp(Rupiah amount) {
        return amount.toBigDecimal().stripTrailingZeros().toPlainString();
    }
}
