package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.platform.InvalidInputException;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BackfillRuleTests {

    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    @ParameterizedTest(name = "window {0}: {1} is a backfill: {2}")
    @CsvSource({
            "1, 2026-12, false",
            "1, 2026-11, true",
            "2, 2026-12, false",
            "2, 2026-11, false",   // the default: this month and the previous one are normal
            "2, 2026-10, true",
            "2, 2025-06, true",    // the README's old example, 18 months back
            "3, 2026-10, false",
            "3, 2026-09, true"})
    void aMonthOlderThanTheWindowIsABackfill(int window, YearMonth month, boolean backfill) {
        assertThat(new BackfillRule(window).beforeWindow(month, DECEMBER).isPresent()).isEqualTo(backfill);
    }

    @Test
    void linesForAPayerAlreadyBilledForALaterMonthAreABackfill() {
        assertThat(new BackfillRule(2).earlierThanLatest(0)).isEmpty();
        assertThat(new BackfillRule(2).earlierThanLatest(3)).get().asString().contains("3 payer(s)", "later month");
    }

    @Test
    void aRefusalNamesItsCodeAndReasonsAndNoReasonRefusesNothing() {
        new BackfillRule(2).refuse(List.of());
        assertThatThrownBy(() -> new BackfillRule(2).refuse(List.of("2025-06 is older than the billing window")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.code()).isEqualTo("BACKFILL_NOT_CONFIRMED");
                        assertThat(p.field()).isEqualTo("backfill");
                    });
                    assertThat(e.kind()).isEqualTo(InvalidInputException.Kind.REFUSED);
                })
                .hasMessageContaining("2025-06 is older than the billing window").hasMessageContaining("dry run");
    }

    @Test
    void aWindowShorterThanOneMonthIsAConfigurationError() {
        assertThatThrownBy(() -> new BackfillRule(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lindung.billing.backfill-window-months");
    }
}
