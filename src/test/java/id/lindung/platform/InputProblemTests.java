package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A message repeats a number short, whatever was sent. */
class InputProblemTests {

    @Test
    void aNumberIsRepeatedAsWrittenWhenShortAndInScientificFormWithoutEverWritingItOut() {
        assertThat(InputProblem.shown(new BigDecimal("150"))).isEqualTo("150");
        assertThat(InputProblem.shown(new BigDecimal("1500000.50"))).isEqualTo("1500000.50");
        // the plain form of 1e999999999 has a billion digits: told from precision and scale, never written (it was an OOM)
        assertThat(InputProblem.shown(new BigDecimal("1e999999999"))).isEqualTo("1E+999999999");
        assertThat(InputProblem.shown(new BigDecimal("1e-999999999"))).isEqualTo("1E-999999999");
        assertThat(InputProblem.shown(new BigDecimal("123456789012345678901234567890"))).isEqualTo("1.23457E+29");
    }
}
