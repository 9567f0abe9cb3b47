package id.lindung.benefit;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Rejection;
import id.lindung.shared.Rupiah;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JP pension age of PP 45/2015 Pasal 15 (RULES.md 4.5), dated: 56 from July 2015, 57 from 2019, 58 from 2022, 59 from
 * 2025, then one more every three years. It is reached on the first birthday on which the person is at least the age in
 * force that day, and stays reached when the age in force rises later.
 */
class PensionAgeTests {

    static final BenefitCalculator CALCULATOR = new BenefitCalculator(RegulationCatalog.loadBundled());

    @ParameterizedTest(name = "born {0}: pension age reached on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1959-05-01 | 2015-05-01
            1963-02-10 | 2020-02-10
            1966-12-15 | 2024-12-15
            1967-06-01 | 2026-06-01
            1974-09-14 | 2036-09-14
            """)
    void thePensionAgeIsReachedOnTheFirstBirthdayAtTheAgeInForce(String born, String reached) {
        assertThat(CALCULATOR.pensionAgeReachedOn(LocalDate.parse(born))).isEqualTo(LocalDate.parse(reached));
    }

    @ParameterizedTest(name = "born {0}, claim on {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1966-12-15 | 2025-02-01 | JP_CONTRIBUTIONS
            1967-06-01 | 2026-05-31 | PENSION_AGE_NOT_REACHED
            1967-06-01 | 2026-06-01 | JP_CONTRIBUTIONS
            1974-09-14 | 2026-12-01 | PENSION_AGE_NOT_REACHED
            """)
    void anOldAgeCaseBeforeThePensionAgeIsRefusedWithItsCode(String born, String date, String outcome) {
        BenefitQuote q = CALCULATOR.quote(BenefitRequest.pension(LocalDate.parse(date), 12, Rupiah.of(3_000_000))
                .withPension(new PensionFacts(LocalDate.parse(born), null,
                        List.of(new PensionFacts.Paid(YearMonth.of(2024, 1), Rupiah.of(90_000))))));
        List<String> codes = q.eligible() ? q.components().stream().map(BenefitComponent::code).toList()
                : q.rejections().stream().map(Rejection::code).toList();
        assertThat(codes).first().isEqualTo(outcome);
    }
}
