package id.lindung.registry;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Segment;
import id.lindung.shared.Programme;

import id.lindung.platform.InputProblem;
import id.lindung.platform.TextRules;
import id.lindung.shared.Rupiah;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule set for a worker's input, however it arrives: the registration and membership forms, the API and the
 * bulk import all put their typed values through it, so the same bad value is refused with the same {@link Code}
 * everywhere. Pure Java: what it needs to know about the world (district codes, which villages are desa, the
 * regulation's BPU income range and default wages, today) comes in as {@link Facts}.
 *
 * <p>Turning text into typed values is the edges' job (the form, JSON binding, the import's row parser); text that
 * cannot be read gets a parse code ({@link Code#INVALID_DATE}, {@link Code#WAGE_INVALID}, the {@code *_UNKNOWN}
 * codes) from the edge, which then names that field as unreadable so that the rules do not also call it missing.
 * Checks that need the registry's current state (the village lies in the caller's area, the NIK is not registered
 * yet, the worker is active) stay with the use cases that hold that state.
 */
public final class WorkerInputRules {

    /** Longest name accepted. */
    public static final int MAX_NAME = 200;

    /** The earliest start of a membership: Jamsostek began in 1977; anything earlier is a typing error. */
    public static final LocalDate EARLIEST_START = LocalDate.of(1977, 1, 1);

    /** How far ahead a membership may be started: registrations are planned at most a year ahead. */
    public static final int MAX_DAYS_AHEAD = 366;

    /** Largest number of whole-rupiah digits of a wage (the column is numeric(18, 2)). */
    public static final int MAX_WAGE_DIGITS = 16;

    /**
     * Every reason a worker's input is refused. Parse codes are given by the edge that reads text; the rest by
     * {@link WorkerInputRules}. The import's rejection file and the API's problem list carry these names, and the
     * message files hold {@code problem.<CODE>}; docs/registry.md lists them.
     */
    public enum Code {
        // ---- parse codes: the text is not a value of the field's type (given by the edges)
        /** A date field's text is not a date. */
        INVALID_DATE,
        /** The wage's text is not an amount. */
        WAGE_INVALID,
        /** The category's text is not the code of a {@link WorkerCategory} ({@link WorkerCategories}). */
        CATEGORY_UNKNOWN,
        /** The segment's text is not PU or BPU. */
        SEGMENT_UNKNOWN,
        /** The risk group's text is not a {@link RiskGroup}. */
        RISK_UNKNOWN,
        /** A programme's text is not a {@link Programme}. */
        PROGRAM_UNKNOWN,
        /** An OpenSID pekerjaan code that is not in the occupation list (import only). */
        UNKNOWN_PEKERJAAN_CODE,
        /** An OpenSID pekerjaan that is not one of the target workers (import only). */
        NOT_A_TARGET_WORKER,
        /** A control character, or text that was not UTF-8 (import only). */
        INVALID_CHARACTER,

        // ---- rules on typed values
        /** A required value is missing. */
        REQUIRED,
        /** The name is longer than {@link #MAX_NAME}. */
        TOO_LONG,
        /** A name with characters a name does not have (markup, symbols), or with no letter ({@link TextRules.Kind#PERSON_NAME}). */
        NAME_INVALID,
        /** A phone number that is not 4 to 15 digits ({@link TextRules.Kind#PHONE}). */
        PHONE_INVALID,
        /** A KPJ card number that is not 8 to 16 digits ({@link TextRules.Kind#KPJ}). */
        KPJ_INVALID,
        /** The same programme asked for twice. */
        PROGRAM_DUPLICATE,
        /** A start date before {@link #EARLIEST_START} or more than {@link #MAX_DAYS_AHEAD} days after today. */
        START_DATE_OUT_OF_RANGE,
        /** Sex is not L or P. */
        INVALID_SEX,
        /** The poverty decile is not 1 to 10. */
        OUT_OF_RANGE,
        /** The NIK is not 16 digits ({@link NikCheck}). */
        NIK_NOT_16_DIGITS,
        /** The NIK's first six digits are not a district code. */
        NIK_UNKNOWN_DISTRICT,
        /** The NIK's digits 7-12 are not a DDMMYY date. */
        NIK_INVALID_DATE,
        /** The NIK's serial is 0000. */
        NIK_SERIAL_ZERO,
        /** The NIK encodes another sex than the one entered. */
        NIK_SEX_MISMATCH,
        /** The NIK encodes another birth date than the one entered. */
        NIK_BIRTH_DATE_MISMATCH,
        /** The wage is zero or negative. */
        WAGE_NOT_POSITIVE,
        /** The wage has more than two decimals. */
        WAGE_SCALE,
        /** The wage has more than {@link #MAX_WAGE_DIGITS} whole digits. */
        WAGE_TOO_LARGE,
        /** No wage was given and no default wage is in force on the start date. */
        WAGE_REQUIRED,
        /** A BPU participant's declared income lies outside the regulation's range on the start date. */
        BPU_INCOME_OUT_OF_RANGE,
        /** A programme that the segment may not hold (BPU: only JKK, JKM, JHT). */
        PROGRAM_NOT_FOR_SEGMENT,
        /** The payer cannot be read, or cannot pay for the worker's village ({@link PayerRef#parse}). */
        PAYER_INVALID,
        /** A wage earner (PU) with a payer that is not an employer (SELF). */
        PU_NEEDS_EMPLOYER,
        /** An APBDes payer for a kelurahan, which has none. */
        NO_APBDES,
        /** An APBD payer whose region does not exist. */
        REGION_UNKNOWN,
        /** A category an administrator retired: it keeps its workers but takes no new ones. */
        CATEGORY_INACTIVE;

