package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.platform.InputProblem;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The request-only payment bounds: their messages state the bound, never a huge number back at length. */
class PaymentBoundsTests {

    private final PaymentBounds bounds = new PaymentBounds(null, Clock.fixed(java.time.Instant.parse("2026-12-01T00:00:00Z"),
            ZoneOffset.UTC), new BigDecimal("10000000"), new BigDecimal("1000000000000"));

    private InputProblem onlyProblemFor(String amount) {
        var problems = bounds.check(new Payments.PaymentRequest("APBDES:64.02.05.2001", "R-1", LocalDate.of(2026, 11, 2),
                new BigDecimal(amount), null));
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void anAmountOf1e400IsRefusedAboveTheMaximumWithoutEchoingFourHundredDigits() {
        InputProblem problem = onlyProblemFor("1e400");
        assertThat(problem.code()).isEqualTo("AMOUNT_ABOVE_MAXIMUM");
        assertThat(problem.message()).contains("1E+400", "1000000000000").hasSizeLessThan(120);
        assertThat(onlyProblemFor("-1e400").message()).hasSizeLessThan(80);
    }

    @Test
    void anOrdinaryAmountIsRepeatedAsWritten() {
        assertThat(InputProblem.shown(new BigDecimal("2000000000000.50"))).isEqualTo("2000000000000.50");
        assertThat(InputProblem.shown(new BigDecimal("123456789012345678901234567890"))).isEqualTo("1.23457E+29");
    }
}
