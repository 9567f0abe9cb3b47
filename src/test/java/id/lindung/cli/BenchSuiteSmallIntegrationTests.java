package id.lindung.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark suite (issue 16) at a size CI can afford: it builds its register in its own throwaway database, prints
 * the table and writes the JSON with every section measured and every figure positive, coverage and the village list
 * against their targets. No timed assertion: the figures depend on the machine, and whether a target is met is reported,
 * not asserted.
 */
class BenchSuiteSmallIntegrationTests {

    @Test
    void theSuiteRunsAtASmallSizeAndReportsEverySectionWithPositiveFigures() throws Exception {
        Path out = Path.of("target", "bench-small");
        Files.deleteIfExists(out.resolve("server.log"));
        CommandLineTests.Run run = CommandLineTests.run("bench", "--workers", "4000", "--import-rows", "2500", "--months", "2",
                "--seconds", "2", "--clients", "10", "--village-workers", "300", "--claims-per-thousand", "3", "--no-fsync",
                "--out", out.toString());
        // the issue: the small run "runs in CI in a few minutes and prints the table"; run() captures stdout, so the
        // table is printed again here, where CI's log shows it
        System.out.println(run.out());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Lindung benchmark suite", "1-import", "2-billing", "3-protection", "4-coverage", "5-api",
                "6-memory", "7-jmh", "target", "load");

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(out.resolve("bench.json")));
        assertThat(json.get("machine").get("cores").asInt()).isPositive();
        // the command as run, with the JVM's -X options and never a -D one (a password given as a property stays out of the file)
        assertThat(json.get("command").asString()).startsWith("java ").contains("bench --workers 4000", "--load-client auto")
                .doesNotContain(" -D");
        assertThat(json.get("loadClient").asString()).isNotBlank();
        List<JsonNode> figures = json.get("figures").valueStream().toList();
        Set<String> sections = figures.stream().map(f -> f.get("section").asString()).collect(Collectors.toSet());
        assertThat(sections).contains("0-register", "1-import", "2-billing", "3-protection", "4-coverage", "5-api", "6-memory", "7-jmh");
        assertThat(json.get("notMeasured").has("4-coverage")).isFalse();
        for (JsonNode f : figures) {
            assertThat(f.get("value").asDouble()).as(f.toString()).isPositive();
            assertThat(f.has("loadStart") && f.has("loadEnd")).as(f.toString()).isTrue();
        }
        // the figures the targets are read from, each beside its floor
        Map<String, JsonNode> byName = figures.stream().collect(Collectors.toMap(f -> f.get("name").asString(), f -> f, (a, b) -> a));
        assertThat(byName.keySet()).anyMatch(n -> n.startsWith("staged import end to end"))
                .anyMatch(n -> n.startsWith("fair floor")).anyMatch(n -> n.startsWith("floor: raw COPY"))
                .anyMatch(n -> n.startsWith("billing run")).anyMatch(n -> n.startsWith("floor: INSERT"));
        figures.stream().filter(f -> f.get("name").asString().startsWith("staged import") || f.get("name").asString().startsWith("billing run of"))
                .forEach(f -> assertThat(f.get("ratio").asDouble()).as(f.toString()).isPositive());
        // every target issue 16 sets is read beside its figure, as "met" or "NOT met" (the import's and the quotes' had none)
        Map<String, Double> targets = new java.util.TreeMap<>();
        figures.stream().filter(f -> f.hasNonNull("target")).forEach(f -> targets.put(f.get("name").asString(), f.get("target").asDouble()));
        assertThat(targets).containsEntry("staged import end to end (validate + apply)", 40_000.0)
                .containsEntry("import: times the fair floor", 2.0).containsEntry("billing run: times the floor", 1.25)
                .containsEntry("billing run: seconds per million active memberships", 30.0)
                .containsEntry("contribution quote, 10 clients", 5_000.0).containsEntry("contribution quote, 10 clients: p99", 20.0);
        figures.stream().filter(f -> f.hasNonNull("target")).forEach(f -> assertThat(f.get("met").isBoolean()).as(f.toString()).isTrue());
        assertThat(run.out()).containsPattern("staged import end to end .* target at least 40,000 rows/s: (met|NOT met)");
        // the coverage section also times bringing the rollups up to the generated history: set-up, not a read
        java.util.function.Predicate<JsonNode> warmUp = f -> f.get("name").asString().startsWith("rollups brought up");
        assertThat(figures).filteredOn(warmUp).singleElement().satisfies(f -> assertThat(f.get("unit").asString()).isEqualTo("s"));
        java.util.function.Predicate<JsonNode> p95 = f -> f.get("section").asString().equals("4-coverage")
                && f.get("name").asString().endsWith(": p95");
        figures.stream().filter(f -> f.get("unit").asString().equals("req/s") || p95.test(f))
                .forEach(f -> assertThat(f.get("note").asString()).as(f.toString()).contains(" 0 errors"));
        // coverage: four levels on two dates, two children lists and the large village's list (API and page), each with its
        // target on its p95, and its p50 and p99 beside it
        List<JsonNode> coverage = figures.stream().filter(p95).toList();
        assertThat(coverage).hasSize(12).allSatisfy(f -> assertThat(f.get("target").asDouble()).isPositive());
        for (String percentile : List.of(": p50", ": p99")) {
            assertThat(figures).filteredOn(f -> f.get("section").asString().equals("4-coverage")
                    && f.get("name").asString().endsWith(percentile)).hasSize(12);
        }
        assertThat(coverage).anyMatch(f -> f.get("name").asString().startsWith("village worker list, first page (API)"))
                .anyMatch(f -> f.get("name").asString().startsWith("coverage children of the nation"));
        assertThat(json.get("register").get("largeVillageWorkers").asInt()).isEqualTo(300);
        assertThat(json.get("register").get("extremePoor").asInt()).isPositive();
        assertThat(byName.keySet()).anyMatch(n -> n.startsWith("claims opened"));
        assertThat(out.resolve("data")).doesNotExist();
        // the server's log outlives the database: the billing run's step times explain its figure afterwards
        assertThat(Files.readString(out.resolve("server.log"))).contains("bills with their first versions in");
    }
}
