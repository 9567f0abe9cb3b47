package id.lindung.region;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.TextRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Potential workforce per region and year, imported from CSV ({@code region_code,year,potential_workers,source}).
 * A file is taken whole or not at all: one bad row and nothing is stored, with every bad row reported.
 */
@Service
public class PotentialWorkforce {

    /** Header names, with the Indonesian synonyms a district office is likely to type. */
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("region_code", "region_code"), Map.entry("kode_wilayah", "region_code"), Map.entry("kode", "region_code"),
            Map.entry("year", "year"), Map.entry("tahun", "year"),
            Map.entry("potential_workers", "potential_workers"), Map.entry("potensi_pekerja", "potential_workers"),
            Map.entry("angkatan_kerja", "potential_workers"), Map.entry("jumlah", "potential_workers"),
            Map.entry("source", "source"), Map.entry("sumber", "source"));
    private static final List<String> REQUIRED = List.of("region_code", "year", "potential_workers", "source");
    /**
     * The largest figure one region may have: more people than Indonesia has. Past it a figure is a typing error, and
     * the roll-ups (a sum over up to 91,599 regions) could no longer be added up in a {@code long}.
     */
    static final long MAX_POTENTIAL_WORKERS = 1_000_000_000L;
    /** The longest source a figure may name ("BPS Sakernas Agustus 2024, tabel 3.1"). */
    static final int MAX_SOURCE_LENGTH = 200;

    private final JdbcClient jdbc;
    private final AuditLog audit;

    PotentialWorkforce(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record ImportResult(int rows, int created, int updated, int unchanged) {}

    private record Row(long line, String code, int year, long workers, String source) {}

    /**
     * Validates the whole file, then stores every row in one transaction.
     *
     * @throws InvalidInputException listing every bad row (line, field, reason); nothing is stored
     */
    @Transactional
    public ImportResult importCsv(InputStream csv, Actor actor, boolean demo) {
        if (!actor.can(Role.ADMIN, Role.DPMD)) {
            throw new AccessDeniedException("Only ADMIN and DPMD may import potential workforce");
        }
        List<InputProblem> problems = new ArrayList<>();
        List<Row> rows = parse(csv, problems);
        checkRegions(rows, actor.scope(), problems);
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingLong(InputProblem::line));
            throw new InvalidInputException(problems);
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException(List.of(new InputProblem(1, null, "FILE_EMPTY", "The file has no data rows")));
        }
        return store(rows, actor, demo);
    }

    private List<Row> parse(InputStream csv, List<InputProblem> problems) {
        List<Row> rows = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        try (CsvReader<CsvRecord> records = id.lindung.platform.CsvDialect.records(csv)) {
            Map<String, Integer> index = null;
            int columns = 0;
            for (CsvRecord record : records) {
                long line = record.getStartingLineNumber();
                if (index == null) {
                    index = header(record, problems);
                    if (index == null) {
                        return rows;
                    }
                    columns = record.getFieldCount();
                    continue;
                }
                if (record.getFieldCount() != columns) {
                    problems.add(new InputProblem(line, null, "FIELD_COUNT", "Line has " + record.getFieldCount()
                            + " fields but the header has " + columns + "; put values containing commas in double quotes"));
                    continue;
                }
                Row row = row(record, line, index, problems);
                if (row == null) {
                    continue;
                }
                Long first = seen.putIfAbsent(row.code() + "|" + row.year(), line);
                if (first != null) {
                    problems.add(new InputProblem(line, "region_code", "DUPLICATE_KEY",
                            "Duplicate of line " + first + ": " + row.code() + " " + row.year() + " appears twice"));
                    continue;
                }
                rows.add(row);
            }
            if (index == null) {
                problems.add(new InputProblem(1, null, "FILE_EMPTY", "The file is empty; expected header " + String.join(",", REQUIRED)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            problems.add(new InputProblem(0, null, "CSV_MALFORMED", "Not a readable CSV file: '" + e.getMessage() + "'"));
        }
        return rows;
    }

    private static Map<String, Integer> header(CsvRecord record, List<InputProblem> problems) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < record.getFieldCount(); i++) {
            String name = record.getField(i).trim().toLowerCase(Locale.ROOT).replace('\uFEFF', ' ').trim();
            String canonical = COLUMNS.get(name);
            if (canonical != null) {
                index.put(canonical, i);
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            problems.add(new InputProblem(1, String.join(",", missing), "HEADER_MISSING_COLUMN",
                    "Header lacks column(s) '" + String.join(", ", missing) + "'; expected '" + String.join(",", REQUIRED) + "'"));
            return null;
        }
        return index;
    }

    private static Row row(CsvRecord record, long line, Map<String, Integer> index, List<InputProblem> problems) {
        int before = problems.size();
        String code = field(record, index, "region_code");
        String yearText = field(record, index, "year");
        String workersText = field(record, index, "potential_workers").replace("_", "");
        String source = TextRules.normalise(field(record, index, "source"), TextRules.Kind.LINE);
        if (code.isEmpty()) {
            problems.add(new InputProblem(line, "region_code", "REQUIRED", "region_code is empty"));
        } else if (TextRules.invalidCharacter(code, false)) {
            problems.add(new InputProblem(line, "region_code", "INVALID_CHARACTER", "region_code has a control or invisible character"));
        }
        Integer year = null;
        try {
            year = Integer.parseInt(yearText);
            if (year < 1990 || year > 2100) {
                problems.add(new InputProblem(line, "year", "YEAR_OUT_OF_RANGE", "Year " + year + " is outside 1990-2100"));
            }
        } catch (NumberFormatException e) {
            problems.add(new InputProblem(line, "year", "NOT_A_NUMBER", "Year '" + InputProblem.shown(yearText) + "' is not a whole number"));
        }
        Long workers = null;
        try {
            workers = Long.parseLong(workersText);
            if (workers < 0) {
                problems.add(new InputProblem(line, "potential_workers", "NEGATIVE",
                        "potential_workers is negative (" + workers + ")"));
            } else if (workers > MAX_POTENTIAL_WORKERS) {
                problems.add(new InputProblem(line, "potential_workers", "COUNT_TOO_LARGE",
                        "potential_workers " + workers + " is more than " + MAX_POTENTIAL_WORKERS + ", more people than the country has"));
            }
        } catch (NumberFormatException e) {
            problems.add(new InputProblem(line, "potential_workers", "NOT_A_NUMBER",
                    "potential_workers '" + InputProblem.shown(workersText) + "' is not a whole number"));
        }
        if (source.isEmpty()) {
            problems.add(new InputProblem(line, "source", "REQUIRED", "source is empty (e.g. BPS Sakernas 2024)"));
        } else {
            // the source is free text, shown on every region page: the one rule set for text (control characters, length)
            TextRules.check("source", source, TextRules.Kind.LINE, MAX_SOURCE_LENGTH, true)
                    .ifPresent(p -> problems.add(new InputProblem(line, p.field(), p.code(), p.message())));
        }
        return problems.size() == before ? new Row(line, code, year, workers, source) : null;
    }

    private static String field(CsvRecord record, Map<String, Integer> index, String name) {
        int i = index.get(name);
        return i < record.getFieldCount() ? record.getField(i).trim() : "";
    }

    private void checkRegions(List<Row> rows, RegionScope scope, List<InputProblem> problems) {
        Set<String> codes = new HashSet<>();
        rows.forEach(r -> codes.add(r.code()));
        Set<String> known = new HashSet<>(jdbc.sql("select code from region where active and code = any(:codes)")
                .param("codes", codes.toArray(String[]::new)).query(String.class).list());
        for (Row r : rows) {
            if (!known.contains(r.code())) {
                problems.add(new InputProblem(r.line(), "region_code", "REGION_UNKNOWN", "Unknown region code " + InputProblem.shown(r.code())));
            } else if (!scope.covers(r.code())) {
                problems.add(new InputProblem(r.line(), "region_code", "REGION_OUT_OF_SCOPE",
                        "Region " + r.code() + " is outside your area (" + scope.code() + ")"));
            }
        }
    }

    /**
     * Taken by every import before it reads the figures it replaces, held to its commit: two imports at once then count and
     * audit as one after the other would (the second finds the first's figures unchanged), where both found nothing,
     * both said {@code created} and both audited a CREATE of the same figures. Imports are few and small; one at a time.
     */
    static final String IMPORT_LOCK = "select pg_advisory_xact_lock(hashtext('potential_workforce import'))";

    private ImportResult store(List<Row> rows, Actor actor, boolean demo) {
        jdbc.sql(IMPORT_LOCK).query().listOfRows();
        Map<String, Map<String, Object>> existing = new HashMap<>();
        jdbc.sql("""
                select region_code, year, potential_workers, source, demo from potential_workforce
                where (region_code, year) in (select * from unnest(:codes, :years))""")
                .param("codes", rows.stream().map(Row::code).toArray(String[]::new))
                .param("years", rows.stream().map(Row::year).toArray(Integer[]::new))
                .query((rs, n) -> existing.put(rs.getString(1) + "|" + rs.getInt(2), Map.of(
                        "potentialWorkers", rs.getLong(3), "source", rs.getString(4), "demo", rs.getBoolean(5))))
                .list();
        List<AuditLog.Change> changes = new ArrayList<>();
        int created = 0;
        int updated = 0;
        List<Row> changed = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("potentialWorkers", r.workers());
            after.put("source", r.source());
            after.put("demo", demo);
            Map<String, Object> before = existing.get(r.code() + "|" + r.year());
            if (before == null) {
                created++;
            } else if (!before.equals(after)) {
                updated++;
            } else {
                continue;
            }
            changed.add(r);
            changes.add(new AuditLog.Change(r.code() + "/" + r.year(), r.code(), before, after));
        }
        if (!changed.isEmpty()) {
            jdbc.sql("""
                    insert into potential_workforce (region_code, year, potential_workers, source, demo, recorded_by)
                    select * from unnest(:codes, :years, :workers, :sources, :demo, :by)
                    on conflict (region_code, year) do update set potential_workers = excluded.potential_workers,
                        source = excluded.source, demo = excluded.demo, recorded_at = now(), recorded_by = excluded.recorded_by""")
                    .param("codes", changed.stream().map(Row::code).toArray(String[]::new))
                    .param("years", changed.stream().map(Row::year).toArray(Integer[]::new))
                    .param("workers", changed.stream().map(Row::workers).toArray(Long[]::new))
                    .param("sources", changed.stream().map(Row::source).toArray(String[]::new))
                    .param("demo", changed.stream().map(r -> demo).toArray(Boolean[]::new))
                    .param("by", changed.stream().map(r -> actor.username()).toArray(String[]::new))
                    .update();
            audit.recordAll(created > 0 && updated == 0 ? "CREATE" : "UPSERT", "potential_workforce", changes);
        }
        return new ImportResult(rows.size(), created, updated, rows.size() - created - updated);
    }

    /**
     * The latest year with a figure at or beneath the region (or the nation, {@code ID}), if any: through active
     * regions, as the kept figures count them (V183).
     */
    public Optional<Integer> latestYear(String code) {
        return jdbc.sql("select year from potential_workforce_whole where region_code = :code order by year desc limit 1")
                .param("code", code).query(Integer.class).optional();
    }

    /**
     * The whole potential workforce of each of {@code codes} (regions, or {@code ID} for the nation) in {@code year}: the
     * denominator of every coverage ratio (docs/coverage.md, "potential"). Kept by the database as figures and the
     * region list change (V180), so this is one lookup by key however deep the figures lie; a code without any
     * figure at or beneath it is {@link WholeWorkforce.Status#MISSING}.
     */
    public Map<String, WholeWorkforce> whole(Collection<String> codes, int year) {
        Map<String, WholeWorkforce> result = new HashMap<>();
        jdbc.sql("""
                select region_code, potential_workers, own, below, below_whole from potential_workforce_whole
                where year = :year and region_code = any(:codes)""")
                .param("year", year).param("codes", codes.toArray(String[]::new))
                .query((rs, n) -> {
                    Long workers = rs.getObject(2) == null ? null : rs.getLong(2);
                    WholeWorkforce.Status status = workers == null ? WholeWorkforce.Status.PARTIAL
                            : rs.getBoolean(3) ? WholeWorkforce.Status.OWN : WholeWorkforce.Status.SUM_OF_CHILDREN;
                    return result.put(rs.getString(1),
                            new WholeWorkforce(rs.getString(1), year, workers, status, rs.getInt(4), rs.getInt(5)));
                })
                .list();
        codes.forEach(c -> result.putIfAbsent(c, WholeWorkforce.missing(c, year)));
        return result;
    }

    /** The whole potential workforce of one region (or the nation) in the latest year with a figure at or beneath it. */
    public Optional<WholeWorkforce> latestWhole(String code) {
        return latestYear(code).map(y -> whole(List.of(code), y).get(code));
    }

    /**
     * Figure of one region (or the nation, {@code ID}) in {@code year}, or in the latest year with one when {@code year}
     * is null: its own, or the sum of the topmost figures beneath it.
     */
    public Optional<WorkforceFigure> figure(String code, Integer year) {
        return jdbc.sql(SHOWN + " where region_code = :code" + (year == null ? "" : " and year = :year")
                        + " order by year desc limit 1")
                .params(year == null ? Map.of("code", code) : Map.of("code", code, "year", year))
                .query(PotentialWorkforce::shown).optional();
    }

    /**
     * Figures of several regions (or the nation, {@code ID}) for one year: a region without its own figure shows the
     * sum of the topmost figures beneath it, whole or not ({@link WorkforceFigure#whole}). Kept by the database with
     * the whole figure (V180, V183), so this is one lookup by key however many figures lie beneath.
     */
    public Map<String, WorkforceFigure> figures(Collection<String> codes, int year) {
        Map<String, WorkforceFigure> result = new HashMap<>();
        jdbc.sql(SHOWN + " where year = :year and region_code = any(:codes)")
                .param("year", year).param("codes", codes.toArray(String[]::new))
                .query(PotentialWorkforce::shown)
                .list().forEach(f -> result.put(f.regionCode(), f));
        return result;
    }

    private static final String SHOWN = """
            select region_code, year, shown_workers, array_to_string(sources, '; ') as sources, own, demo,
                   below_with_figures, potential_workers is not null as whole
            from potential_workforce_whole""";

    private static WorkforceFigure shown(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        boolean own = rs.getBoolean("own");
        return new WorkforceFigure(rs.getString("region_code"), rs.getInt("year"), rs.getLong("shown_workers"),
                rs.getString("sources"), !own, rs.getBoolean("demo"), own ? 0 : rs.getInt("below_with_figures"),
                rs.getBoolean("whole"));
    }
}
