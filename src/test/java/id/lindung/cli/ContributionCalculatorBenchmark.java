package id.lindung.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import java.time.YearMonth;
import java.util.Collection;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Quotes per second of the contribution calculator on one thread. Run with
 * {@code ./mvnw test -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=ContributionCalculatorBenchmark}
 * (docs/benchmarks.md).
 */
@Tag("benchmark")
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ContributionCalculatorBenchmark {

    private ContributionCalculator calculator;
    private ContributionRequest[] requests;
    private int next;

    @Setup
    public void setUp() {
        calculator = new ContributionCalculator(RegulationCatalog.loadBundled());
        // a billing-like mix: village apparatus PU with 2 or 4 programmes across months, and BPU packages
        requests = new ContributionRequest[1024];
        for (int i = 0; i < requests.length; i++) {
            YearMonth month = YearMonth.of(2019, 1).plusMonths(i % 96);
            Rupiah wage = Rupiah.of(1_000_000 + (i * 37_531L) % 12_000_000);
            requests[i] = switch (i % 4) {
                case 0 -> ContributionRequest.pu(month, wage, RiskGroup.VERY_LOW, EnumSet.of(Programme.JKK, Programme.JKM, Programme.JHT, Programme.JP));
                case 1 -> ContributionRequest.pu(month, wage, RiskGroup.VERY_LOW, EnumSet.of(Programme.JKK, Programme.JKM));
                case 2 -> ContributionRequest.bpu(month, Rupiah.of(1_000_000 + (i * 100_000L) % 19_700_000), EnumSet.of(Programme.JKK, Programme.JKM));
                default -> ContributionRequest.pu(month, wage, RiskGroup.MEDIUM, EnumSet.of(Programme.JKK, Programme.JKM, Programme.JHT))
                        .withLabourIntensive(true, false);
            };
        }
        for (ContributionRequest r : requests) {
            calculator.quote(r);
        }
    }

    @Benchmark
    public ContributionQuote quote() {
        ContributionRequest r = requests[next++ & 1023];
        return calculator.quote(r);
    }

    @Test
    void quotesPerSecondOnOneThread() throws Exception {
        Options options = new OptionsBuilder()
                .include(ContributionCalculatorBenchmark.class.getName() + ".quote")
                .forks(0)
                .threads(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double perSecond = results.iterator().next().getPrimaryResult().getScore();
        System.out.printf("%nContribution calculator: %,.0f quotes/second on one thread%n", perSecond);
        assertThat(perSecond).isPositive();
    }
}
