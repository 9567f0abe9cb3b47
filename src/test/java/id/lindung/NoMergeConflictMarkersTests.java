package id.lindung;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No file of the sources, resources or docs holds a merge's conflict markers: a merge committed with them once left the
 * main branch uncompilable (a Java file) and could leave a migration or a message bundle half of each side unnoticed.
 */
class NoMergeConflictMarkersTests {

    private static final String OURS = "<".repeat(7) + " ";
    private static final String THEIRS = ">".repeat(7) + " ";

    @Test
    void noSourceResourceOrDocumentHoldsConflictMarkers() throws IOException {
        List<String> found;
        try (Stream<Path> files = Stream.of(Path.of("src"), Path.of("docs"), Path.of("README.md")).filter(Files::exists)
                .flatMap(NoMergeConflictMarkersTests::walk)) {
            found = files.filter(Files::isRegularFile).filter(NoMergeConflictMarkersTests::text)
                    .filter(NoMergeConflictMarkersTests::hasMarkers).map(Path::toString).toList();
        }
        assertThat(found).as("files with merge conflict markers").isEmpty();
    }

    private static Stream<Path> walk(Path root) {
        try {
            return Files.walk(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean text(Path file) {
        String name = file.getFileName().toString();
        return name.matches(".*\\.(java|sql|properties|html|md|yaml|yml|tsv|csv|txt|js|css|xml)$");
    }

    private static boolean hasMarkers(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.anyMatch(l -> l.startsWith(OURS) || l.startsWith(THEIRS));
        } catch (IOException | UncheckedIOException e) {
            return false; // not UTF-8 text: not a file a merge writes markers into by hand
        }
    }
}
