package id.lindung.coverage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

class ProtectionCalendarTests {

    @Test
    void aDateFarBeyondTheHorizonDoesNotGrowTheCacheOfMonthRules() {
        ProtectionCalendar calendar = new ProtectionCalendar(month -> {
            throw new IllegalStateException("no rules in force in " + month);
        });
        calendar.params(LocalDate.of(2200, 1, 1), new MapSqlParameterSource());
        calendar.params(LocalDate.of(2015, 1, 1), new MapSqlParameterSource());
        long months = ChronoUnit.MONTHS.between(ProtectionCalendar.FIRST, ProtectionCalendar.HORIZON) + 1;
        assertThat(calendar.cached()).isEqualTo(months);
        assertThat(ProtectionCalendar.HORIZON).isBefore(YearMonth.of(2100, 1));
    }
}
