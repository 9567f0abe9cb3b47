package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** Payment files carry ISO dates or DD/MM/YYYY as Indonesian bank statements print them, never month first. */
class PaymentStatementDateTests {

    @Test
    void isoAndDayMonthYearAreTheSameDate() {
        assertThat(PaymentFileRows.statementDate("2024-01-05")).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(PaymentFileRows.statementDate("05/01/2024")).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(PaymentFileRows.statementDate(" 5/1/2024 ")).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(PaymentFileRows.statementDate("29/02/2024")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void monthFirstImpossibleAndTwoDigitYearsAreRejected() {
        for (String bad : new String[] {"01/31/2024", "30/02/2024", "29/02/2023", "05/01/24", "2024/01/05", "05-01-2024", ""}) {
            assertThatThrownBy(() -> PaymentFileRows.statementDate(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
    }
}
