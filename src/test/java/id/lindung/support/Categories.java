package id.lindung.support;

import id.lindung.registry.WorkerCategories;
import id.lindung.registry.WorkerCategory;
import id.lindung.shared.Segment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The worker categories the registry ships, read from their migration (V62) without a database, for tests that need a
 * category value: the same values the table holds after the migration.
 */
public final class Categories {

    private static final Path MIGRATION = Path.of("src/main/resources/db/migration/V62__registry_worker_categories.sql");
    private static final Path NOTES_ID = Path.of("src/main/resources/db/migration/V182__registry_category_note_id.sql");
    /** A row of V182's values: code, English note, Indonesian note. */
    private static final java.util.regex.Pattern NOTE_ID = java.util.regex.Pattern.compile(
            "\\('([A-Z_]+)',\\s*'((?:[^']|'')*)',\\s*'((?:[^']|'')*)'\\)");
    private static final Pattern ROW = Pattern.compile("\\('([A-Z_]+)', '([^']*)', '([^']*)', (true|false), '(PU|BPU)', '([^']+)',\\s*"
            + "'\\{([0-9,]*)}', (\\d+), (true|false),\\s*'((?:[^']|'')*)'\\)");
    private static final WorkerCategories.Snapshot SHIPPED = load();

    private Categories() {}

    /** Every shipped category, in list order. */
    public static WorkerCategories.Snapshot shipped() {
        return SHIPPED;
    }

    /** The shipped category with this code. */
    public static WorkerCategory of(String code) {
        return SHIPPED.find(code).orElseThrow(() -> new IllegalArgumentException("no shipped category " + code));
    }

    private static WorkerCategories.Snapshot load() {
        String sql;
        try {
            sql = Files.readString(MIGRATION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the Indonesian notes of the shipped ones (V182), by code
        java.util.Map<String, String> notesId = new java.util.HashMap<>();
        try {
            Matcher n = NOTE_ID.matcher(Files.readString(NOTES_ID));
            while (n.find()) {
                notesId.put(n.group(1), n.group(3).replace("''", "'"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<WorkerCategory> all = new ArrayList<>();
        Matcher m = ROW.matcher(sql);
        while (m.find()) {
            List<Integer> opensid = m.group(7).isEmpty() ? List.of()
                    : Arrays.stream(m.group(7).split(",")).map(Integer::valueOf).toList();
            all.add(new WorkerCategory(m.group(1), m.group(2), m.group(3), Boolean.parseBoolean(m.group(4)),
                    Segment.valueOf(m.group(5)), m.group(6), opensid, true, Integer.parseInt(m.group(8)),
                    Boolean.parseBoolean(m.group(9)), m.group(10).replace("''", "'"), notesId.get(m.group(1))));
        }
        return new WorkerCategories.Snapshot(all);
    }
}
