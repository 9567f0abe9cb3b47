package id.lindung;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Flyway on a database that has already run Lindung (a demo data folder, an office's server) refuses a migration whose
 * version lies below the newest it applied ("out of order") and fails validation when an applied migration was changed
 * or removed. Neither shows on the fresh databases the rest of the suite creates, so these rules are checked here against
 * the list of landed migrations ({@code src/test/resources/db/released-migrations.txt}).
 */
class ReleasedMigrationsTests {

    static final Path SQL = Path.of("src/main/resources/db/migration");
    static final Path JAVA = Path.of("src/main/java");
    static final Path RELEASED = Path.of("src/test/resources/db/released-migrations.txt");
    static final Pattern NAME = Pattern.compile("V(\\d+)__\\w+\\.(sql|java)");

    record Released(int version, String file, String sha256) {}

    static List<Released> released() throws IOException {
        List<Released> list = new ArrayList<>();
        for (String line : Files.readAllLines(RELEASED)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            list.add(new Released(Integer.parseInt(f[0]), f[1], f[2]));
        }
        return list;
    }

    /** Every migration in the source tree by version: SQL files and Java migrations ({@code V2__LoadOfficialRegions}). */
    static Map<Integer, Path> present() throws IOException {
        Map<Integer, Path> byVersion = new TreeMap<>();
        try (Stream<Path> files = Stream.concat(Files.list(SQL), Files.walk(JAVA))) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches()) {
                    Path previous = byVersion.put(Integer.parseInt(m.group(1)), p);
                    assertThat(previous).as("two migrations with version %s: %s and %s", m.group(1), previous, p).isNull();
                }
            }
        }
        return byVersion;
    }

    static String sha256(Path file) throws Exception {
        // line endings normalised, so that a checkout with CRLF (Windows) reads the same
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aLandedMigrationIsNeverChangedRenamedOrRemoved() throws Exception {
        Map<Integer, Path> present = present();
        for (Released r : released()) {
            Path file = present.get(r.version());
            assertThat(file).as("landed migration V%s (%s) is gone", r.version(), r.file()).isNotNull();
            assertThat(file.getFileName().toString()).as("landed migration V%s was renamed", r.version()).isEqualTo(r.file());
            assertThat(sha256(file)).as("landed migration %s was edited: add a new migration instead", r.file()).isEqualTo(r.sha256());
        }
    }

    @Test
    void aNewMigrationTakesAVersionAboveEveryLandedOne() throws Exception {
        List<Released> released = released();
        int newest = released.stream().mapToInt(Released::version).max().orElse(0);
        List<String> below = new ArrayList<>();
        List<String> unlisted = new ArrayList<>();
        for (var e : present().entrySet()) {
            boolean landed = released.stream().anyMatch(r -> r.version() == e.getKey());
            if (!landed && e.getKey() <= newest) {
                below.add(e.getValue().getFileName().toString());
            }
            if (!landed && e.getValue().toString().endsWith(".sql")) {
                unlisted.add(e.getKey() + " " + e.getValue().getFileName() + " " + sha256(e.getValue()));
            }
        }
        assertThat(below).as("new migrations numbered at or below V%s, the newest landed one: Flyway refuses them on every "
                + "existing database (out of order); renumber them above V%s", newest, newest).isEmpty();
        if (!unlisted.isEmpty()) {
            // not a failure: a migration lands with its commit; these are the lines to add to the list when it does
            System.out.println("Migrations not yet in " + RELEASED + ":\n" + String.join("\n", unlisted));
        }
    }
}