        /** Whether the code says that text could not be read (given by an edge), not that a value breaks a rule. */
        public boolean isParseCode() {
            return ordinal() <= INVALID_CHARACTER.ordinal();
        }
    }

    /**
     * The fields of a worker's input, with the name the forms and the API use and the column name of the import
     * file, so that each edge reports a problem under its own name.
     */
    public enum Field {
        NIK("nik", "nik"), NAME("name", "name"), SEX("sex", "sex"), BIRTH_DATE("birthDate", "birth_date"),
        VILLAGE("villageCode", "village_code"), CATEGORY("category", "category"),
        POVERTY_DECILE("povertyDecile", "poverty_decile"), PROGRAMS("programs", "programs"),
        /** The one programme of a change of terms. */
        PROGRAM("program", "programs"),
        SEGMENT("segment", "segment"), WAGE("wage", "wage"), RISK_GROUP("riskGroup", "risk"), PAYER("payer", "payer"),
        START_DATE("startDate", "start_date"), PHONE("phone", "phone"), KPJ("kpj", "kpj");

        private final String inputName;
        private final String column;

        Field(String inputName, String column) {
            this.inputName = inputName;
            this.column = column;
        }

        /** The field's name in forms and the API. */
        public String inputName() {
            return inputName;
        }

        /** The column's canonical name in an import file. */
        public String column() {
            return column;
        }
    }

    /** One thing wrong with the input. */
    public record Problem(Field field, Code code, String message) {

        /** As the forms and the API report it. */
        public InputProblem asInput() {
            return InputProblem.of(field.inputName(), code.name(), message);
        }

        /** As the import reports it, on a line of the file. */
        public InputProblem onLine(long line) {
            return new InputProblem(line, field.column(), code.name(), message);
        }

        /** As a change of terms reports it: the new terms' start is the request's {@code validFrom}, not {@code startDate}. */
        public InputProblem asTermChange() {
            return InputProblem.of(field == Field.START_DATE ? "validFrom" : field.inputName(), code.name(), message);
        }
    }

    /** Something the input is registered with but that looks wrong: warned, never refused. */
    public record Warning(Field field, String code, String message) {

        /** As the forms and the API report it. */
        public InputProblem asInput() {
            return InputProblem.of(field.inputName(), code, message);
        }

        /** As the import reports it, on a line of the file. */
        public InputProblem onLine(long line) {
            return new InputProblem(line, field.column(), code, message);
        }
    }

    /**
     * What the input (with its defaults filled in) is registered with but looks wrong, the way the quotes warn: a PU
     * membership's wage below the usual minimum on its start date ({@link id.lindung.contribution.LowWage}). Never a refusal.
     */
    public List<Warning> warnings(WorkerInput in) {
        if (!in.opensMemberships() || in.wage() == null || in.wage().signum() <= 0 || in.startDate() == null) {
            return List.of();
        }
        Rupiah wage = Rupiah.of(in.wage());
        Rupiah usual = facts.usualMinimumWage(in.startDate());
        return id.lindung.contribution.LowWage.isLow(in.segment(), wage, usual)
                ? List.of(new Warning(Field.WAGE, id.lindung.contribution.LowWage.CODE, id.lindung.contribution.LowWage.message(wage, usual)))
                : List.of();
    }

