package id.lindung.importing;

import id.lindung.access.RegionScope;
import id.lindung.platform.InputProblem;
import id.lindung.platform.TextRules;
import id.lindung.registry.PayerRef;
import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import id.lindung.shared.RupiahText;
import id.lindung.shared.Segment;
import id.lindung.registry.StagedWorker;
import id.lindung.registry.WorkerCategories;
import id.lindung.registry.WorkerCategory;
import id.lindung.registry.WorkerInputRules;
import id.lindung.registry.WorkerInputRules.Code;
import id.lindung.registry.WorkerInputRules.Field;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns one row of an import file into a {@link StagedWorker} or the list of what is wrong with it, with no
 * database access: the sets of known codes are loaded once per batch. It only turns text into typed values (text
 * that cannot be read gets a parse code); the values are then judged by {@link WorkerInputRules}, the same rules
 * the forms and the API use, so a bad value gets the same code however it arrives. Columns are found by header name
 * (English or Indonesian, any order: {@link ImportColumns}); missing membership columns get the documented defaults.
 */
final class WorkerRowParser {

    /** Membership defaults for rows that do not say (documented in docs/opensid-import.md). */
    record Defaults(String villageCode, LocalDate startDate) {}

    /**
     * Known codes for the batch: districts for NIKs, villages in the importer's scope (code → is desa), APBD regions.
     *
     * @param bpuIncomeRange the regulation's lowest and highest BPU declared income on a date
     * @param categories     the registry's worker categories when the batch started
     */
    record Lookups(Predicate<String> districtExists, Map<String, Boolean> villagesInScope, Set<String> apbdRegions,
                   RegionScope scope, LocalDate today, java.util.function.Function<LocalDate, id.lindung.registry.BpuIncomeRange.Range> bpuIncomeRange,
                   DefaultWage defaultWage, WorkerCategories.Snapshot categories) {}

    /** The wage assumed for a row that gives none (registry.DefaultWages). */
    interface DefaultWage {
        java.util.Optional<Rupiah> of(WorkerCategory category, Segment segment, LocalDate start);
    }

    sealed interface Outcome permits Ok, Refused {}

    /** A row to stage, with what it is imported with but looks wrong (a PU wage of Rp 100): warned, never refused. */
    record Ok(StagedWorker row, List<InputProblem> warnings) implements Outcome {}

    record Refused(List<InputProblem> problems) implements Outcome {}

    private final ImportColumns columns;
    private final Defaults defaults;
    private final Lookups lookups;
    private final WorkerInputRules rules;

    private WorkerRowParser(String[] header, Defaults defaults, Lookups lookups) {
        this.columns = new ImportColumns(header);
        this.defaults = defaults;
        this.lookups = lookups;
        this.rules = lookups == null ? null : new WorkerInputRules(new BatchFacts(lookups));
    }

    /** A parser for this header, or the header's problems. */
    static WorkerRowParser forHeader(String[] header, Defaults defaults, Lookups lookups, List<InputProblem> problems) {
        WorkerRowParser parser = new WorkerRowParser(header, defaults, lookups);
        List<String> missing = new ArrayList<>();
        for (String required : List.of("nik", "name", "sex", "birth_date")) {
            if (!parser.columns.has(required)) {
                missing.add(required);
            }
        }
        // the way round a missing column is said beside the columns, in words of its own, which the Indonesian answer
        // says in Indonesian (api.problem.HEADER_MISSING_COLUMN.2.n): the field and the names stay bare column names
        List<String> instead = new ArrayList<>();
        if (!parser.columns.has("category") && !parser.columns.has("pekerjaan")) {
            missing.add("category");
            instead.add("a column pekerjaan does instead of category");
        }
        if (!parser.columns.has("village_code") && defaults.villageCode() == null) {
            missing.add("village_code");
            instead.add("choosing the village on upload does instead of village_code");
        }
        if (!missing.isEmpty()) {
            problems.add(new InputProblem(1, String.join(",", missing), "HEADER_MISSING_COLUMN",
                    "Header lacks column(s) '" + String.join(", ", missing) + "'"
                    + (instead.isEmpty() ? "" : " (" + String.join("; ", instead) + ")") + "; expected '" + String.join(",", ImportColumns.COLUMNS) + "'"));
            return null;
        }
        return parser;
    }

    /** Only the column positions of a header (for rebuilding a file row from staged values). */
    static WorkerRowParser layout(String[] header) {
        return new WorkerRowParser(header, null, null);
    }

