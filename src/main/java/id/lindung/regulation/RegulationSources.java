package id.lindung.regulation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public sources the regulation data cites by id (S1, S29b ...), carried in the repository
 * ({@code regulations/sources.tsv}) so that every cited id can be followed to its address from the catalog page
 * and from {@code docs/regulation-sources.md}, without the research notes it was first collected in.
 */
public final class RegulationSources {

    static final String RESOURCE = "regulations/sources.tsv";

    /** One address of a source; an id may have several. */
    public record Source(String id, String address, String title) {}

    private final Map<String, List<Source>> byId;

    private RegulationSources(Map<String, List<Source>> byId) {
        this.byId = byId;
    }

    public static RegulationSources loadDefault() {
        try (InputStream in = RegulationSources.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RegulationSources parse(List<String> lines) {
        Map<String, List<Source>> byId = new LinkedHashMap<>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 3 || !f[0].matches("S\\d+[a-z]?") || !f[1].startsWith("http")) {
                throw new IllegalStateException(RESOURCE + " line " + n + ": expected id<TAB>address<TAB>title");
            }
            byId.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Source(f[0], f[1], f[2]));
        }
        byId.replaceAll((k, v) -> List.copyOf(v));
        return new RegulationSources(Collections.unmodifiableMap(byId));
    }

    /** Every source in the order of the file. */
    public List<Source> all() {
        return byId.values().stream().flatMap(List::stream).toList();
    }

    /** The first address of a source id, or null when the id is unknown. */
    public String addressOf(String id) {
        List<Source> sources = byId.get(id);
        return sources == null ? null : sources.get(0).address();
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }
}
