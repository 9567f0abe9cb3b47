package id.lindung.budget;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.platform.InputProblem;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    /** A default wage of Rp 1,000,000 as the regulation data gives it. */
    static final Optional<id.lindung.regulation.DatedValue> DEFAULT_WAGE = Optional.of(new id.lindung.regulation.DatedValue(
            "village.defaultWage.otherApparatus", LocalDate.of(2015, 7, 1), null, id.lindung.regulation.Unit.RUPIAH, "1000000",
            new id.lindung.regulation.Reference("village.defaultWage.otherApparatus", "test", null, List.of(), true, null), "test"));
    static final PlanRules RULES = new PlanRules(code -> switch (code) {
        case "KEPALA_DESA" -> Optional.of(new PlanRules.CategoryFacts(code, Segment.PU, true));
        case "RT_RW" -> Optional.of(new PlanRules.CategoryFacts(code, Segment.PU, true));
        case "NELAYAN" -> Optional.of(new PlanRules.CategoryFacts(code, Segment.BPU, false));
        default -> Optional.empty();
    }, (code, segment, on) -> DEFAULT_WAGE);

    static List<String> codes(PlanRequest.CohortInput in) {
        List<InputProblem> problems = new ArrayList<>();
        RULES.cohorts(List.of(in), 2027, "APBDES", problems);
        return problems.stream().map(InputProblem::code).toList();
    }

    static PlanRequest.CohortInput cohort(String category, String segment, Long count, String wage, List<String> programs) {
        return new PlanRequest.CohortInput(category, segment, count, wage == null ? null : new BigDecimal(wage), programs, null, null);
    }

    @Test
    void aYearBeforeTheProgrammesOrMoreThanTwoYearsAheadIsRefusedWithItsCode() {
        assertThat(PlanRules.year(2014, TODAY)).extracting(InputProblem::code).containsExactly("YEAR_BEFORE_PROGRAMME");
        assertThat(PlanRules.year(2029, TODAY)).extracting(InputProblem::code).containsExactly("YEAR_TOO_FAR");
        assertThat(PlanRules.year(2028, TODAY)).isEmpty();
        assertThat(PlanRules.year(2015, TODAY)).isEmpty();
        assertThat(PlanRules.year(null, TODAY)).extracting(InputProblem::code).containsExactly("REQUIRED");
    }

    @Test
    void negativeCountsAndWagesHaveTheirOwnCodes() {
        assertThat(codes(cohort("NELAYAN", "BPU", -1L, "1000000", List.of("JKK", "JKM")))).containsExactly("NEGATIVE_COUNT");
        assertThat(codes(cohort("NELAYAN", "BPU", 3L, "-5", List.of("JKK", "JKM")))).containsExactly("NEGATIVE_WAGE");
        assertThat(codes(cohort("NELAYAN", "BPU", 3L, "0", List.of("JKK", "JKM")))).containsExactly("WAGE_NOT_POSITIVE");
    }

    @Test
    void aWageAboveOneBillionOrWithAnAbsurdExponentIsRefusedAsInvalidAmountWithoutExpandingIt() {
        assertThat(codes(cohort("NELAYAN", "BPU", 3L, "1e20", List.of("JKK", "JKM")))).containsExactly("INVALID_AMOUNT");
        assertThat(codes(cohort("NELAYAN", "BPU", 3L, "1000000000.01", List.of("JKK", "JKM")))).containsExactly("INVALID_AMOUNT");
        assertThat(codes(cohort("NELAYAN", "BPU", 3L, "1000000000", List.of("JKK", "JKM")))).isEmpty();
        long started = System.nanoTime();
        for (String absurd : List.of("1e9999999", "-1e9999999", "1e-9999999")) {
            List<InputProblem> problems = new ArrayList<>();
            assertThat(PlanRules.wage("wage", new BigDecimal(absurd), problems)).isNull();
            assertThat(problems).extracting(InputProblem::code).containsAnyOf("INVALID_AMOUNT", "NEGATIVE_WAGE");
        }
        assertThat(System.nanoTime() - started).as("compared, never expanded into ten million digits").isLessThan(1_000_000_000L);
    }

    @Test
    void aCohortWithProgrammesItsSegmentCannotHoldIsRefused() {
        assertThat(codes(cohort("NELAYAN", "BPU", 3L, "1000000", List.of("JKK", "JKM", "JP")))).containsExactly("BPU_JP_NOT_AVAILABLE");
        assertThat(codes(cohort("NELAYAN", "BPU", 3L, "1000000", List.of("JKK")))).containsExactly("BPU_MINIMUM_PACKAGE");
        assertThat(codes(cohort("NELAYAN", null, 3L, "1000000", List.of("JP", "JKK", "JKM")))).containsExactly("BPU_JP_NOT_AVAILABLE");
        assertThat(codes(cohort("KEPALA_DESA", "PU", 1L, "3000000", List.of("JKK", "JKM", "JHT", "JP")))).isEmpty();
    }

    @Test
    void aBpuCohortsIncomeOutsideTheRangeInForceIsRefusedAtItsWage() {
        // RULES.md 2.1: a declared income from Rp 1,000,000 to Rp 20,700,000 (the range is regulation data, given here)
        PlanRules rules = new PlanRules(code -> Optional.of(new PlanRules.CategoryFacts(code, Segment.BPU, false)),
                (code, segment, on) -> DEFAULT_WAGE,
                on -> new id.lindung.registry.BpuIncomeRange.Range(Rupiah.of(1_000_000), Rupiah.of(20_700_000)));
        for (String income : List.of("999999.99", "20700000.01", "500000")) {
            List<InputProblem> problems = new ArrayList<>();
            rules.cohorts(List.of(cohort("NELAYAN", "BPU", 3L, income, List.of("JKK", "JKM"))), 2027, "APBDES", problems);
            assertThat(problems).extracting(p -> p.field() + ":" + p.code()).containsExactly("cohorts[0].wage:BPU_INCOME_OUT_OF_RANGE");
        }
        for (String income : List.of("1000000", "20700000")) {
            List<InputProblem> problems = new ArrayList<>();
            rules.cohorts(List.of(cohort("NELAYAN", "BPU", 3L, income, List.of("JKK", "JKM"))), 2027, "APBDES", problems);
            assertThat(problems).isEmpty();
        }
        // a wage earner's wage is no declared income
        List<InputProblem> pu = new ArrayList<>();
        rules.cohorts(List.of(cohort("NELAYAN", "PU", 3L, "500000", List.of("JKK", "JKM"))), 2027, "APBDES", pu);
        assertThat(pu).isEmpty();
    }

    @Test
    void unknownCategoriesSegmentsAndProgrammesAreNamed() {
        assertThat(codes(cohort("ASTRONOT", "BPU", 1L, "1000000", List.of("JKK", "JKM")))).containsExactly("UNKNOWN_CATEGORY");
        assertThat(codes(cohort("NELAYAN", "XYZ", 1L, "1000000", List.of("JKK", "JKM")))).containsExactly("INVALID_SEGMENT");
        assertThat(codes(cohort("NELAYAN", "BPU", 1L, "1000000", List.of("JKK", "JKM", "ABC")))).containsExactly("UNKNOWN_PROGRAMME");
    }

    @Test
    void aCohortWithoutWageTakesTheCategoryDefaultAndItsBudgetLineFromTheCategory() {
        List<InputProblem> problems = new ArrayList<>();
        List<Cohort> cohorts = RULES.cohorts(List.of(
                new PlanRequest.CohortInput("RT_RW", "BPU", 24L, null, List.of("JKK", "JKM"), "2027-03", null),
                new PlanRequest.CohortInput("NELAYAN", null, 10L, null, List.of("JKK", "JKM"), "4", null)), 2027, "APBDES", problems);
        assertThat(problems).isEmpty();
        assertThat(cohorts.get(0).wage()).isEqualTo(Rupiah.of(1_000_000));
        assertThat(cohorts.get(0).budgetLine()).isEqualTo(BudgetLines.PERSONNEL);
        assertThat(cohorts.get(1).budgetLine()).isEqualTo(BudgetLines.SOCIAL_PROTECTION);
        assertThat(cohorts.get(1).monthFrom().getMonthValue()).isEqualTo(4);
        assertThat(cohorts.get(1).segment()).isEqualTo(Segment.BPU);
    }

    @Test
    void aBudgetLineOrPlanNameOfZeroWidthCharactersOnlyIsNotGivenSoTheDefaultsApply() {
        // normalised, it was "": stored as an empty budget line and an empty name instead of the defaults
        List<InputProblem> problems = new ArrayList<>();
        List<Cohort> cohorts = RULES.cohorts(List.of(new PlanRequest.CohortInput("RT_RW", "BPU", 24L, null, List.of("JKK", "JKM"),
                "2027-03", "\u200B\u200B")), 2027, "APBDES", problems);
        assertThat(problems).isEmpty();
        assertThat(cohorts.get(0).budgetLine()).isEqualTo(BudgetLines.PERSONNEL);
        assertThat(new PlanRequest("APBDES:64.02.03.2007", 2027, null, List.of(), "\u200B").name()).isNull();
    }

    @Test
    void theReferenceDateOfAPastYearIsItsLastDayAndOtherwiseToday() {
        List<InputProblem> problems = new ArrayList<>();
        assertThat(PlanRules.referenceDate(null, 2025, TODAY, problems)).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(PlanRules.referenceDate(null, 2027, TODAY, problems)).isEqualTo(TODAY);
        PlanRules.referenceDate("31-12-2025", 2025, TODAY, problems);
        assertThat(problems).extracting(InputProblem::code).containsExactly("INVALID_DATE");
    }

    @Test
    void aReferenceDateLiesBetweenTwoYearsBeforeThePlansYearAndItsLastDay() {
        for (String outside : List.of("+999999-01-01", "0001-01-01", "2024-12-31", "2028-01-01")) {
            List<InputProblem> problems = new ArrayList<>();
            PlanRules.referenceDate(outside, 2027, TODAY, problems);
            assertThat(problems).as(outside).extracting(InputProblem::code).containsExactly("REFERENCE_DATE_OUT_OF_RANGE");
        }
        List<InputProblem> none = new ArrayList<>();
        assertThat(PlanRules.referenceDate("2025-01-01", 2027, TODAY, none)).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(PlanRules.referenceDate("2027-12-31", 2027, TODAY, none)).isEqualTo(LocalDate.of(2027, 12, 31));
        // a year no plan may have is the year's problem; no date is built from it
        assertThat(PlanRules.referenceDate(null, Integer.MIN_VALUE, TODAY, none)).isEqualTo(TODAY);
        assertThat(PlanRules.referenceDate("2027-01-01", Integer.MAX_VALUE, TODAY, none)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(none).isEmpty();
    }

    @Test
    void cohortsCoveringMoreThanTwentyMillionPeopleTogetherAreTooLargeThoughEachIsWithinItsMillion() {
        PlanRequest.CohortInput million = new PlanRequest.CohortInput("KEPALA_DESA", "PU", 1_000_000L, new BigDecimal("1000000000"),
                List.of("JKK", "JKM", "JHT", "JP"), "2027-01", null, 100_000L, 0L);
        // each covers 1,000,000 + 11 x 100,000 = 2,100,000 people over the year: nine are 18.9 million, ten 21 million
        List<InputProblem> nine = new ArrayList<>();
        assertThat(RULES.cohorts(java.util.Collections.nCopies(9, million), 2027, "APBDES", nine)).hasSize(9);
        assertThat(nine).isEmpty();
        List<InputProblem> ten = new ArrayList<>();
        RULES.cohorts(java.util.Collections.nCopies(10, million), 2027, "APBDES", ten);
        assertThat(ten).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("cohorts");
            assertThat(p.code()).isEqualTo("COUNT_TOO_LARGE");
        });
    }
    @Test
    void aPlanOfMoreThanTwoHundredCohortsIsRefusedAtOnceWithoutCheckingEachCohort() {
        PlanRequest.CohortInput one = cohort("NELAYAN", "BPU", 1L, "1000000", List.of("JKK", "JKM"));
        List<InputProblem> editorsRows = new ArrayList<>();
        assertThat(RULES.cohorts(java.util.Collections.nCopies(200, one), 2027, "APBDES", editorsRows)).hasSize(200);
        assertThat(editorsRows).isEmpty();
        // a 4 MB body held 30,000 cohorts: 22 s to cost, stored, and 10 MB of JSON on every read of the plan
        PlanRequest.CohortInput bad = cohort("NELAYAN", "BPU", -1L, "1000000", List.of("JKK", "JKM"));
        List<InputProblem> many = new ArrayList<>();
        assertThat(RULES.cohorts(java.util.Collections.nCopies(30_000, bad), 2027, "APBDES", many)).isEmpty();
        assertThat(many).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("cohorts");
            assertThat(p.code()).isEqualTo("TOO_MANY_COHORTS");
        });
    }
}
