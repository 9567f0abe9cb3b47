package id.lindung.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an amount cell of an imported spreadsheet may hold: the shapes Excel writes with Indonesian or English settings. */
class RupiahTextTests {

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', value = {
            "1500000              | 1500000",
            "Rp 1.500.000         | 1500000",
            "Rp1.500.000          | 1500000",
            "Rp1.500.000,00       | 1500000",
            "Rp. 1.500.000        | 1500000",
            "rp 1.500.000,-       | 1500000",
            "1.500.000,-          | 1500000",
            "IDR 1,500,000        | 1500000",
            "idr1500000           | 1500000",
            "1.500.000            | 1500000",
            "1.500.000,5          | 1500000.5",
            "1.500.000,50         | 1500000.50",
            "1,500,000            | 1500000",
            "1,500,000.00         | 1500000",
            "1,500,000.5          | 1500000.5",
            "1500000,00           | 1500000",
            "1500000.50           | 1500000.50",
            "1500000,5            | 1500000.5",
            "'  1.500.000  '      | 1500000",
            "-1.500               | -1500",
            "Rp -1.500            | -1500",
            "-Rp 1.500            | -1500",
            "0                    | 0",
            "123456789012345678901234567890 | 123456789012345678901234567890",
    })
    void readsWhatExcelWritesInEitherLanguage(String text, BigDecimal expected) {
        assertThat(RupiahText.parse(text)).isEqualByComparingTo(expected);
    }

    @Test
    void oneMarkBeforeThreeDigitsGroupsThousandsAsIndonesianPricesAreWritten() {
        // Rp 1.500 is fifteen hundred rupiah, not one and a half: three decimals would be finer than a sen anyway
        assertThat(RupiahText.parse("1.500")).isEqualByComparingTo("1500");
        assertThat(RupiahText.parse("Rp 1.500")).isEqualByComparingTo("1500");
        // the English mark the same way, so that one file never reads one way in one row and another in the next
        assertThat(RupiahText.parse("1,500")).isEqualByComparingTo("1500");
        assertThat(RupiahText.parse("999.999")).isEqualByComparingTo("999999");
    }

    @Test
    void excelsNoBreakSpaceAfterRpIsASpace() {
        assertThat(RupiahText.parse("Rp\u00A01.500.000")).isEqualByComparingTo("1500000");
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @CsvSource(delimiter = '|', value = {
            "1.50.000",          // a group of two
            "15.00.000",         // Indian lakh grouping
            "1.5000.000",        // a group of four
            "1.500,000.00",      // both marks grouping
            "1,500.000,00",
            "1.500.000.00",      // a decimal point after dot groups
            "1,500,000,00",      // a decimal comma after comma groups
            "1 500 000",         // a space inside the digits
            "Rp 1.500.000 IDR",
            "1e6",
            "satu juta",
            "Rp",
            "''",
            "'   '",
            "--5",
            "+5",
            "(1.500)",
            ".5",
            "1500000.",
            "1500000,",
            "USD 1,500",
            "1.500.000,--",
            "1,500,000.-",
            "１５００",            // full-width digits
    })
    void refusesWhatCouldBeReadTwoWaysOrIsNoAmount(String text) {
        assertThatThrownBy(() -> RupiahText.parse(text)).isInstanceOfSatisfying(RupiahText.Unreadable.class,
                e -> assertThat(e.reason()).isEqualTo(RupiahText.Reason.NOT_AN_AMOUNT));
    }

    @ParameterizedTest(name = "''{0}'' is finer than a sen")
    @CsvSource(delimiter = '|', value = {
            "1500000.505",
            "1500000,505",
            "1500,000",
            "1.500.000,000",
            "1,500,000.125",
            "1500000.0000",
    })
    void refusesThreeOrMoreDecimalsRatherThanRounding(String text) {
        assertThatThrownBy(() -> RupiahText.parse(text)).isInstanceOfSatisfying(RupiahText.Unreadable.class,
                e -> assertThat(e.reason()).isEqualTo(RupiahText.Reason.MORE_THAN_TWO_DECIMALS));
    }

    @Test
    void refusesNothingAtAll() {
        assertThatThrownBy(() -> RupiahText.parse(null)).isInstanceOf(RupiahText.Unreadable.class);
    }
}
