package id.lindung.budget;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.platform.InputProblem;
import id.lindung.shared.Programme;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CohortFlowsTests {

    static Cohort fishers(int count, int joiners, int leavers) {
        return new Cohort("NELAYAN", Segment.BPU, count, Rupiah.of(1_000_000), EnumSet.of(Programme.JKK, Programme.JKM),
                YearMonth.of(2026, 3), BudgetLines.SOCIAL_PROTECTION, joiners, leavers);
    }

    @Test
    void joinersAndLeaversMoveTheHeadCountEveryMonthAfterTheFirst() {
        Cohort k = fishers(10, 3, 1);
        assertThat(k.countIn(YearMonth.of(2026, 2))).isZero();
        assertThat(k.countIn(YearMonth.of(2026, 3))).isEqualTo(10);
        assertThat(k.countIn(YearMonth.of(2026, 4))).isEqualTo(12);
        assertThat(k.countIn(YearMonth.of(2026, 12))).isEqualTo(10 + 2 * 9);
        // everyone covered at some time: the first ten and three joiners in each of the nine months after March
        assertThat(k.people()).isEqualTo(10 + 3 * 9);
    }

    @Test
    void leaversNeverTakeTheHeadCountBelowNone() {
        Cohort k = fishers(5, 0, 2);
        assertThat(k.countIn(YearMonth.of(2026, 4))).isEqualTo(3);
        assertThat(k.countIn(YearMonth.of(2026, 5))).isEqualTo(1);
        assertThat(k.countIn(YearMonth.of(2026, 6))).isZero();
        assertThat(k.countIn(YearMonth.of(2026, 12))).isZero();
    }

    @Test
    void theProjectionCostsEachMonthsHeadCount() {
        Cohort k = fishers(10, 3, 1);
        PlanProjection.Result r = new PlanProjection(PlanProjectionTests.CATALOG).project(2026, PlanCosting.cohortLines(k, 2026));
        // Rp 16,800 a person a month (JKK 1% of Rp 1,000,000 + JKM Rp 6,800)
        long personMonths = 0;
        for (int m = 3; m <= 12; m++) {
            long count = k.countIn(YearMonth.of(2026, m));
            personMonths += count;
            assertThat(r.months().get(m - 1).total()).as("month %d", m).isEqualTo(Rupiah.of(16_800L * count));
        }
        assertThat(r.months().get(1).total()).isEqualTo(Rupiah.ZERO);
        assertThat(r.total()).isEqualTo(Rupiah.of(16_800L * personMonths));
    }

    @Test
    void negativeJoinersOrLeaversAreRefusedWithTheirOwnField() {
        List<InputProblem> problems = new ArrayList<>();
        PlanRulesTests.RULES.cohorts(List.of(new PlanRequest.CohortInput("NELAYAN", "BPU", 3L, new BigDecimal("1000000"),
                List.of("JKK", "JKM"), null, null, -1L, -2L)), 2026, "APBDES", problems);
        assertThat(problems).extracting(InputProblem::field, InputProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cohorts[0].joiners", "NEGATIVE_COUNT"),
                org.assertj.core.groups.Tuple.tuple("cohorts[0].leavers", "NEGATIVE_COUNT"));
    }
}
