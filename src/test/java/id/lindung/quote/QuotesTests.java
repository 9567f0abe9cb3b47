package id.lindung.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.platform.InvalidInputException;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.RejectedException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rule set of a contribution quote (API, /simulasi and the CLI's quote all call it). */
class QuotesTests {

    static final Quotes QUOTES = Quotes.of(RegulationCatalog.loadDefault());

    static ContributionQuoteInput input(String segment, String wage, List<String> programs) {
        return new ContributionQuoteInput(segment, "2025-04", new BigDecimal(wage), "VERY_LOW", programs, false, false);
    }

    static InvalidInputException refused(ContributionQuoteInput in) {
        try {
            QUOTES.contribution(in);
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("accepted: " + in);
    }

    @Test
    void aProgrammeNamedTwiceIsRefusedNotQuotedOnce() {
        for (List<String> programs : List.of(List.of("JKK", "JKK"), List.of("JKM", "JKK", "JKM"), List.of("JKK,JKM,JKK"))) {
            InvalidInputException e = refused(input("PU", "2000000", programs));
            assertThat(e.problems()).as(programs.toString())
                    .anyMatch(p -> p.code().equals("PROGRAM_DUPLICATE") && p.field().equals("programs"));
        }
        assertThat(QUOTES.contribution(input("PU", "2000000", List.of("JKK", "JKM"))).lines()).hasSize(2);
    }

    @Test
    void segmentsAndProgrammesAreReadOnlyByTheirExactName() {
        assertThat(refused(input("pu", "2000000", List.of("JKK"))).problems()).anyMatch(p -> p.field().equals("segment")
                && p.code().equals("UNKNOWN_VALUE"));
        assertThat(refused(input("PU\u0000", "2000000", List.of("JKK"))).problems()).anyMatch(p -> p.field().equals("segment"));
        assertThat(refused(input("PU", "2000000", List.of("jkk"))).problems()).anyMatch(p -> p.field().equals("programs")
                && p.code().equals("UNKNOWN_VALUE"));
    }

    @Test
    void anAbsurdWageIsRefusedStatingTheBoundNotEchoingFourHundredDigits() {
        for (String wage : List.of("1e20", "1e400")) {
            assertThatThrownBy(() -> QUOTES.contribution(input("PU", wage, List.of("JKK")))).as(wage)
                    .isInstanceOfSatisfying(RejectedException.class, e -> {
                        assertThat(e.code()).isEqualTo("AMOUNT_TOO_LARGE");
                        assertThat(e.getMessage()).contains("100000000000").hasSizeLessThan(160);
                    });
        }
    }
}
