package id.lindung.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench}'s options as the audit of issue 16 checked them: a bad value is refused before anything starts, in one
 * line naming the option, with exit status 2 (bad arguments), never a stack trace; and the suite never deletes a
 * folder it did not make. None of these starts a server.
 */
class BenchCommandOptionsTests {

    @TempDir
    Path dir;

    private static void refused(CommandLineTests.Run run, String... says) {
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).as(run.err()).startsWith("error: ").contains(says).doesNotContain("Exception", "\tat ");
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
    }

    /**
     * {@code --claims-per-thousand NaN} passed the old {@code < 0} check (and {@code Infinity} made -1 claims); each bad
     * value now names its own option. With the old check the NaN got as far as the load client's refusal.
     */
    @Test
    void aValueBelowItsLeastOrNoNumberIsRefusedNamingItsOption() {
        String out = dir.resolve("out").toString();
        refused(CommandLineTests.run("bench", "--workers", "0", "--out", out), "--workers must be a number of at least 1, not 0");
        refused(CommandLineTests.run("bench", "--workers", "-5", "--out", out), "--workers", "not -5");
        refused(CommandLineTests.run("bench", "--workers", "10", "--clients", "0", "--out", out), "--clients", "not 0");
        refused(CommandLineTests.run("bench", "--workers", "10", "--months", "-1", "--out", out), "--months", "not -1");
        for (String bad : List.of("NaN", "Infinity", "-0.5")) {
            refused(CommandLineTests.run("bench", "--workers", "10", "--claims-per-thousand", bad, "--load-client", "nonsense",
                    "--out", out), "--claims-per-thousand must be a number of at least 0, not " + bad);
        }
        assertThat(dir.resolve("out")).doesNotExist();
    }

    /** Every option of {@code bench --help} with a default says it; --out did not (target/bench). */
    @Test
    void helpGivesEachDefault() {
        CommandLineTests.Run help = CommandLineTests.run("bench", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("(default target/bench)", "(default 50)", "(default 12)", "(default 20)");
    }

    /** An --out that is a file printed the path alone ("error: /tmp/x") with exit 1 and a stack trace from the log. */
    @Test
    void anOutThatIsAFileOrCannotBeMadeIsABadArgumentSaidInOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        refused(CommandLineTests.run("bench", "--workers", "10", "--no-jmh", "--out", file.toString()), "--out", "is a file, not a folder");
        refused(CommandLineTests.run("bench", "--workers", "10", "--no-jmh", "--out", file.resolve("sub").toString()), "--out",
                "cannot be made", "Not a directory");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    /**
     * {@code bench --out .} where Lindung keeps its database ({@code ./data} by default) deleted that database before
     * starting its own there. A folder OUT/data that bench did not make is now refused and left as it was; one it made
     * (its mark inside) or an empty one is emptied for the fresh database as before.
     */
    @Test
    void aDataFolderTheSuiteDidNotMakeIsRefusedAndKept() throws Exception {
        Path out = dir.resolve("deployment");
        Path credentials = Files.createDirectories(out.resolve("data").resolve("pg")).resolveSibling("db-credentials.properties");
        Files.writeString(credentials, "password=kept");
        refused(CommandLineTests.run("bench", "--workers", "10", "--no-jmh", "--out", out.toString()), "--out",
                "exists and was not made by bench");
        assertThat(credentials).hasContent("password=kept");
        assertThat(out.resolve("data").resolve("pg")).isDirectory();

        Path own = dir.resolve("own");
        Files.createDirectories(own.resolve("data").resolve("pg"));
        Files.createFile(own.resolve("data").resolve(BenchCommand.DATA_MARK));
        Files.writeString(own.resolve("data").resolve("pg").resolve("PG_VERSION"), "18");
        assertThat(BenchCommand.benchData(own)).isEqualTo(own.resolve("data").toAbsolutePath());
        assertThat(own.resolve("data").resolve("pg")).doesNotExist();
        assertThat(own.resolve("data").resolve(BenchCommand.DATA_MARK)).exists();

        Path empty = Files.createDirectories(dir.resolve("empty").resolve("data")).getParent();
        assertThat(BenchCommand.benchData(empty).resolve(BenchCommand.DATA_MARK)).exists();
    }

    /** The issue asks p50/p95/p99 of each coverage case: bench.json had the p95 alone as a figure, the others in a note. */
    @Test
    void eachCoverageCaseGivesItsP50P95AndP99AsFigures() {
        BenchReport report = new BenchReport();
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (i + 1) * 1_000_000L;
        }
        new BenchCoverage.Result(nanos, 0, null, 0.5, 0.5).report(report,
                new BenchCoverage.Case("coverage object, nation, today", "/api/v1/coverage", BenchCoverage.OBJECT_TARGET_MS));
        assertThat(report.figures).extracting(BenchReport.Figure::name).containsExactlyInAnyOrder(
                "coverage object, nation, today: p50", "coverage object, nation, today: p95", "coverage object, nation, today: p99");
        assertThat(report.figures).allSatisfy(f -> assertThat(f.section()).isEqualTo("4-coverage"))
                .allSatisfy(f -> assertThat(f.unit()).isEqualTo("ms"));
        assertThat(report.figures).filteredOn(f -> f.name().endsWith(": p50")).singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualTo(50.0));
        assertThat(report.figures).filteredOn(f -> f.name().endsWith(": p99")).singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualTo(99.0));
        assertThat(report.figures).filteredOn(f -> f.name().endsWith(": p95")).singleElement()
                .satisfies(f -> assertThat(f.target()).isEqualTo(50.0)).satisfies(f -> assertThat(f.value()).isEqualTo(95.0));
    }
}