    /** What the rules need to know about the world; the registry answers from the database, the import from sets loaded once. */
    public interface Facts {
        boolean districtExists(String districtCode);

        /** Whether the village is a desa (and so has an APBDes); empty when it is not a known village. */
        Optional<Boolean> isDesa(String villageCode);

        boolean apbdRegionExists(String regionCode);

        /** {min, max} declared income of a BPU participant on a date. */
        BpuIncomeRange.Range bpuIncomeRange(LocalDate on);

        /** The least wage a wage earner (PU) is usually reported at on a day ({@link id.lindung.contribution.LowWage}). */
        Rupiah usualMinimumWage(LocalDate on);

        /** The wage assumed for a membership that states none; empty when none is in force on {@code start}. */
        Optional<Rupiah> defaultWage(WorkerCategory category, Segment segment, LocalDate start);

        LocalDate today();
    }

    /**
     * A worker and, when {@code programmes} is not empty, the memberships to open from {@code startDate}.
     *
     * @param sex L or P; the edges translate other spellings
     * @param payer a payer as the import format and {@link PayerRef#parse} accept it
     */
    public record WorkerInput(String nik, String name, String sex, LocalDate birthDate, String villageCode,
                              WorkerCategory category, Integer povertyDecile, List<Programme> programmes, Segment segment,
                              BigDecimal wage, RiskGroup riskGroup, String payer, LocalDate startDate) {

        public boolean opensMemberships() {
            return programmes != null && !programmes.isEmpty();
        }
    }

    /** A new version of one programme's terms for the worker with {@code nik} in {@code villageCode}. */
    public record TermInput(Programme program, Segment segment, BigDecimal wage, RiskGroup riskGroup, String payer,
                            LocalDate startDate) {}

    private final Facts facts;
    private final MembershipDefaults defaults;
    private final TermRules termRules;

    public WorkerInputRules(Facts facts) {
        this.facts = facts;
        this.defaults = new MembershipDefaults(facts);
        this.termRules = new TermRules(facts);
    }

    /**
     * The input with blank membership values filled in by category (docs/opensid-import.md): the category's segment;
     * a village official in a desa paid by the village (APBDES), anyone else paying themselves (SELF) except a wage
     * earner (PU), who needs an employer and gets none; a PU risk group VERY_LOW ({@link #riskOrDefault}); the start
     * {@code defaultStart}; the default wage in force then. Values that cannot be defaulted stay null and the rules
     * say so. Nothing is filled in when no membership is asked for, nor for a field in {@code unreadable}.
     */
    public WorkerInput withDefaults(WorkerInput in, LocalDate defaultStart, Set<Field> unreadable) {
        return defaults.withDefaults(in, defaultStart, unreadable);
    }

    /** A change of terms with the PU risk group defaulted. */
    public static TermInput withDefaults(TermInput t) {
        return MembershipDefaults.withDefaults(t);
    }

    /** A PU term's risk group, VERY_LOW when none is given: billing needs one ({@link MembershipDefaults#riskOrDefault}). */
    public static RiskGroup riskOrDefault(Segment segment, RiskGroup risk) {
        return MembershipDefaults.riskOrDefault(segment, risk);
    }

