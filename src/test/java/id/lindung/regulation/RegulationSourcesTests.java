package id.lindung.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RegulationSourcesTests {

    private final RegulationSources sources = RegulationSources.loadDefault();

    @Test
    void everySourceTheRegulationDataCitesHasAnAddress() {
        var missing = new TreeSet<String>();
        for (Parameter p : RegulationCatalog.loadDefault().parameters()) {
            for (var v : p.values()) {
                v.reference().sources().stream().filter(s -> !sources.contains(s)).forEach(s -> missing.add(p.id() + " cites " + s));
            }
        }
        assertThat(missing).as("source ids cited in the YAML without a line in %s", RegulationSources.RESOURCE).isEmpty();
    }

    @Test
    void theDocumentListsEverySourceWithItsAddress() throws Exception {
        String doc = Files.readString(Path.of("docs/regulation-sources.md"));
        for (var s : sources.all()) {
            assertThat(doc).as("docs/regulation-sources.md lists %s", s.id()).contains("| " + s.id() + " | ").contains("<" + s.address() + ">");
        }
    }

    @Test
    void aMalformedLineIsRefusedWithItsLineNumber() {
        assertThatThrownBy(() -> RegulationSources.parse(List.of("# header", "S1 https://example.org no tabs")))
                .hasMessageContaining("line 2");
        assertThat(RegulationSources.parse(List.of("S9\thttps://a.example\tA", "S9\thttps://b.example\tB")).addressOf("S9"))
                .isEqualTo("https://a.example");
    }
}