    String[] header() {
        return columns.header();
    }

    /** Position of a canonical column in the file, or -1. */
    int position(String canonical) {
        return columns.position(canonical);
    }

    Outcome parse(long line, String[] f) {
        List<InputProblem> p = new ArrayList<>(2);
        for (var column : columns.positions().entrySet()) {
            String value = column.getValue() < f.length ? f[column.getValue()] : null;
            if (value != null && CellText.hasInvalidCharacter(value)) {
                // a control character, or U+FFFD where the file was not UTF-8: refused here, never stored
                p.add(problem(line, column.getKey(), "INVALID_CHARACTER", column.getKey()
                        + " has a control character or a character that is not valid UTF-8 (save the file as UTF-8)"));
            }
        }
        if (!p.isEmpty()) {
            return new Refused(p);
        }
        // text into typed values; what cannot be read is reported here with a parse code and left to no rule
        Set<Field> unreadable = EnumSet.noneOf(Field.class);
        String nik = get(f, "nik").replace(" ", "");
        String name = get(f, "name");
        String sexText = get(f, "sex");
        String sex = sexText.isEmpty() ? null : CellText.sex(sexText);
        if (!sexText.isEmpty() && sex == null) {
            unreadable(p, unreadable, line, Field.SEX, Code.INVALID_SEX, "sex must be L or P (or LAKI-LAKI/PEREMPUAN, 1/2), got '"
                    + sexText + "'");
        }
        LocalDate birth = CellText.date(get(f, "birth_date"));
        if (birth == null && !get(f, "birth_date").isEmpty()) {
            unreadable(p, unreadable, line, Field.BIRTH_DATE, Code.INVALID_DATE, "birth_date must be a date like 1985-08-17, got '"
                    + get(f, "birth_date") + "'");
        }
        String village = get(f, "village_code");
        if (village.isEmpty()) {
            village = defaults.villageCode() == null ? "" : defaults.villageCode();
        }
        // the village must be one the importer may register in: a check against the batch's lookups, not a field rule
        if (village.isEmpty()) {
            p.add(problem(line, "village_code", "REQUIRED", "village_code is required"));
        } else if (!lookups.villagesInScope().containsKey(village)) {
            p.add(problem(line, "village_code", lookups.scope().covers(village) ? "VILLAGE_UNKNOWN" : "VILLAGE_OUT_OF_SCOPE",
                    lookups.scope().covers(village) ? village + " is not an active desa or kelurahan code"
                            : village + " is outside your area (" + lookups.scope().code() + ")"));
        }
        WorkerCategory category = null;
        String categoryText = get(f, "category");
        if (!categoryText.isEmpty()) {
            category = lookups.categories().find(categoryText).orElse(null);
            if (category == null) {
                unreadable(p, unreadable, line, Field.CATEGORY, Code.CATEGORY_UNKNOWN, "category '" + categoryText
                        + "' is not one of [" + lookups.categories().activeCodes() + "]");
            }
        } else if (columns.has("pekerjaan")) {
            category = Occupations.category(get(f, "pekerjaan"), lookups.categories()).orElse(null);
            if (Occupations.name(get(f, "pekerjaan")).isEmpty()) {
                unreadable.add(Field.CATEGORY);
                p.add(problem(line, "pekerjaan", Code.UNKNOWN_PEKERJAAN_CODE.name(), "pekerjaan code '" + get(f, "pekerjaan")
                        + "' is not in OpenSID's occupation list (1-89)"));
            } else if (category == null) {
                unreadable.add(Field.CATEGORY);
                p.add(problem(line, "pekerjaan", Code.NOT_A_TARGET_WORKER.name(), "pekerjaan '" + get(f, "pekerjaan")
                        + "' is not a worker of the target groups"));
            }
        }
        Segment segment = null;
        String segmentText = get(f, "segment");
        if (!segmentText.isEmpty()) {
            try {
                segment = Segment.valueOf(segmentText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                unreadable(p, unreadable, line, Field.SEGMENT, Code.SEGMENT_UNKNOWN, "segment must be PU or BPU, got '"
                        + segmentText + "'");
            }
        }
        String wageText = get(f, "wage");
        BigDecimal wage = null;
        if (!wageText.isEmpty()) {
            try {
                wage = RupiahText.parse(wageText);
            } catch (RupiahText.Unreadable e) {
                if (e.reason() == RupiahText.Reason.MORE_THAN_TWO_DECIMALS) {
                    unreadable(p, unreadable, line, Field.WAGE, Code.WAGE_SCALE, "wage may have at most 2 decimals, got '"
                            + InputProblem.shown(wageText) + "'");
                } else {
                    unreadable(p, unreadable, line, Field.WAGE, Code.WAGE_INVALID, "wage must be an amount such as 2022200, "
                            + "Rp 2.022.200 or 2.022.200,50, got '" + InputProblem.shown(wageText) + "'");
                }
            }
        }
        String riskText = get(f, "risk");
        RiskGroup risk = riskText.isEmpty() ? null : CellText.risk(riskText);
        if (!riskText.isEmpty() && risk == null) {
            unreadable(p, unreadable, line, Field.RISK_GROUP, Code.RISK_UNKNOWN,
                    "risk must be one of VERY_LOW, LOW, MEDIUM, HIGH, VERY_HIGH, got '" + riskText + "'");
        }
        List<Programme> programs = new ArrayList<>(3);
        String programText = get(f, "programs");
        for (String part : CellText.programParts(programText.isEmpty() ? "JKK;JKM" : programText)) {
            try {
                Programme program = Programme.parse(part);
                if (!programs.contains(program)) {
                    programs.add(program);
                }
            } catch (IllegalArgumentException e) {
                unreadable(p, unreadable, line, Field.PROGRAMS, Code.PROGRAM_UNKNOWN, e.getMessage());
            }
        }
        if (programs.isEmpty() && !unreadable.contains(Field.PROGRAMS)) {
            // an import always opens memberships (the default is JKK and JKM): a column of separators names none
            p.add(problem(line, "programs", Code.REQUIRED.name(), "at least one programme is required"));
        }
        LocalDate start = null;
        String startText = get(f, "start_date");
        if (!startText.isEmpty()) {
            start = CellText.date(startText);
            if (start == null) {
                unreadable(p, unreadable, line, Field.START_DATE, Code.INVALID_DATE, "start_date must be a date like 2025-01-01, got '"
                        + startText + "'");
            }
        }
        Integer decile = null;
        String decileText = get(f, "poverty_decile");
        if (!decileText.isEmpty()) {
            decile = CellText.decile(decileText);
            if (decile == null) {
                unreadable(p, unreadable, line, Field.POVERTY_DECILE, Code.OUT_OF_RANGE,
                        "p3ke_decile must be a whole number 1 to 10, got '" + decileText + "'");
            }
        }
        String payerText = get(f, "payer");
        WorkerInputRules.WorkerInput input = rules.withDefaults(new WorkerInputRules.WorkerInput(nik, name, sex, birth,
                village.isEmpty() ? null : village, category, decile, programs, segment, wage, risk,
                payerText.isEmpty() ? null : payerText, start), defaults.startDate(), unreadable);
        for (WorkerInputRules.Problem problem : rules.check(input, unreadable)) {
            p.add(problem.onLine(line));
        }
        String phone = get(f, "phone");
        String kpj = get(f, "kpj");
        for (WorkerInputRules.Problem problem : WorkerInputRules.checkContact(phone, kpj)) {
            p.add(problem.onLine(line));
        }
        if (!p.isEmpty()) {
            return new Refused(p);
        }
        name = TextRules.normalise(name, TextRules.Kind.PERSON_NAME);
        phone = TextRules.normalise(phone, TextRules.Kind.PHONE);
        kpj = TextRules.normalise(kpj, TextRules.Kind.KPJ);
        // checked above: positive, at most two decimals and in range, so exact in rupiah
        return new Ok(new StagedWorker(line, nik, name, sex, birth, village, category, input.segment(), Rupiah.of(input.wage()),
                input.riskGroup(), programs, PayerRef.parse(input.payer(), village, nik), input.startDate(),
                phone.isEmpty() ? null : phone, kpj.isEmpty() ? null : kpj, decile, wage == null),
                rules.warnings(input).stream().map(w -> w.onLine(line)).toList());
    }

    private static void unreadable(List<InputProblem> p, Set<Field> unreadable, long line, Field field, Code code, String message) {
        unreadable.add(field);
        p.add(new InputProblem(line, field.column(), code.name(), message));
    }

    private String get(String[] f, String canonical) {
        return columns.get(f, canonical);
    }

    private static InputProblem problem(long line, String field, String code, String message) {
        return new InputProblem(line, field, code, message);
    }
}
