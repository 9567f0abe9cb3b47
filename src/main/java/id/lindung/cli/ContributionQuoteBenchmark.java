package id.lindung.cli;

import id.lindung.contribution.ContributionCalculator;
import id.lindung.contribution.ContributionQuote;
import id.lindung.contribution.ContributionRequest;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH microbenchmark: quotes per second of the contribution calculator on one thread, over a billing-like mix. In
 * the main code (not the tests) so that {@code bench} runs it from the jar ({@link MicroBenchmarks}); JMH must be
 * public to generate its harness.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ContributionQuoteBenchmark {

    private ContributionCalculator calculator;
    private ContributionRequest[] requests;
    private int next;

    @Setup
    public void setUp() {
        calculator = new ContributionCalculator(RegulationCatalog.loadBundled());
        // village apparatus PU with 2 or 4 programmes across 96 months, BPU packages, labour-intensive employers
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
}
