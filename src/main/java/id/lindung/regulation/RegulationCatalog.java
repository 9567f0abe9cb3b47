package id.lindung.regulation;

import id.lindung.shared.Programme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * All regulation parameters, validated, selectable by date. Loads without Spring or a database:
 * {@link #loadDefault()} reads the bundled files and the operator's folder.
 */
public final class RegulationCatalog {

    /** Property (or LINDUNG_REGULATIONS_DIR) naming the operator's folder of extra files. */
    public static final String DIR_PROPERTY = "lindung.regulations-dir";
    static final String BUNDLED_INDEX = "regulations/index.txt";

    private final Map<String, Parameter> parameters;
    private final List<String> files;
    private final String version;

    RegulationCatalog(Map<String, Parameter> parameters, List<String> files) {
        this.parameters = Map.copyOf(parameters);
        this.files = List.copyOf(files);
        this.version = fingerprint(new TreeMap<>(parameters).values());
    }

    /**
     * This catalog with {@code values} appended to their parameters: projections of values not yet published (the budget
     * module's next-year plans). Each value must start after its parameter's last value, which must be open-ended; the
     * original catalog is unchanged.
     */
    public RegulationCatalog withAppended(List<DatedValue> values) {
        Map<String, Parameter> extended = new java.util.HashMap<>(parameters);
        for (DatedValue v : values) {
            Parameter p = extended.get(v.parameter());
            if (p == null) {
                throw new IllegalArgumentException("Unknown regulation parameter " + v.parameter());
            }
            DatedValue last = p.values().get(p.values().size() - 1);
            if (last.until() != null || !v.from().isAfter(last.from()) || v.unit() != p.unit()) {
                throw new IllegalArgumentException(v.parameter() + ": an appended value must start after " + last.from()
                        + " in " + p.unit() + ", and the last value must be open-ended");
            }
            List<DatedValue> all = new ArrayList<>(p.values());
            all.add(v);
            extended.put(p.id(), new Parameter(p.id(), p.description(), p.unit(), p.condition(), all,
                    p.descriptionInIndonesian(), p.conditionInIndonesian()));
        }
        return new RegulationCatalog(extended, files);
    }

    /** The bundled files plus the folder named by {@value #DIR_PROPERTY}, LINDUNG_REGULATIONS_DIR, or {@code <data-dir>/regulations}. */
    public static RegulationCatalog loadDefault() {
        return load(defaultExternalDir());
    }

    /** Only the files bundled in the application. */
    public static RegulationCatalog loadBundled() {
        return load((Path) null);
    }

    /** The bundled files plus every {@code *.yaml} in {@code extraDir} (ignored when null or absent). */
    public static RegulationCatalog load(Path extraDir) {
        List<RegulationLoader.Source> sources = new ArrayList<>(bundledSources());
        if (extraDir != null && Files.isDirectory(extraDir)) {
            sources.addAll(directorySources(extraDir));
        }
        return RegulationLoader.load(sources);
    }

    /** Only the given files, in order (tests and tools). */
    public static RegulationCatalog loadFiles(List<Path> files) {
        return RegulationLoader.load(files.stream().map(RegulationCatalog::fileSource).toList());
    }

    public static Path defaultExternalDir() {
        String dir = System.getProperty(DIR_PROPERTY, System.getenv("LINDUNG_REGULATIONS_DIR"));
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String data = System.getProperty("lindung.data-dir", System.getenv("LINDUNG_DATA_DIR"));
        return Path.of(data == null || data.isBlank() ? "./data" : data, "regulations");
    }

    public List<Parameter> parameters() {
        return new TreeMap<>(parameters).values().stream().toList();
    }

    public boolean has(String id) {
        return parameters.containsKey(id);
    }

    public Parameter parameter(String id) {
        Parameter p = parameters.get(id);
        if (p == null) {
            throw new IllegalArgumentException("Unknown regulation parameter " + id);
        }
        return p;
    }

    /** The value in force on {@code date}; refused with {@link NoRegulationInForceException} if none. */
    public DatedValue valueOn(String id, LocalDate date) {
        Parameter p = parameter(id);
        return p.on(date).orElseThrow(() -> new NoRegulationInForceException(
                "no value of " + id + " is in force on " + date + " (values cover " + coverage(p) + ")"));
    }

    /** The first day of {@code programme} (data: {@code programme.<P>.inForce}). */
    public LocalDate programmeStart(Programme programme) {
        return parameter("programme." + programme.name() + ".inForce").values().get(0).from();
    }

    /** Refuses a date before {@code programme} existed with {@link ProgrammeNotYetInForceException}, naming it. */
    public void requireProgramme(Programme programme, LocalDate date) {
        if (find("programme." + programme.name() + ".inForce", date).isEmpty()) {
            throw new ProgrammeNotYetInForceException(programme, date, programmeStart(programme));
        }
    }

    public Optional<DatedValue> find(String id, LocalDate date) {
        Parameter p = parameters.get(id);
        return p == null ? Optional.empty() : p.on(date);
    }

    /** Every date on which some value starts or ends, in order: between two such dates nothing changes. */
    public List<LocalDate> changeDates() {
        TreeSet<LocalDate> dates = new TreeSet<>();
        parameters.values().forEach(p -> p.values().forEach(v -> {
            dates.add(v.from());
            if (v.until() != null) {
                dates.add(v.until().plusDays(1));
            }
        }));
        return List.copyOf(dates);
    }

    public List<String> files() {
        return files;
    }

    /** A fingerprint of every value and reference: changes whenever the data does. */
    public String version() {
        return version;
    }

    private static String coverage(Parameter p) {
        DatedValue first = p.values().get(0);
        DatedValue last = p.values().get(p.values().size() - 1);
        return first.from() + " to " + (last.until() == null ? "open end" : last.until().toString());
    }

    /** A short stable hash of the given values (id, dates, value, reference). */
    public static String fingerprint(Collection<Parameter> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach(p -> p.values().forEach(v -> appendValue(sb, v)));
        return "reg-" + sha(sb.toString());
    }

    /** A short stable hash of the given values, for recording which regulation produced an amount. */
    public static String fingerprintValues(Collection<DatedValue> values) {
        StringBuilder sb = new StringBuilder();
        values.forEach(v -> appendValue(sb, v));
        return sha(sb.toString());
    }

    private static void appendValue(StringBuilder sb, DatedValue v) {
        Reference r = v.reference();
        sb.append(v.parameter()).append('|').append(v.from()).append('|').append(v.until()).append('|')
                .append(v.unit()).append('|').append(v.text()).append('|').append(r.regulation()).append('|')
                .append(r.article()).append('|').append(r.sources()).append('|').append(r.verified()).append('\n');
    }

    private static String sha(String s) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<RegulationLoader.Source> bundledSources() {
        ClassLoader cl = RegulationCatalog.class.getClassLoader();
        List<String> names;
        try (InputStream index = cl.getResourceAsStream(BUNDLED_INDEX)) {
            if (index == null) {
                throw new RegulationException(List.of(BUNDLED_INDEX + ": missing from the application"));
            }
            names = new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<RegulationLoader.Source> sources = new ArrayList<>();
        for (String name : names) {
            String resource = "regulations/" + name;
            try (InputStream in = cl.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new RegulationException(List.of(resource + ": listed in " + BUNDLED_INDEX + " but missing"));
                }
                sources.add(new RegulationLoader.Source(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    private static List<RegulationLoader.Source> directorySources(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
                    .sorted().map(RegulationCatalog::fileSource)
                    .map(s -> new RegulationLoader.Source(s.name(), s.text(), true)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RegulationLoader.Source fileSource(Path file) {
        try {
            return new RegulationLoader.Source(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RegulationException(List.of(file + ": cannot be read (" + e.getMessage() + ")"));
        }
    }
}
