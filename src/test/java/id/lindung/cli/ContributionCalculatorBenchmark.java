package id.lindung.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Quotes per second of the contribution calculator on one thread: the JMH benchmark {@link ContributionQuoteBenchmark}
 * (main code, so that {@code bench} runs it from the jar too) with two-second iterations. Run with
 * {@code ./mvnw test -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=ContributionCalculatorBenchmark}
 * (docs/benchmarks.md).
 */
@Tag("benchmark")
class ContributionCalculatorBenchmark {

    @Test
    void quotesPerSecondOnOneThread() throws Exception {
        List<MicroBenchmarks.Score> scores = MicroBenchmarks.run(2, null);
        MicroBenchmarks.Score quote = scores.stream().filter(s -> s.benchmark().endsWith(".quote")).findFirst().orElseThrow();
        System.out.printf("%nContribution calculator: %,.0f quotes/second on one thread (± %,.0f)%n", quote.score(), quote.error());
        assertThat(quote.score()).isPositive();
    }
}
