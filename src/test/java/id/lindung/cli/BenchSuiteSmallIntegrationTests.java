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
 * the table and writes the JSON with every section measured (coverage is a hook left for issue 14) and every figure
 * positive. No timed assertion: the figures depend on the machine.
 */
class BenchSuiteSmallIntegrationTests {

    @Test
    void theSuiteRunsAtASmallSizeAndReportsEverySectionWithPositiveFigures() throws Exception {
        Path out = Path.of("target", "bench-small");
        CommandLineTests.Run run = CommandLineTests.run("bench", "--workers", "4000", "--import-rows", "2500", "--months", "2",
                "--seconds", "2", "--clients", "10", "--no-fsync", "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Lindung benchmark suite", "1-import", "2-billing", "3-protection", "5-api", "6-memory",
                "not measured", "load");

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(out.resolve("bench.json")));
        assertThat(json.get("machine").get("cores").asInt()).isPositive();
        List<JsonNode> figures = json.get("figures").valueStream().toList();
        Set<String> sections = figures.stream().map(f -> f.get("section").asString()).collect(Collectors.toSet());
        assertThat(sections).contains("0-register", "1-import", "2-billing", "3-protection", "5-api", "6-memory");
        assertThat(json.get("notMeasured").has("4-coverage")).isTrue();
        for (JsonNode f : figures) {
            assertThat(f.get("value").asDouble()).as(f.toString()).isPositive();
            assertThat(f.has("loadStart") && f.has("loadEnd")).as(f.toString()).isTrue();
        }
        // the figures the targets are read from, each beside its floor
        Map<String, JsonNode> byName = figures.stream().collect(Collectors.toMap(f -> f.get("name").asString(), f -> f, (a, b) -> a));
        assertThat(byName.keySet()).anyMatch(n -> n.startsWith("staged import end to end"))
                .anyMatch(n -> n.startsWith("fair floor")).anyMatch(n -> n.startsWith("floor: raw COPY"))
                .anyMatch(n -> n.startsWith("billing run")).anyMatch(n -> n.startsWith("floor: INSERT"));
        figures.stream().filter(f -> f.get("name").asString().startsWith("staged import") || f.get("name").asString().startsWith("billing run"))
                .forEach(f -> assertThat(f.get("ratio").asDouble()).as(f.toString()).isPositive());
        figures.stream().filter(f -> f.get("unit").asString().equals("req/s"))
                .forEach(f -> assertThat(f.get("note").asString()).as(f.toString()).contains(" 0 errors"));
        assertThat(out.resolve("data")).doesNotExist();
    }
}
