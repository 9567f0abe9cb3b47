package id.lindung.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH microbenchmarks of the main code (today {@link ContributionQuoteBenchmark}) inside this JVM, for
 * {@code bench} (section 7) and for the test that wraps them. JMH cannot fork from the jar (a fork is started as
 * {@code java -cp <the jar> org.openjdk.jmh.runner.ForkedMain}, and the classes are nested inside the jar, not on that
 * class path), so it runs with {@code forks(0)}: the figures share the JIT profile of the JVM that runs them, which is
 * why {@code bench} runs them first, before the server starts.
 */
final class MicroBenchmarks {

    /** One benchmark's score: its method, score, the 99.9% half-width JMH reports, and the unit. */
    record Score(String benchmark, double score, double error, String unit) {}

    private MicroBenchmarks() {}

    /**
     * Every benchmark of the main code, one thread, three warm-up iterations of one second and five measured ones of
     * {@code iterationSeconds}; JMH's own log goes to {@code log}.
     */
    static List<Score> run(int iterationSeconds, Path log) throws RunnerException {
        OptionsBuilder options = new OptionsBuilder();
        options.include("^" + java.util.regex.Pattern.quote(MicroBenchmarks.class.getPackageName()) + "\\.")
                .forks(0)
                .threads(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(Math.max(1, iterationSeconds)))
                .shouldFailOnError(true);
        if (log != null) {
            options.output(log.toAbsolutePath().toString());
        }
        List<Score> scores = new ArrayList<>();
        for (RunResult r : new Runner(options.build()).run()) {
            var primary = r.getPrimaryResult();
            scores.add(new Score(r.getParams().getBenchmark(), primary.getScore(), primary.getScoreError(), primary.getScoreUnit()));
        }
        return scores;
    }
}
