package id.lindung.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * PP 49/2020 deferred 99% of JP for the contribution months August 2020 to January 2021, to be settled between
 * 15 May 2021 and 15 April 2022: the bills due in that window (contribution months April 2021 to March 2022) each
 * carry one instalment (covid-relief.yaml; the split is flagged unverified).
 */
class DeferredJpRepaymentTests {

    static final ContributionCalculator CALCULATOR = new ContributionCalculator(RegulationCatalog.loadBundled());

    @ParameterizedTest(name = "{0}: instalment {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2021-03 | 0  | 
            2021-04 | 1  | 2021-05-17
            2021-05 | 2  | 2021-06-15
            2022-02 | 11 | 2022-03-15
            2022-03 | 12 | 2022-04-15
            2022-04 | 0  | 
            """)
    void theDeferredJpIsBilledOnTheBillsDueFrom15May2021To15April2022(String month, int instalment, String due) {
        ContributionSchedule s = CALCULATOR.schedule(YearMonth.parse(month));
        if (instalment == 0) {
            assertThat(s.jpRepayment()).as(month).isNull();
            return;
        }
        assertThat(s.jpRepayment()).isEqualTo(new ContributionSchedule.JpRepayment(YearMonth.of(2020, 8), YearMonth.of(2021, 1),
                instalment, 12));
        // 15 May 2021 is a Saturday: the first bill is due on the Monday after, inside the window
        assertThat(s.dueDate(Segment.PU)).isEqualTo(LocalDate.parse(due))
                .isBetween(LocalDate.of(2021, 5, 15), LocalDate.of(2022, 4, 15));
        assertThat(s.references()).extracting(r -> r.parameter())
                .contains("relief.jp.repayment.instalments", "relief.jp.repayment.firstMonth", "relief.jp.deferredDueUntil");
    }

    @Test
    void theRepaymentParametersChangeTheRegulationVersionOfTheMonthsThatCarryThem() {
        assertThat(CALCULATOR.schedule(YearMonth.of(2021, 4)).values()).extracting(v -> v.parameter())
                .contains("relief.jp.repayment.instalments");
        assertThat(CALCULATOR.schedule(YearMonth.of(2021, 3)).values()).extracting(v -> v.parameter())
                .doesNotContain("relief.jp.repayment.instalments");
    }

    @Test
    void theInstalmentsAddUpToTheDeferredDebtToTheRupiah() {
        Random random = new Random(49);
        for (int i = 0; i < 500; i++) {
            Rupiah total = Rupiah.of(random.nextInt(2_000_000));
            Rupiah sum = Rupiah.ZERO;
            for (YearMonth m = YearMonth.of(2021, 4); !m.isAfter(YearMonth.of(2022, 3)); m = m.plusMonths(1)) {
                Rupiah part = CALCULATOR.schedule(m).jpRepayment().of(total);
                assertThat(part.isNegative()).isFalse();
                assertThat(part.isWhole()).isTrue();
                sum = sum.plus(part);
            }
            assertThat(sum).as("total " + total).isEqualTo(total);
        }
    }

    @Test
    void anUnevenDebtIsSplitByCumulativeRoundingHalfUp() {
        // 278,670 / 12 = 23,222.5: the parts alternate 23,223 and 23,222 (cumulative amounts rounded half up)
        Rupiah total = Rupiah.of(278_670);
        assertThat(CALCULATOR.schedule(YearMonth.of(2021, 4)).jpRepayment().of(total)).isEqualTo(Rupiah.of(23_223));
        assertThat(CALCULATOR.schedule(YearMonth.of(2021, 5)).jpRepayment().of(total)).isEqualTo(Rupiah.of(23_222));
        assertThat(CALCULATOR.schedule(YearMonth.of(2022, 3)).jpRepayment().of(total)).isEqualTo(Rupiah.of(23_222));
    }
}
