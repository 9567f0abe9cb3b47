package id.lindung.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of one run of the benchmark suite: one row per measured figure, each with the machine's load average
 * (1 minute, {@code /proc/loadavg}) when its measurement started and ended, printed as a table and written as JSON.
 */
final class BenchReport {

    /**
     * One figure. {@code floor} is the same work done the least expensive way in the same run (null where there is
     * none); {@code ratio} is how many times the floor's time the figure took.
     */
    record Figure(String section, String name, double value, String unit, Double floor, Double ratio, String note,
                  double loadStart, double loadEnd, Double target) {

        /** A figure with no target of its own (its target is read against the floor, or there is none). */
        Figure(String section, String name, double value, String unit, Double floor, Double ratio, String note,
               double loadStart, double loadEnd) {
            this(section, name, value, unit, floor, ratio, note, loadStart, loadEnd, null);
        }

        /**
         * Whether the value is within its target: a rate (a unit per second) at least the target, anything else (a time,
         * a latency, a ratio to a floor, memory) at most it; null without a target.
         */
        Boolean met() {
            return target == null ? null : unit.endsWith("/s") ? value >= target : value <= target;
        }

        /** "at least" for a rate, "at most" otherwise: how the target reads. */
        String bound() {
            return unit.endsWith("/s") ? "at least" : "at most";
        }
    }

    /** The sections a complete run has; (7) the JMH microbenchmarks only unless --no-jmh. */
    static final List<String> SECTIONS = List.of("1-import", "2-billing", "3-protection", "4-coverage", "5-api", "6-memory",
            "7-jmh");

    final Map<String, Object> run = new LinkedHashMap<>();
    final List<Figure> figures = new ArrayList<>();
    final Map<String, Object> notMeasured = new LinkedHashMap<>();

    BenchReport() {
        run.put("date", Instant.now(id.lindung.platform.BusinessClock.wall()).toString());
        run.put("machine", machine());
    }

    void add(Figure f) {
        figures.add(f);
        System.err.println("bench: " + line(f));
    }

    static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1; // not Linux: the load is unknown, said as -1
        }
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        try {
            String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown");
            m.put("cpu", cpu);
        } catch (IOException | RuntimeException e) {
            m.put("cpu", "unknown");
        }
        return m;
    }

    private static String line(Figure f) {
        String target = f.target() == null ? "" : String.format(Locale.ROOT, "target %s %s %s: %s  ", f.bound(), number(f.target()),
                f.unit(), f.met() ? "met" : "NOT met");
        return String.format(Locale.ROOT, "%-12s %-58s %14s %-10s %s%s(load %.2f -> %.2f)", f.section(), f.name(),
                number(f.value()), f.unit(), f.ratio() == null ? "" : String.format(Locale.ROOT, "%.2fx floor  ", f.ratio()),
                target, f.loadStart(), f.loadEnd());
    }

    private static String number(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.2f", v);
    }

    void printTable(PrintStream out) {
        out.println("Lindung benchmark suite, " + run.get("date") + ", " + run.get("machine"));
        out.println("parameters: " + run.get("parameters"));
        out.printf(Locale.ROOT, "%-12s %-58s %14s %-10s %s%n", "section", "figure", "value", "unit", "against the floor or target, load (1 min)");
        for (Figure f : figures) {
            out.println(line(f));
            if (f.note() != null) {
                out.println(String.format("%-12s   %s", "", f.note()));
            }
        }
        notMeasured.forEach((section, why) -> out.printf(Locale.ROOT, "%-12s %s%n", section, "not measured: " + why));
    }

    void writeJson(Path file) {
        Map<String, Object> json = new LinkedHashMap<>(run);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Figure f : figures) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("section", f.section());
            r.put("name", f.name());
            r.put("value", f.value());
            r.put("unit", f.unit());
            r.put("floor", f.floor());
            r.put("ratio", f.ratio());
            r.put("target", f.target());
            r.put("met", f.met());
            r.put("note", f.note());
            r.put("loadStart", f.loadStart());
            r.put("loadEnd", f.loadEnd());
            rows.add(r);
        }
        json.put("figures", rows);
        json.put("notMeasured", notMeasured);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
