package id.lindung.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.regulation.NoRegulationInForceException;
import id.lindung.regulation.ProgrammeNotYetInForceException;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Programme;
import id.lindung.shared.Rate;
import id.lindung.shared.RejectedException;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contribution rules as a table: each row is a worked example or a boundary of a dated rule. */
class ContributionCalculatorTests {

    static final RegulationCatalog CATALOG = RegulationCatalog.loadBundled();
    static final ContributionCalculator CALCULATOR = new ContributionCalculator(CATALOG);

    static Set<Programme> programs(String list) {
        return Arrays.stream(list.split("\\+")).map(Programme::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Programme.class)));
    }

    static ContributionQuote quote(String segment, String month, String wage, String risk, String programs, boolean labourIntensive,
                                   boolean villageGovernment) {
        return CALCULATOR.quote(new ContributionRequest(Segment.valueOf(segment), YearMonth.parse(month), Rupiah.parse(wage),
                risk == null ? null : RiskGroup.valueOf(risk), programs(programs), labourIntensive, villageGovernment));
    }

    static Rupiah line(ContributionQuote q, Programme p, String what) {
        ContributionLine l = q.lines().stream().filter(x -> x.program() == p).findFirst().orElseThrow();
        return switch (what) {
            case "employer" -> l.employer();
            case "worker" -> l.worker();
            case "base" -> l.base();
            default -> l.total();
        };
    }

    @ParameterizedTest(name = "[{index}] {0}: {1} {2} {3} {4} {5} → employer {8}, worker {9}, total {10}")
    @CsvSource(nullValues = "-", textBlock = """
            # rule                                                   , seg, month  , wage      , risk     , programs       , labour, village, employer, worker, total
            'BPU package Rp 16,800 (JKK + JKM on Rp 1,000,000)'        , BPU, 2025-04, 1000000   , -        , JKK+JKM        , false , false  , 0       , 16800 , 16800
            'BPU package Rp 36,800 (JKK + JKM + JHT)'                  , BPU, 2025-04, 1000000   , -        , JKK+JKM+JHT    , false , false  , 0       , 36800 , 36800
            'BPU income in the first band uses the band floor'         , BPU, 2025-04, 1099000   , -        , JKK+JKM        , false , false  , 0       , 16800 , 16800
            'BPU band Rp 1,100,000'                                    , BPU, 2025-04, 1100000   , -        , JKK+JKM        , false , false  , 0       , 17800 , 17800
            'BPU highest income: JKK Rp 207,000'                       , BPU, 2025-04, 20700000  , -        , JKK+JKM        , false , false  , 0       , 213800, 213800
            'BPU highest income with JHT Rp 414,000'                   , BPU, 2025-04, 20700000  , -        , JKK+JKM+JHT    , false , false  , 0       , 627800, 627800
            'BPU before the relief (Jul 2020) pays JKM 6,800'          , BPU, 2020-07, 1000000   , -        , JKK+JKM        , false , false  , 0       , 16800 , 16800
            'BPU relief Aug 2020: JKK 1% of 10,000 and JKM Rp 68'      , BPU, 2020-08, 1000000   , -        , JKK+JKM        , false , false  , 0       , 168   , 168
            'BPU relief Jan 2021 still applies'                        , BPU, 2021-01, 1000000   , -        , JKK+JKM        , false , false  , 0       , 168   , 168
            'BPU after the relief (Feb 2021) pays in full'             , BPU, 2021-02, 1000000   , -        , JKK+JKM        , false , false  , 0       , 16800 , 16800
            'BPU JHT is not cut by the relief'                         , BPU, 2020-09, 1000000   , -        , JKK+JKM+JHT    , false , false  , 0       , 20168 , 20168
            'Kotabaru 2021 RT/RW Rp 1,000,000: JKK + JKM = 5,400'      , PU , 2021-06, 1000000   , VERY_LOW , JKK+JKM        , false , true   , 5400    , 0     , 5400
            'Kotabaru 2021 with JHT = 62,400'                          , PU , 2021-06, 1000000   , VERY_LOW , JKK+JKM+JHT    , false , true   , 42400   , 20000 , 62400
            'Cikarang 2020 siltap Rp 2,000,000: about 10,800'          , PU , 2020-03, 2000000   , VERY_LOW , JKK+JKM        , false , true   , 10800   , 0     , 10800
            'Tuban 2019 UMK: four programmes, shares rounded half-up'  , PU , 2019-01, 2333641.85, VERY_LOW , JKK+JKM+JHT+JP , false , true   , 145620  , 70009 , 215629
            'Village apparatus on 2,426,640 siltap (kades)'            , PU , 2025-04, 2426640   , VERY_LOW , JKK+JKM        , false , true   , 13104   , 0     , 13104
            'PU 2,000,000 four programmes Apr 2025'                    , PU , 2025-04, 2000000   , VERY_LOW , JKK+JKM+JHT+JP , false , false  , 124800  , 60000 , 184800
            'JKK group II low 0.54%'                                   , PU , 2025-04, 2000000   , LOW      , JKK            , false , false  , 10800   , 0     , 10800
            'JKK group III medium 0.89%'                               , PU , 2025-04, 2000000   , MEDIUM   , JKK            , false , false  , 17800   , 0     , 17800
            'JKK group IV high 1.27%'                                  , PU , 2025-04, 2000000   , HIGH     , JKK            , false , false  , 25400   , 0     , 25400
            'JKK group V very high 1.74%'                              , PU , 2025-04, 2000000   , VERY_HIGH, JKK            , false , false  , 34800   , 0     , 34800
            'JHT has no wage cap'                                      , PU , 2025-04, 50000000  , VERY_LOW , JHT            , false , false  , 1850000 , 1000000, 2850000
            'JP cap Feb 2025 is 10,042,300'                            , PU , 2025-02, 20000000  , VERY_LOW , JP             , false , false  , 200846  , 100423, 301269
            'JP cap Mar 2025 is 10,547,400'                            , PU , 2025-03, 20000000  , VERY_LOW , JP             , false , false  , 210948  , 105474, 316422
            'JP cap Feb 2024 is still 9,559,600'                       , PU , 2024-02, 20000000  , VERY_LOW , JP             , false , false  , 191192  , 95596 , 286788
            'JP cap Mar 2024 is 10,042,300'                            , PU , 2024-03, 20000000  , VERY_LOW , JP             , false , false  , 200846  , 100423, 301269
            'JP cap 2020 is 8,939,700'                                 , PU , 2020-03, 9000000   , VERY_LOW , JP             , false , false  , 178794  , 89397 , 268191
            'JP cap went down in 2021 to 8,754,600'                    , PU , 2021-03, 9000000   , VERY_LOW , JP             , false , false  , 175092  , 87546 , 262638
            'JP cap 2015 is 7,000,000'                                 , PU , 2015-07, 9000000   , VERY_LOW , JP             , false , false  , 140000  , 70000 , 210000
            'JP cap 2026 (provisional) 11,086,300 from Mar 2026'       , PU , 2026-03, 20000000  , VERY_LOW , JP             , false , false  , 221726  , 110863, 332589
            'JP below the cap uses the whole wage'                     , PU , 2025-03, 3000000   , VERY_LOW , JP             , false , false  , 60000   , 30000 , 90000
            'No JKK discount in Jan 2025'                              , PU , 2025-01, 10000000  , MEDIUM   , JKK            , true  , false  , 89000   , 0     , 89000
            'JKK discount 50% in Feb 2025 (0.445%)'                    , PU , 2025-02, 10000000  , MEDIUM   , JKK            , true  , false  , 44500   , 0     , 44500
            'JKK discount still in Jul 2025'                           , PU , 2025-07, 10000000  , VERY_HIGH, JKK            , true  , false  , 87000   , 0     , 87000
            'JKK discount goes on without a break in Aug 2025'         , PU , 2025-08, 10000000  , VERY_HIGH, JKK            , true  , false  , 87000   , 0     , 87000
            'JKK discount again for Jan 2026 (PP 36/2025)'             , PU , 2026-01, 10000000  , VERY_LOW , JKK            , true  , false  , 12000   , 0     , 12000
            'No JKK discount in Feb 2026'                              , PU , 2026-02, 10000000  , VERY_LOW , JKK            , true  , false  , 24000   , 0     , 24000
            'No JKK discount for village government'                   , PU , 2025-02, 10000000  , VERY_LOW , JKK            , true  , true   , 24000   , 0     , 24000
            'No JKK discount for an employer not labour-intensive'     , PU , 2025-02, 10000000  , LOW      , JKK            , false , false  , 54000   , 0     , 54000
            'Discount touches JKK only, not JKM'                       , PU , 2025-02, 10000000  , HIGH     , JKK+JKM        , true  , false  , 93500   , 0     , 93500
            'Before the relief (Jul 2020): JKK + JKM in full'          , PU , 2020-07, 2000000   , VERY_LOW , JKK+JKM        , false , true   , 10800   , 0     , 10800
            'Relief Aug 2020: JKK and JKM cut 99%'                     , PU , 2020-08, 2000000   , VERY_LOW , JKK+JKM        , false , true   , 108     , 0     , 108
            'Relief Aug 2020: JP 99% deferred'                         , PU , 2020-08, 2000000   , VERY_LOW , JP             , false , true   , 400     , 200   , 600
            'Relief does not touch JHT'                                , PU , 2020-08, 2000000   , VERY_LOW , JHT            , false , true   , 74000   , 40000 , 114000
            'After the relief (Feb 2021): JKK + JKM in full'           , PU , 2021-02, 2000000   , VERY_LOW , JKK+JKM        , false , true   , 10800   , 0     , 10800
            'After the relief (Feb 2021): JP in full'                  , PU , 2021-02, 2000000   , VERY_LOW , JP             , false , true   , 40000   , 20000 , 60000
            'JKP for PU is informative only: nothing payable'          , PU , 2025-04, 8000000   , VERY_LOW , JKK+JKM+JKP    , false , false  , 43200   , 0     , 43200
            'Half a rupiah rounds up (0.24% of 1,000,208.33)'          , PU , 2025-04, 1000208.33, VERY_LOW , JKK            , false , false  , 2400    , 0     , 2400
            'Shares round half-up: 0.3% of 1,500,500 = 4,501.5'        , PU , 2025-04, 1500500   , VERY_LOW , JKM            , false , false  , 4502    , 0     , 4502
            'Below a half rounds down: 0.24% of 1,234,567'             , PU , 2025-04, 1234567   , VERY_LOW , JKK            , false , false  , 2963    , 0     , 2963
            """)
    void contributionFollowsTheRuleInForce(String rule, String segment, String month, String wage, String risk, String programs,
                                           boolean labourIntensive, boolean villageGovernment, long employer, long worker, long total) {
        ContributionQuote q = quote(segment, month, wage, risk, programs, labourIntensive, villageGovernment);
        assertThat(q.employerTotal()).as(rule + " employer").isEqualTo(Rupiah.of(employer));
        assertThat(q.workerTotal()).as(rule + " worker").isEqualTo(Rupiah.of(worker));
        assertThat(q.total()).as(rule + " total").isEqualTo(Rupiah.of(total));
        assertThat(q.lines()).allSatisfy(l -> {
            assertThat(l.total()).isEqualTo(l.employer().plus(l.worker()));
            assertThat(l.references()).isNotEmpty();
            assertThat(l.employer().isWhole() && l.worker().isWhole()).as("shares are whole rupiah").isTrue();
        });
    }

    /**
     * The 50% JKK discount covers every JKK month from February 2025 to January 2026 without a break (PP 7/2025, then
     * PP 36/2025 Pasal 10A): both sides of 1 Feb 2025, 1 Aug 2025 and 1 Feb 2026, for a qualifying employer.
     */
    @ParameterizedTest(name = "JKK discount {1}% in {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # month | discount | employer on Rp 10 M, group III (0.89%) | regulation
            2025-01 | 0        | 89000                                  | PP 44/2015
            2025-02 | 50       | 44500                                  | PP 7/2025
            2025-07 | 50       | 44500                                  | PP 7/2025
            2025-08 | 50       | 44500                                  | PP 36/2025
            2026-01 | 50       | 44500                                  | PP 36/2025
            2026-02 | 0        | 89000                                  | PP 36/2025
            """)
    void labourIntensiveDiscountRunsWithoutABreakFromFebruary2025ToJanuary2026(String month, int discount, long employer,
                                                                               String regulation) {
        ContributionQuote q = quote("PU", month, "10000000", "MEDIUM", "JKK", true, false);
        assertThat(q.employerTotal()).isEqualTo(Rupiah.of(employer));
        assertThat(CALCULATOR.schedule(YearMonth.parse(month)).jkkLabourIntensiveDiscount()).isEqualTo(Rate.ofPercent(BigDecimal.valueOf(discount)));
        assertThat(CATALOG.valueOn("pu.jkk.labourIntensiveDiscount", YearMonth.parse(month).atDay(1)).reference().regulation())
                .isEqualTo(regulation);
    }

    @Test
    void everyJkkMonthFromFebruary2025ToJanuary2026IsDiscounted() {
        for (YearMonth m = YearMonth.of(2025, 2); !m.isAfter(YearMonth.of(2026, 1)); m = m.plusMonths(1)) {
            assertThat(quote("PU", m.toString(), "10000000", "VERY_LOW", "JKK", true, false).employerTotal()).as(m.toString())
                    .isEqualTo(Rupiah.of(12_000));
        }
    }

    /** The JP wage cap of 2022, Rp 9,077,600 (BPJS letter B/77/022023), is verified and starts in March 2022. */
    @ParameterizedTest(name = "JP cap in {0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # month | cap     | employer | worker | verified
            2022-02 | 8754600 | 175092   | 87546  | false
            2022-03 | 9077600 | 181552   | 90776  | true
            2023-02 | 9077600 | 181552   | 90776  | true
            2023-03 | 9559600 | 191192   | 95596  | true
            """)
    void jpWageCapOf2022IsVerifiedAndStartsInMarch(String month, long cap, long employer, long worker, boolean verified) {
        ContributionQuote q = quote("PU", month, "20000000", "VERY_LOW", "JP", false, false);
        assertThat(line(q, Programme.JP, "base")).isEqualTo(Rupiah.of(cap));
        assertThat(line(q, Programme.JP, "employer")).isEqualTo(Rupiah.of(employer));
        assertThat(line(q, Programme.JP, "worker")).isEqualTo(Rupiah.of(worker));
        assertThat(q.lines().get(0).references()).filteredOn(r -> r.parameter().equals("pu.jp.wageCap"))
                .singleElement().satisfies(r -> assertThat(r.verified()).isEqualTo(verified));
    }

    /**
     * PP 49/2020 relief conditions (covid-relief.yaml): only payers who had paid up to July 2020 get the relief; a
     * participant registered after July 2020 pays its first two months in full; the deferred 99% of JP is a debt.
     * Wage earner on Rp 2,000,000, JKK group I + JKM + JP; BPU on Rp 1,000,000, JKK + JKM.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            # rule                                              | seg | month   | registered | paid    | employer | worker | deferred JP
            standing unknown: relief as before                  | PU  | 2020-08 | -          | -       | 508      | 200    | 59400
            paid up to July 2020: relief                        | PU  | 2020-08 | 2018-01-01 | 2020-07 | 508      | 200    | 59400
            paid only to June 2020: full rates, nothing deferred| PU  | 2020-08 | 2018-01-01 | 2020-06 | 50800    | 20000  | 0
            registered on 31 July 2020: not new, relief         | PU  | 2020-08 | 2020-07-31 | 2020-07 | 508      | 200    | 59400
            registered 10 Sep 2020: first month in full         | PU  | 2020-09 | 2020-09-10 | -       | 50800    | 20000  | 0
            registered 10 Sep 2020: second month in full        | PU  | 2020-10 | 2020-09-10 | -       | 50800    | 20000  | 0
            registered 10 Sep 2020: relief from the third month | PU  | 2020-11 | 2020-09-10 | -       | 508      | 200    | 59400
            after the relief nothing changes                    | PU  | 2021-02 | 2018-01-01 | 2020-06 | 50800    | 20000  | 0
            BPU paid up to July 2020: relief (100 + 68)         | BPU | 2020-08 | 2018-01-01 | 2020-07 | 0        | 168    | 0
            BPU paid only to May 2020: full (10,000 + 6,800)    | BPU | 2020-08 | 2018-01-01 | 2020-05 | 0        | 16800  | 0
            """)
    void covidReliefOnlyForPayersWhoMeetItsConditions(String rule, String segment, String month, String registered, String paid,
                                                       long employer, long worker, long deferred) {
        boolean pu = segment.equals("PU");
        ContributionRequest request = new ContributionRequest(Segment.valueOf(segment), YearMonth.parse(month),
                Rupiah.of(pu ? 2_000_000 : 1_000_000), pu ? RiskGroup.VERY_LOW : null,
                pu ? EnumSet.of(Programme.JKK, Programme.JKM, Programme.JP) : EnumSet.of(Programme.JKK, Programme.JKM), false, pu)
                .withReliefStanding(registered == null ? null : LocalDate.parse(registered), paid == null ? null : YearMonth.parse(paid));
        ContributionQuote q = CALCULATOR.quote(request);
        assertThat(q.employerTotal()).as(rule + " employer").isEqualTo(Rupiah.of(employer));
        assertThat(q.workerTotal()).as(rule + " worker").isEqualTo(Rupiah.of(worker));
        assertThat(q.lines().stream().map(ContributionLine::deferred).reduce(Rupiah.ZERO, Rupiah::plus)).as(rule + " deferred")
                .isEqualTo(Rupiah.of(deferred));
    }

    @Test
    void deferredJpIsADebtDueFrom15May2021To15April2022() {
        ContributionSchedule relief = CALCULATOR.schedule(YearMonth.of(2020, 8));
        assertThat(relief.jpDeferredDueFrom()).isEqualTo(LocalDate.of(2021, 5, 15));
        assertThat(relief.jpDeferredDueUntil()).isEqualTo(LocalDate.of(2022, 4, 15));
        assertThat(CALCULATOR.schedule(YearMonth.of(2021, 1)).jpDeferredDueUntil()).isEqualTo(LocalDate.of(2022, 4, 15));
        assertThat(CALCULATOR.schedule(YearMonth.of(2020, 7)).jpDeferredDueFrom()).isNull();
        assertThat(CALCULATOR.schedule(YearMonth.of(2021, 2)).jpDeferredDueFrom()).isNull();
        // 3% of 2,000,000 = 60,000, of which 1% (600) is payable and 99% (59,400) deferred
        ContributionLine jp = relief.puLine(Programme.JP, Rupiah.of(2_000_000), null, false);
        assertThat(jp.total()).isEqualTo(Rupiah.of(600));
        assertThat(jp.deferred()).isEqualTo(Rupiah.of(59_400));
        assertThat(jp.references()).extracting(r -> r.parameter()).contains("relief.jp.deferredShare");
    }

    @Test
    void tubanSharesToTheSenMatchThePublishedFigures() {
        ContributionSchedule s = CALCULATOR.schedule(YearMonth.of(2019, 1));
        Rupiah umk = Rupiah.parse("2333641.85");
        assertThat(s.jkkRate(RiskGroup.VERY_LOW, false).applyToSen(umk, RoundingMode.HALF_UP)).isEqualTo(Rupiah.parse("5600.74"));
        assertThat(s.jkmRate().applyToSen(umk, RoundingMode.HALF_UP)).isEqualTo(Rupiah.parse("7000.93"));
        assertThat(s.jhtEmployerRate().applyToSen(umk, RoundingMode.HALF_UP).plus(s.jhtWorkerRate().applyToSen(umk, RoundingMode.HALF_UP)))
                .isEqualTo(Rupiah.parse("133017.59"));
        assertThat(s.jpEmployerRate().applyToSen(umk, RoundingMode.HALF_UP).plus(s.jpWorkerRate().applyToSen(umk, RoundingMode.HALF_UP)))
                .isEqualTo(Rupiah.parse("70009.26"));
    }

    @Test
    void tubanWholeRupiahSharesAreEachWithinHalfARupiahOfTheSenFigures() {
        ContributionQuote q = quote("PU", "2019-01", "2333641.85", "VERY_LOW", "JKK+JKM+JHT+JP", false, true);
        assertThat(line(q, Programme.JKK, "total")).isEqualTo(Rupiah.of(5601));
        assertThat(line(q, Programme.JKM, "total")).isEqualTo(Rupiah.of(7001));
        assertThat(line(q, Programme.JHT, "total")).isEqualTo(Rupiah.of(133018));
        assertThat(line(q, Programme.JP, "total")).isEqualTo(Rupiah.of(70009));
        // 6 shares each within 0.50 of the sen figure: the total is within 3 rupiah of Rp 215,628.09
        assertThat(q.total().minus(Rupiah.parse("215628.09")).toBigDecimal().abs()).isLessThanOrEqualTo(new BigDecimal("3"));
    }

    @Test
    void jpUsesTheCapAsBaseAboveIt() {
        ContributionQuote feb = quote("PU", "2025-02", "20000000", "VERY_LOW", "JP", false, false);
        ContributionQuote mar = quote("PU", "2025-03", "20000000", "VERY_LOW", "JP", false, false);
        assertThat(line(feb, Programme.JP, "base")).isEqualTo(Rupiah.of(10_042_300));
        assertThat(line(mar, Programme.JP, "base")).isEqualTo(Rupiah.of(10_547_400));
    }

    @Test
    void jkpInformativeLineShowsTheCappedBaseAndTheRecompositionChangeOfPp6Of2025() {
        ContributionQuote q = quote("PU", "2025-04", "8000000", "VERY_LOW", "JKP", false, false);
        ContributionLine jkp = q.lines().get(0);
        assertThat(jkp.informative()).isTrue();
        assertThat(jkp.base()).isEqualTo(Rupiah.of(5_000_000));
        assertThat(jkp.total()).isEqualTo(Rupiah.ZERO);
        assertThat(CALCULATOR.schedule(YearMonth.of(2025, 2)).jkp().rate()).isEqualTo(Rate.ofPercent("0.46"));
        assertThat(CALCULATOR.schedule(YearMonth.of(2025, 3)).jkp().rate()).isEqualTo(Rate.ofPercent("0.36"));
        assertThat(CALCULATOR.schedule(YearMonth.of(2025, 3)).jkp().fromJkm()).isEqualTo(Rate.ZERO);
        assertThat(CALCULATOR.schedule(YearMonth.of(2025, 3)).jkp().fromJkk()).isEqualTo(Rate.ofPercent("0.14"));
    }

    @Test
    void bpuAskingForJpOrJkpIsRejectedWithAStableCode() {
        assertThatThrownBy(() -> quote("BPU", "2025-04", "1000000", null, "JKK+JKM+JP", false, false))
                .isInstanceOf(RejectedException.class).extracting(e -> ((RejectedException) e).code()).isEqualTo("BPU_JP_NOT_AVAILABLE");
        assertThatThrownBy(() -> quote("BPU", "2025-04", "1000000", null, "JKK+JKM+JKP", false, false))
                .isInstanceOf(RejectedException.class).extracting(e -> ((RejectedException) e).code()).isEqualTo("BPU_JKP_NOT_AVAILABLE");
    }

    @Test
    void bpuMustTakeAtLeastJkkAndJkm() {
        assertThatThrownBy(() -> quote("BPU", "2025-04", "1000000", null, "JHT", false, false))
                .extracting(e -> ((RejectedException) e).code()).isEqualTo("BPU_MINIMUM_PACKAGE");
    }

    @Test
    void bpuIncomeOutsideTheRangeIsRejected() {
        assertThatThrownBy(() -> quote("BPU", "2025-04", "999999", null, "JKK+JKM", false, false))
                .extracting(e -> ((RejectedException) e).code()).isEqualTo("BPU_INCOME_OUT_OF_RANGE");
        assertThatThrownBy(() -> quote("BPU", "2025-04", "20700001", null, "JKK+JKM", false, false))
                .extracting(e -> ((RejectedException) e).code()).isEqualTo("BPU_INCOME_OUT_OF_RANGE");
    }

    @Test
    void jkkOfAWageEarnerNeedsTheRiskGroup() {
        assertThatThrownBy(() -> quote("PU", "2025-04", "2000000", null, "JKK", false, false))
                .extracting(e -> ((RejectedException) e).code()).isEqualTo("RISK_GROUP_REQUIRED");
    }

    @Test
    void jkpBeforePp37Of2021IsNotInForceAndTheRefusalNamesJkp() {
        assertThatThrownBy(() -> quote("PU", "2020-05", "2000000", "VERY_LOW", "JKP", false, false))
                .isInstanceOf(NoRegulationInForceException.class)
                .isInstanceOfSatisfying(ProgrammeNotYetInForceException.class, e -> {
                    assertThat(e.code()).isEqualTo("PROGRAMME_NOT_YET_IN_FORCE");
                    assertThat(e.programme()).isEqualTo(Programme.JKP);
                });
        assertThatThrownBy(() -> CALCULATOR.schedule(YearMonth.of(2020, 5)).puLine(Programme.JKP, Rupiah.of(2_000_000), RiskGroup.LOW, false))
                .isInstanceOfSatisfying(ProgrammeNotYetInForceException.class, e -> assertThat(e.programme()).isEqualTo(Programme.JKP));
    }

    @Test
    void monthsBeforeTheFirstRegulationAreRejectedNamingTheProgramme() {
        assertThatThrownBy(() -> quote("PU", "2014-01", "2000000", "VERY_LOW", "JKK", false, false))
                .isInstanceOfSatisfying(ProgrammeNotYetInForceException.class, e -> {
                    assertThat(e.code()).isEqualTo("PROGRAMME_NOT_YET_IN_FORCE");
                    assertThat(e.programme()).isEqualTo(Programme.JKK);
                    assertThat(e.getMessage()).contains("JKK").contains("2015-07-01");
                });
    }

    @Test
    void referencesNameTheDiscountAndTheReliefOnlyWhenTheyApply() {
        var discounted = quote("PU", "2025-02", "2000000", "VERY_LOW", "JKK", true, false).lines().get(0).references();
        assertThat(discounted).extracting(r -> r.parameter()).contains("pu.jkk.labourIntensiveDiscount");
        var normal = quote("PU", "2026-02", "2000000", "VERY_LOW", "JKK", true, false).lines().get(0).references();
        assertThat(normal).extracting(r -> r.parameter()).containsExactly("pu.jkk.rate.VERY_LOW");
        var relief = quote("PU", "2020-08", "2000000", "VERY_LOW", "JKK", false, false).lines().get(0).references();
        assertThat(relief).extracting(r -> r.parameter()).contains("relief.jkkJkm.payableShare");
    }

    @Test
    void dueDatesFollowTheSegmentAndMoveOffWeekends() {
        // PU Apr 2025 → 15 May 2025 (Thursday); BPU Mar 2025 → 15 Mar 2025 is a Saturday → Monday 17 Mar
        assertThat(CALCULATOR.schedule(YearMonth.of(2025, 4)).dueDate(Segment.PU)).isEqualTo(LocalDate.of(2025, 5, 15));
        assertThat(CALCULATOR.schedule(YearMonth.of(2025, 3)).dueDate(Segment.BPU)).isEqualTo(LocalDate.of(2025, 3, 17));
        // relief: due on the 30th of the following month; Jan 2021 → February has no 30th → 28 Feb 2021 is a Sunday → 1 Mar
        assertThat(CALCULATOR.schedule(YearMonth.of(2020, 9)).dueDate(Segment.PU)).isEqualTo(LocalDate.of(2020, 10, 30));
        assertThat(CALCULATOR.schedule(YearMonth.of(2021, 1)).dueDate(Segment.PU)).isEqualTo(LocalDate.of(2021, 3, 1));
    }

    @Test
    void lateFinesAreTwoPercentAMonthForPuHalfAPercentInTheReliefAndNoneForBpu() {
        Rupiah unpaid = Rupiah.of(184_800);
        assertThat(CALCULATOR.schedule(YearMonth.of(2025, 4)).fine(Segment.PU, unpaid, 2)).isEqualTo(Rupiah.of(7_392));
        assertThat(CALCULATOR.schedule(YearMonth.of(2020, 10)).fine(Segment.PU, unpaid, 1)).isEqualTo(Rupiah.of(924));
        assertThat(CALCULATOR.schedule(YearMonth.of(2025, 4)).fine(Segment.BPU, unpaid, 3)).isEqualTo(Rupiah.ZERO);
    }

    @Test
    void bpuLapseAndBackPaymentRulesAreInTheSchedule() {
        ContributionSchedule s = CALCULATOR.schedule(YearMonth.of(2025, 4));
        assertThat(s.bpuLapseUnpaidMonths()).isEqualTo(3);
        assertThat(s.bpuBackPaymentMonths()).isEqualTo(3);
        assertThat(s.partialMonthRule()).isEqualTo("WHOLE_MONTH_IF_ACTIVE_ANY_DAY");
    }

    @Test
    void scheduleVersionChangesOnlyWhenAValueInForceChanges() {
        assertThat(CALCULATOR.schedule(YearMonth.of(2025, 4)).regulationVersion().substring(8))
                .isEqualTo(CALCULATOR.schedule(YearMonth.of(2025, 5)).regulationVersion().substring(8));
        assertThat(CALCULATOR.schedule(YearMonth.of(2025, 2)).regulationVersion().substring(8))
                .isNotEqualTo(CALCULATOR.schedule(YearMonth.of(2025, 3)).regulationVersion().substring(8));
    }

    /**
     * Billing may apply the schedule in SQL: {@code round(base × rate, half up)} per share. For every month
     * and a spread of wages, that must give exactly what the calculator gives.
     */
    @Test
    void calculatorAndScheduleAppliedAsBillingWouldNeverDisagree() {
        long[] wages = {1_000_000, 1_099_999, 2_333_641, 5_000_001, 9_999_999, 10_547_401, 25_000_000};
        int compared = 0;
        for (YearMonth m = YearMonth.of(2015, 7); !m.isAfter(YearMonth.of(2027, 12)); m = m.plusMonths(1)) {
            ContributionSchedule s = CALCULATOR.schedule(m);
            for (long w : wages) {
                Rupiah wage = Rupiah.of(w);
                for (RiskGroup risk : RiskGroup.values()) {
                    for (boolean discount : new boolean[] {false, true}) {
                        ContributionQuote q = CALCULATOR.quote(new ContributionRequest(Segment.PU, m, wage, risk,
                                EnumSet.of(Programme.JKK, Programme.JKM, Programme.JHT, Programme.JP), discount, false));
                        assertThat(line(q, Programme.JKK, "employer")).isEqualTo(billing(wage, s.jkkRate(risk, discount && !s.jkkLabourIntensiveDiscount().isZero())));
                        assertThat(line(q, Programme.JKM, "employer")).isEqualTo(billing(wage, s.jkmRate()));
                        assertThat(line(q, Programme.JHT, "employer")).isEqualTo(billing(wage, s.jhtEmployerRate()));
                        assertThat(line(q, Programme.JHT, "worker")).isEqualTo(billing(wage, s.jhtWorkerRate()));
                        Rupiah jpBase = wage.min(s.jpWageCap());
                        assertThat(line(q, Programme.JP, "employer")).isEqualTo(billing(jpBase, s.jpEmployerRate()));
                        assertThat(line(q, Programme.JP, "worker")).isEqualTo(billing(jpBase, s.jpWorkerRate()));
                        compared++;
                    }
                }
                if (w <= 20_700_000) {
                    ContributionQuote b = CALCULATOR.quote(new ContributionRequest(Segment.BPU, m, wage, null,
                            EnumSet.of(Programme.JKK, Programme.JKM, Programme.JHT), false, false));
                    Rupiah basis = wage.roundToMultipleOf(s.bpuBandWidth(), RoundingMode.FLOOR);
                    assertThat(line(b, Programme.JKK, "worker")).isEqualTo(billing(basis, s.bpuJkkRate()));
                    assertThat(line(b, Programme.JKM, "worker")).isEqualTo(s.bpuJkmAmount());
                    assertThat(line(b, Programme.JHT, "worker")).isEqualTo(billing(basis, s.bpuJhtRate()));
                }
            }
        }
        assertThat(compared).isGreaterThan(10_000);
    }

    /** What a SQL bill computes: numeric multiplication, then round(…, 0), which PostgreSQL rounds half away from zero. */
    private static Rupiah billing(Rupiah base, Rate rate) {
        return Rupiah.of(base.toBigDecimal().multiply(rate.percent()).movePointLeft(2).setScale(0, RoundingMode.HALF_UP));
    }
}
