package id.lindung.budget;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.contribution.ContributionCalculator;
import id.lindung.contribution.ContributionQuote;
import id.lindung.contribution.ContributionRequest;
import id.lindung.regulation.DatedValue;
import id.lindung.regulation.Reference;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.regulation.Unit;
import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanProjectionTests {

    static final RegulationCatalog CATALOG = RegulationCatalog.loadBundled();
    static final Set<Programme> ALL_PU = EnumSet.of(Programme.JKK, Programme.JKM, Programme.JHT, Programme.JP);

    static List<PlanProjection.Line> official(int year, Rupiah wage) {
        List<PlanProjection.Line> lines = new ArrayList<>();
        for (Programme p : ALL_PU) {
            lines.add(new PlanProjection.Line(BudgetLines.PERSONNEL, Segment.PU, wage, RiskGroup.VERY_LOW, false, p, true, true, 1,
                    YearMonth.of(year, 1), YearMonth.of(year, 12)));
        }
        return lines;
    }

    @Test
    void theJpWageCapOfAYearNotPublishedIsTheLastCapGrownByTheLastAnnualRateRoundedDownTo100() {
        ParameterProjection.Extended e = ParameterProjection.forYear(CATALOG, 2027);
        assertThat(e.projected()).hasSize(1);
        DatedValue v = e.projected().get(0);
        assertThat(v.parameter()).isEqualTo("pu.jp.wageCap");
        assertThat(v.from()).isEqualTo(LocalDate.of(2027, 3, 1));
        // 11,086,300 x (11,086,300 / 10,547,400) = 11,652,734.10 -> 11,652,700
        assertThat(v.rupiah()).isEqualTo(Rupiah.of(11_652_700));
        assertThat(v.verified()).isFalse();
        assertThat(e.projectedOn(LocalDate.of(2027, 2, 1))).isEmpty();
        assertThat(e.projectedOn(LocalDate.of(2027, 3, 1))).containsExactly("pu.jp.wageCap");
    }

    @Test
    void aPublishedYearProjectsNothingAndTwoYearsAheadGrowsTwice() {
        assertThat(ParameterProjection.forYear(CATALOG, 2026).projected()).isEmpty();
        assertThat(ParameterProjection.forYear(CATALOG, 2025).projected()).isEmpty();
        List<DatedValue> twice = ParameterProjection.forYear(CATALOG, 2028).projected();
        assertThat(twice).extracting(DatedValue::from).containsExactly(LocalDate.of(2027, 3, 1), LocalDate.of(2028, 3, 1));
        assertThat(twice.get(1).rupiah()).isEqualTo(Rupiah.of(12_248_000));
    }

    @Test
    void nextYearsPlanEqualsTwelveMonthsOfTheContributionCalculatorWithTheProjectedCapMarkedFromMarch() {
        Rupiah wage = Rupiah.of(12_000_000); // above every cap, so the JP base is the cap of the month
        PlanProjection.Result r = new PlanProjection(CATALOG).project(2027, official(2027, wage));

        RegulationCatalog withProjection = CATALOG.withAppended(List.of(new DatedValue("pu.jp.wageCap", LocalDate.of(2027, 3, 1),
                null, Unit.RUPIAH, "11652700", new Reference("pu.jp.wageCap", "test", null, List.of(), false, null), "test")));
        ContributionCalculator calculator = new ContributionCalculator(withProjection);
        Rupiah expected = Rupiah.ZERO;
        for (int m = 1; m <= 12; m++) {
            ContributionQuote q = calculator.quote(ContributionRequest.pu(YearMonth.of(2027, m), wage, RiskGroup.VERY_LOW, ALL_PU));
            expected = expected.plus(q.total());
            PlanProjection.MonthCost month = r.months().get(m - 1);
            assertThat(month.total()).as("month %d", m).isEqualTo(q.total());
            assertThat(month.payerShare()).isEqualTo(q.employerTotal());
            assertThat(month.workerShare()).isEqualTo(q.workerTotal());
            assertThat(month.projected()).as("month %d", m).isEqualTo(m >= 3 ? List.of("pu.jp.wageCap") : List.of());
        }
        assertThat(r.total()).isEqualTo(expected);
        assertThat(r.projected()).containsExactly("pu.jp.wageCap");
        // JP in January uses the published 2026 cap, in March the projected one
        assertThat(r.months().get(0).byProgram().get(Programme.JP)).isEqualTo(Rupiah.of(332_589)); // 3% of 11,086,300
        assertThat(r.months().get(2).byProgram().get(Programme.JP)).isEqualTo(Rupiah.of(349_581)); // 3% of 11,652,700
    }

    @Test
    void aCohortCostsItsHeadCountTimesOnePersonFromItsFirstMonth() {
        PlanProjection.Line rtRw = new PlanProjection.Line(BudgetLines.SOCIAL_PROTECTION, Segment.BPU, Rupiah.of(1_000_000), null,
                false, Programme.JKK, true, true, 24, YearMonth.of(2026, 4), YearMonth.of(2026, 12));
        PlanProjection.Line rtRwJkm = new PlanProjection.Line(BudgetLines.SOCIAL_PROTECTION, Segment.BPU, Rupiah.of(1_000_000), null,
                false, Programme.JKM, true, true, 24, YearMonth.of(2026, 4), YearMonth.of(2026, 12));
        PlanProjection.Result r = new PlanProjection(CATALOG).project(2026, List.of(rtRw, rtRwJkm));
        assertThat(r.months().get(0).total()).isEqualTo(Rupiah.ZERO);
        // 24 x (1% of 1,000,000 + 6,800) a month, April to December
        assertThat(r.months().get(3).total()).isEqualTo(Rupiah.of(24 * 16_800));
        assertThat(r.total()).isEqualTo(Rupiah.of(9L * 24 * 16_800));
        assertThat(r.workerShare()).isEqualTo(r.total());
        assertThat(r.groups()).singleElement().satisfies(g -> assertThat(g.group()).isEqualTo(BudgetLines.SOCIAL_PROTECTION));
        assertThat(r.projected()).isEmpty();
    }

    @Test
    void sharesThePayerDoesNotPayAreLeftOut() {
        PlanProjection.Line employerOnly = new PlanProjection.Line(BudgetLines.ALL, Segment.PU, Rupiah.of(3_000_000), RiskGroup.VERY_LOW,
                false, Programme.JHT, true, false, 1, YearMonth.of(2026, 1), YearMonth.of(2026, 1));
        PlanProjection.Result r = new PlanProjection(CATALOG).project(2026, List.of(employerOnly));
        assertThat(r.total()).isEqualTo(Rupiah.of(111_000)); // 3.7% of 3,000,000, not the worker's 2%
        assertThat(r.workerShare()).isEqualTo(Rupiah.ZERO);
    }

    @Test
    void theFirstYearStartsInJuly2015WhenTheProgrammesBegan() {
        PlanProjection p = new PlanProjection(CATALOG);
        assertThat(p.months(2015)).hasSize(6).first().isEqualTo(YearMonth.of(2015, 7));
        assertThat(p.project(2015, official(2015, Rupiah.of(2_000_000))).months()).hasSize(6);
    }
    @Test
    void theLargestPlanTheRulesAllowIsCostedWithoutOverflowingItsSumOfSen() {
        // every cohort person the rules allow plus a whole named list, at the highest wage and risk, every programme, all
        // year, both shares: the plan's sums stay within a long (300 cohorts of a million people overflowed them, a 500)
        long people = PlanRules.MAX_PLANNED_PEOPLE + 20_000; // a named list has at most 20,000 rows (WorkerLists.MAX_ROWS)
        List<PlanProjection.Line> lines = new ArrayList<>();
        for (Programme p : Programme.values()) {
            lines.add(new PlanProjection.Line(BudgetLines.ALL, Segment.PU, Rupiah.of(PlanRules.MAX_WAGE), RiskGroup.VERY_HIGH, false,
                    p, true, true, people, YearMonth.of(2028, 1), YearMonth.of(2028, 12)));
        }
        PlanProjection.Result r = new PlanProjection(CATALOG).project(2028, lines);
        assertThat(r.total().compareTo(Rupiah.ZERO)).isPositive();
    }
}
