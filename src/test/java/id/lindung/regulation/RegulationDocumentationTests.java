package id.lindung.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/regulations.md lists exactly the bundled values flagged unverified, so the list cannot drift from the data. */
class RegulationDocumentationTests {

    @Test
    void theDocumentListsEveryUnverifiedValueAndNoOther() throws Exception {
        String doc = Files.readString(Path.of("docs/regulations.md"));
        String section = doc.substring(doc.indexOf("## Values still unverified"));
        List<String> listed = section.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Parameter"))
                .map(l -> l.split("\\|"))
                .map(cells -> cells[1].strip() + " " + cells[2].strip() + " " + cells[3].strip()).toList();
        List<String> unverified = RegulationCatalog.loadBundled().parameters().stream()
                .flatMap(p -> p.values().stream()).filter(v -> !v.verified())
                .map(v -> v.parameter() + " " + v.from() + " " + v.text()).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(unverified);
    }
}