    /**
     * Every problem of a worker's input (after {@link #withDefaults}).
     *
     * @param unreadable fields whose text the edge could not read and has already reported: not reported again
     */
    public List<Problem> check(WorkerInput in, Set<Field> unreadable) {
        List<Problem> p = new ArrayList<>();
        if (!unreadable.contains(Field.NAME)) {
            text(Field.NAME, in.name(), TextRules.Kind.PERSON_NAME, MAX_NAME, true, p);
        }
        boolean sexKnown = "L".equals(in.sex()) || "P".equals(in.sex());
        if (!sexKnown && !unreadable.contains(Field.SEX)) {
            p.add(new Problem(Field.SEX, Code.INVALID_SEX, "sex must be L or P"));
        }
        if (in.birthDate() == null && !unreadable.contains(Field.BIRTH_DATE)) {
            p.add(new Problem(Field.BIRTH_DATE, Code.REQUIRED, "birth date is required"));
        }
        if (!unreadable.contains(Field.NIK)) {
            NikCheck.Result nik = NikCheck.check(in.nik(), facts::districtExists, sexKnown ? in.sex().charAt(0) : null,
                    in.birthDate(), facts.today());
            for (NikCheck.Error e : nik.errors()) {
                p.add(new Problem(Field.NIK, Code.valueOf(e.code()), e.message()));
            }
        }
        if (in.category() == null && !unreadable.contains(Field.CATEGORY)) {
            p.add(new Problem(Field.CATEGORY, Code.REQUIRED, "category is required"));
        } else if (in.category() != null && !in.category().active()) {
            p.add(new Problem(Field.CATEGORY, Code.CATEGORY_INACTIVE, "category " + in.category().code()
                    + " is retired and takes no new workers"));
        }
        if (in.povertyDecile() != null && (in.povertyDecile() < 1 || in.povertyDecile() > 10)) {
            p.add(new Problem(Field.POVERTY_DECILE, Code.OUT_OF_RANGE, "poverty decile must be 1 to 10"));
        }
        if (in.opensMemberships()) {
            if (in.programmes().stream().anyMatch(java.util.Objects::isNull)) {
                p.add(new Problem(Field.PROGRAMS, Code.REQUIRED, "programs may not hold an empty value"));
            } else if (new java.util.HashSet<>(in.programmes()).size() < in.programmes().size()) {
                p.add(new Problem(Field.PROGRAMS, Code.PROGRAM_DUPLICATE, "programs names a programme twice: " + in.programmes()));
            }
            for (Programme programme : in.programmes()) {
                if (programme == null) {
                    continue;
                }
                if (in.segment() != null && !programme.allowedFor(in.segment())) {
                    p.add(new Problem(Field.PROGRAMS, Code.PROGRAM_NOT_FOR_SEGMENT,
                            programme + " is not available to " + in.segment() + " participants"));
                }
            }
            termRules.check(in.segment(), in.wage(), in.payer(), in.startDate(), true, in.category() != null, in.villageCode(),
                    in.nik(), unreadable, p);
        } else {
            // without memberships the start date is still the registration's date in the status history: 9999-12-31
            // was stored there (issue 12 item 10, junk stored)
            termRules.startInRange(in.startDate(), p);
        }
        return p;
    }

    /** Every problem of a change of one programme's terms (after {@link #withDefaults(TermInput)}). */
    public List<Problem> check(TermInput t, String villageCode, String nik) {
        List<Problem> p = new ArrayList<>();
        if (t.program() == null) {
            p.add(new Problem(Field.PROGRAM, Code.REQUIRED, "program is required"));
        }
        if (t.segment() == null) {
            p.add(new Problem(Field.SEGMENT, Code.REQUIRED, "segment is required"));
        }
        if (!p.isEmpty()) {
            return p;
        }
        termRules.check(t.segment(), t.wage(), t.payer(), t.startDate(), false, true, villageCode, nik, Set.of(), p);
        if (!t.program().allowedFor(t.segment())) {
            p.add(new Problem(Field.PROGRAM, Code.PROGRAM_NOT_FOR_SEGMENT, t.program() + " is not available to " + t.segment()
                    + " participants"));
        }
        return p;
    }

    /** Every problem of a worker's phone number and KPJ card number, both optional. */
    public static List<Problem> checkContact(String phone, String kpj) {
        List<Problem> p = new ArrayList<>();
        text(Field.PHONE, phone, TextRules.Kind.PHONE, TextRules.Kind.PHONE.max(), false, p);
        text(Field.KPJ, kpj, TextRules.Kind.KPJ, TextRules.Kind.KPJ.max(), false, p);
        return p;
    }

    private static void text(Field field, String value, TextRules.Kind kind, int max, boolean required, List<Problem> p) {
        TextRules.check(field.inputName(), value, kind, max, required)
                .ifPresent(problem -> p.add(new Problem(field, Code.valueOf(problem.code()), problem.message())));
    }

    /**
     * The payer a worker of {@code villageCode} names, checked for a term of {@code segment}: the payer, or empty with
     * the reasons added to {@code problems}. Used also when a transfer names who pays in the new village.
     */
    public Optional<PayerRef> payer(Segment segment, String spec, String villageCode, String nik, List<Problem> problems) {
        return termRules.payer(segment, spec, villageCode, nik, problems);
    }
}
