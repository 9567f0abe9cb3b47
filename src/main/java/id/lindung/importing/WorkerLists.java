package id.lindung.importing;

import id.lindung.access.RegionScope;
import id.lindung.platform.InputProblem;
import id.lindung.region.Region;
import id.lindung.region.RegionKind;
import id.lindung.region.RegionLevel;
import id.lindung.region.Regions;
import id.lindung.registry.BpuIncomeRange;
import id.lindung.registry.DefaultWages;
import id.lindung.registry.NikChecker;
import id.lindung.registry.StagedWorker;
import id.lindung.registry.WorkerCategories;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Reads a file in the worker import format (CSV, XLSX, XLS, OpenSID's HTML export) and checks every row with the
 * import's own parser and {@link id.lindung.registry.WorkerInputRules}, without registering anyone and without writing
 * anything: a budget plan's named list is people a payer means to cover, not yet registry records. A row gets the same
 * codes as it would in an import; a NIK twice in the file is DUPLICATE_IN_FILE. Whether a NIK is already registered is
 * not a problem here: the reader of the list decides what that means.
 */
@Service
public class WorkerLists {

    /** Most data rows a list may have: a payer's named list, not a bulk load (that is the import's job). */
    public static final int MAX_ROWS = 20_000;

    private final Regions regions;
    private final NikChecker nikChecker;
    private final BpuIncomeRange bpuIncome;
    private final DefaultWages defaultWages;
    private final WorkerCategories categories;

    WorkerLists(Regions regions, NikChecker nikChecker, BpuIncomeRange bpuIncome, DefaultWages defaultWages,
                WorkerCategories categories) {
        this.regions = regions;
        this.nikChecker = nikChecker;
        this.bpuIncome = bpuIncome;
        this.defaultWages = defaultWages;
        this.categories = categories;
    }

    /**
     * @param defaultVillage the village of rows that name none (as the import's "choose the village on upload"), or null
     * @param defaultStart   the start date of rows that give none (the import's default is today), or null for today
     */
    public record Options(String defaultVillage, LocalDate defaultStart) {}

    /**
     * @param rows     the good rows in file order (all of them only when {@code problems} is empty)
     * @param problems every problem, each with its line, column and code; line 1 is the header or the file itself
     * @param dataRows the data rows the file has (header excluded)
     */
    public record Read(List<StagedWorker> rows, List<InputProblem> problems, long dataRows) {
        public Read {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Reads and checks {@code content}; villages must lie in {@code scope}. Writes nothing. */
    public Read read(InputStream content, Options options, RegionScope scope) {
        return read(content, null, options, scope);
    }

    /**
     * {@link #read(InputStream, Options, RegionScope)} of an uploaded file by its name, as the import reads one: a file
     * named {@code .xlsx} or {@code .xls} that holds no workbook (a renamed CSV, random bytes) is FILE_UNREADABLE saying
     * so ({@link RowSource.NotAWorkbook}), not read as CSV and refused for its header's columns or taken as a list.
     */
    public Read read(InputStream content, String fileName, Options options, RegionScope scope) {
        return TempUploads.read(content, "lindung-list-", file -> read(file, fileName, options, scope));
    }

    private Read read(Path file, String fileName, Options options, RegionScope scope) {
        LocalDate today = nikChecker.today();
        var lookups = new WorkerRowParser.Lookups(nikChecker.districtCodes()::contains, villagesIn(regions, scope),
                apbdRegions(regions), scope, today, bpuIncome::range, defaultWages::wage, categories.snapshot());
        var defaults = new WorkerRowParser.Defaults(options.defaultVillage(),
                options.defaultStart() != null ? options.defaultStart() : today);
        List<StagedWorker> rows = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        long[] dataRows = new long[1];
        String format = RowSource.detectFormat(file, fileName);
        try {
            WorkerRowParser[] parser = new WorkerRowParser[1];
            boolean[] header = new boolean[1];
            NikLines seen = new NikLines();
            RowSource.of(file, format).read((line, fields) -> {
                if (!header[0]) {
                    header[0] = true;
                    parser[0] = WorkerRowParser.forHeader(fields, defaults, lookups, problems);
                    return;
                }
                if (parser[0] == null) {
                    return;
                }
                if (++dataRows[0] > MAX_ROWS) {
                    if (dataRows[0] == MAX_ROWS + 1) {
                        problems.add(new InputProblem(line, null, "LIST_TOO_LONG", "A named list has at most " + MAX_ROWS
                                + " rows; line " + line + " is beyond it (register larger groups through the import)"));
                    }
                    return;
                }
                WorkerRowParser.Outcome outcome = parser[0].parse(line, fields);
                if (outcome instanceof WorkerRowParser.Ok ok) {
                    long first = seen.putIfAbsent(Long.parseLong(ok.row().nik()), line);
                    if (first != 0) {
                        problems.add(new InputProblem(line, "nik", "DUPLICATE_IN_FILE", "NIK also on line " + first));
                    } else {
                        rows.add(ok.row());
                    }
                } else if (outcome instanceof WorkerRowParser.Refused refused) {
                    problems.addAll(refused.problems());
                }
            });
            if (!header[0]) {
                problems.add(new InputProblem(1, null, "FILE_EMPTY", "The file has no header row"));
            } else if (parser[0] != null && dataRows[0] == 0) {
                problems.add(new InputProblem(1, null, "FILE_EMPTY", "The file has a header but no rows"));
            }
        } catch (RuntimeException e) {
            // a file that cannot be read at all: said in words a user can act on, with a code, never the JDK's text
            return new Read(List.of(), List.of(ImportValidation.unreadable(e, format)), dataRows[0]);
        }
        return new Read(rows, problems, dataRows[0]);
    }

    /** The villages of a scope (code to whether it is a desa), as the import's rows are checked against. */
    static Map<String, Boolean> villagesIn(Regions regions, RegionScope scope) {
        Map<String, Boolean> villages = new HashMap<>();
        for (Region r : regions.within(scope, RegionLevel.VILLAGE)) {
            villages.put(r.code(), r.kind() == RegionKind.DESA);
        }
        return villages;
    }

    /** The provinces and regencies an APBD payer may be. */
    static Set<String> apbdRegions(Regions regions) {
        Set<String> codes = new HashSet<>();
        regions.within(RegionScope.NATIONAL, RegionLevel.PROVINCE).forEach(r -> codes.add(r.code()));
        regions.within(RegionScope.NATIONAL, RegionLevel.REGENCY).forEach(r -> codes.add(r.code()));
        return codes;
    }
}
