package id.lindung.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RupiahTests {

    @ParameterizedTest(name = "{0} rounded {1} is {2}")
    @CsvSource({
            "4501.50, HALF_UP, 4502", "4501.49, HALF_UP, 4501", "4502.50, HALF_EVEN, 4502", "4501.50, HALF_EVEN, 4502",
            "4501.50, HALF_DOWN, 4501", "4501.01, UP, 4502", "4501.99, DOWN, 4501", "-4501.50, HALF_UP, -4502",
            "-4501.01, FLOOR, -4502", "-4501.99, CEILING, -4501", "4501.00, UNNECESSARY, 4501"})
    void everyRoundingNamesItsMode(String amount, RoundingMode mode, long expected) {
        assertThat(Rupiah.parse(amount).roundToRupiah(mode)).isEqualTo(Rupiah.of(expected));
    }

    @Test
    void roundingThatIsNecessaryButNotAllowedThrows() {
        assertThatThrownBy(() -> Rupiah.parse("1.50").roundToRupiah(RoundingMode.UNNECESSARY)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Rupiah.of(new BigDecimal("1.005"))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void ratesApplyWithOneRoundingAndRefuseInexactProducts() {
        assertThat(Rate.ofPercent("0.24").applyTo(Rupiah.parse("2333641.85"), RoundingMode.HALF_UP)).isEqualTo(Rupiah.of(5601));
        assertThat(Rate.ofPercent("0.24").applyToSen(Rupiah.parse("2333641.85"), RoundingMode.HALF_UP)).isEqualTo(Rupiah.parse("5600.74"));
        assertThat(Rate.ofPercent("0.89").times(Rate.ofPercent("50"))).isEqualTo(Rate.ofPercent("0.445"));
        assertThat(Rate.ofPercent("0.445").times(Rate.ofPercent("1"))).isEqualTo(Rate.ofPercent("0.00445"));
        assertThatThrownBy(() -> Rate.ofPercent("0.000000001")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overflowThrowsInsteadOfWrapping() {
        assertThatThrownBy(() -> Rupiah.of(Long.MAX_VALUE / 10)).isInstanceOf(ArithmeticException.class);
        Rupiah big = Rupiah.ofSen(Long.MAX_VALUE / 2);
        assertThatThrownBy(() -> big.plus(big).plus(big)).isInstanceOf(ArithmeticException.class);
        // a product that does not fit a long is computed exactly with BigInteger
        assertThat(Rupiah.of(50_000_000_000L).scaleToRupiah(1_000_000_000L, 1_000_000_000L, RoundingMode.HALF_UP))
                .isEqualTo(Rupiah.of(50_000_000_000L));
    }

    @Test
    void jsonNumbersAreWholeRupiahWithoutDecimalsAndNeverScientific() {
        assertThat(Rupiah.of(216_000_000).toNumber().toString()).isEqualTo("216000000");
        assertThat(Rupiah.parse("5600.74").toNumber().toString()).isEqualTo("5600.74");
        assertThat(Rupiah.parse("5600.70").toNumber().toString()).isEqualTo("5600.70");
    }

    @Test
    void bandFloorsRoundDownToTheStep() {
        assertThat(Rupiah.of(1_099_999).roundToMultipleOf(Rupiah.of(100_000), RoundingMode.FLOOR)).isEqualTo(Rupiah.of(1_000_000));
        assertThat(Rupiah.of(1_100_000).roundToMultipleOf(Rupiah.of(100_000), RoundingMode.FLOOR)).isEqualTo(Rupiah.of(1_100_000));
    }
}
