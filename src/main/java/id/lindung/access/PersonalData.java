package id.lindung.access;

import id.lindung.shared.MaskedText;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one rule for personal data on every page, API answer, export and audit entry (docs/privacy.md, UU 27/2022).
 * Roles that register, verify or pay for workers (ADMIN, DPMD, VILLAGE_OPERATOR, BPJS_OFFICER) see the full NIK, birth
 * date and phone of the workers their scope covers (every read is scoped in SQL). The read-only roles (MONITOR, AUDITOR)
 * see a NIK as its first 6 and last 2 digits, a birth date as its year, no phone or e-mail, and a self-paying worker's
 * payer code ({@code SELF:<nik>}) as {@code SELF}; they cannot address or search a worker by NIK at all. Names are
 * shown to every role in scope (monitoring needs them; a name alone does not give a NIK back), except a self-payer's
 * payer name, which is built from the NIK and so follows the NIK rule.
 */
public final class PersonalData {

    private static final String SELF_PREFIX = "SELF:";
    /** What a self-paying worker's payer is called, before the NIK as the reader may see it. */
    public static final String SELF_PAYER_NAME = id.lindung.platform.Formats.SELF_PAYER_NAME;
    private static final Pattern BIRTH_DATE = Pattern.compile(
            "(\"(?:birthDate|birth_date)\"\\s*:\\s*\")([0-9]{4})-[0-9]{2}-[0-9]{2}");
    private static final Pattern CONTACT = Pattern.compile("(\"(?:phone|email|contactPhone|contactEmail)\"\\s*:\\s*\")[^\"]*");
    /**
     * A search as someone typed it, kept in an audit entry's filter ({@code "q"}), or a payer filter naming a self-payer
     * ({@code "payer":"SELF:..."}): either may hold a NIK cut short, spaced or dashed, or a phone number.
     */
    private static final Pattern TYPED_SEARCH = Pattern.compile("(\"(?:q|payer)\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)");
    /** A whole NIK as {@link MaskedText#digitRuns} left it, alone or as a self-payer's code. */
    private static final Pattern MASKED_NIK = Pattern.compile("(?i)(?:SELF:)?[0-9]{6}\\*{8}[0-9]{2}");
    private static final Pattern ISO_DATE = Pattern.compile("(?<![0-9])([0-9]{4})-[0-9]{2}-[0-9]{2}(?![0-9])");
    /**
     * A date as people type it in a sentence: 07-04-1960, 7/4/1960, 07.04.1960 (also before a full stop). Not the last
     * three parts of a village code (64.02.03.2007 is no date of 2 March 2007: a dot or digit before it, or a dot and a
     * digit after it, keeps it whole; review of 7 December 2026, a masked role read "Desa 64.9999" for 64.02.99.9999).
     */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?<![0-9.])[0-9]{1,2}[-/.][0-9]{1,2}[-/.]([0-9]{4})(?!\\.?[0-9])");
    /** Digits in groups split by single spaces or dashes (a NIK or a phone written 6402 1347 0460 0001 or 0812-3456-7890). */
    private static final Pattern GROUPED_DIGITS = Pattern.compile("(?<![0-9])[0-9]+(?:[ -][0-9]+)+(?![0-9])");
    /**
     * Members of an audit entry that hold what a person typed (a recomputation's reason, a scholarship payment's
     * reference): read as {@link #maskTyped}, as the claim's page shows them. Their phone and account numbers were whole
     * in the audit trail while the claim page masked them. A local regulation's number, title and counterparty too, as
     * its own page and API mask them (a NIK typed with spaces in the counterparty was whole in the audit trail).
     */
    private static final Pattern FREE_TEXT = Pattern.compile(
            "(\"(?:reason|note|notes|comment|description|remarks|reference|counterparty|title|number)\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)");

    private PersonalData() {}

    /** Whether the actor sees full NIKs, birth dates and phones (and may look a worker up by NIK). */
    public static boolean seesFull(Actor actor) {
        return actor != null && actor.role() != null && actor.role().canChangeData();
    }

    /** Whether the actor may name a worker by NIK in a path or search: the same roles that see it. */
    public static boolean mayAddressByNik(Actor actor) {
        return seesFull(actor);
    }

    /** A NIK as the actor may see it: whole, or its first 6 and last 2 digits ({@code 640203********01}). */
    public static String nik(Actor actor, String nik) {
        return seesFull(actor) ? nik : mask(nik);
    }

    /** The masked form of a NIK, the same for every masked reader. */
    public static String mask(String nik) {
        if (nik == null || nik.length() < 8) {
            return nik == null ? null : "*".repeat(nik.length());
        }
        return nik.substring(0, 6) + "*".repeat(nik.length() - 8) + nik.substring(nik.length() - 2);
    }

    /**
     * A payer code as a "not found" answer repeats it to every reader: cut as every echoed value is, and a self-payer's
     * NIK masked ({@code SELF:640203********97}), as a worker's "not found" masks its NIK ({@code NikLookups}); a masked
     * role is answered so for a NIK it typed too, whether the NIK exists or not (docs/privacy.md).
     */
    public static String echoedPayerCode(String code) {
        return MaskedText.digitRuns(id.lindung.platform.InputProblem.shown(code), 16, 16);
    }

    /**
     * No payer in the reader's scope has the code asked for: the code echoed ({@link #echoedPayerCode}) in quotes, as the
     * refusal of a text that is no payer code quotes it, so a lower-case, several-word or self-payer's code
     * ({@code apbd kab:64.02}, {@code self:640203********01}) is one value in an Indonesian sentence, not pieces.
     */
    public static id.lindung.platform.NotFoundException payerNotFound(String code) {
        return new id.lindung.platform.NotFoundException("Payer '" + echoedPayerCode(code) + "' not found");
    }

    /** The birth date as the actor may see it: ISO date, or only the year (digits 7-12 of a NIK are the birth date). */
    public static String birthDate(Actor actor, LocalDate birthDate) {
        if (birthDate == null) {
            return null;
        }
        return seesFull(actor) ? birthDate.toString() : String.valueOf(birthDate.getYear());
    }

    /** The birth date as a value, for the API: null for a masked reader (the year is in {@link #birthDate}). */
    public static LocalDate birthDateValue(Actor actor, LocalDate birthDate) {
        return seesFull(actor) ? birthDate : null;
    }

    /** A phone number or e-mail address: only for the roles that see full data. */
    public static String contact(Actor actor, String phoneOrEmail) {
        return seesFull(actor) ? phoneOrEmail : null;
    }

    /** A payer code as the actor may see it: {@code SELF:<nik>} is {@code SELF} for masked readers. */
    public static String payerCode(Actor actor, String payerCode) {
        if (payerCode == null || seesFull(actor) || !payerCode.startsWith(SELF_PREFIX)) {
            return payerCode;
        }
        return "SELF";
    }

    /** A {@code ;}-separated list of payer codes (as the worker list aggregates them), each as {@link #payerCode}. */
    public static String payerCodes(Actor actor, String payerCodes) {
        if (payerCodes == null || seesFull(actor)) {
            return payerCodes;
        }
        return Arrays.stream(payerCodes.split(";")).map(code -> payerCode(actor, code)).distinct()
                .collect(Collectors.joining(";"));
    }

    /**
     * A payer's name beside its code: a self-payer's name is made from the NIK of the code, shown as {@link #nik} shows
     * it, so that name and code never disagree (a masked name beside a full code, or the reverse).
     */
    public static String payerName(Actor actor, String payerCode, String storedName) {
        if (payerCode != null && payerCode.startsWith(SELF_PREFIX)) {
            return SELF_PAYER_NAME + nik(actor, payerCode.substring(SELF_PREFIX.length()));
        }
        return storedName;
    }

    /**
     * Free text (an audit entry's JSON, an export cell) as the actor may read it. For a masked reader every 16-digit run
     * (a NIK, also inside {@code SELF:<nik>}) keeps its first 6 and last 2, birth dates in JSON become years and phones
     * and e-mail addresses in JSON are hidden, and a kept search ({@code "q"}, a self-payer filter) shows no digit past its
     * sixth ({@link #maskedSearch}).
     * Stored text is never changed.
     */
    public static String text(Actor actor, String text) {
        return seesFull(actor) ? text : maskText(text);
    }

    /** {@link #text} for a masked reader. */
    public static String maskText(String text) {
        if (text == null) {
            return null;
        }
        String masked = MaskedText.digitRuns(text, 16, 16);
        masked = BIRTH_DATE.matcher(masked).replaceAll("$1$2");
        masked = TYPED_SEARCH.matcher(masked).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1) + maskedSearch(m.group(2))));
        masked = FREE_TEXT.matcher(masked).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1) + maskTyped(m.group(2))));
        return CONTACT.matcher(masked).replaceAll("$1***");
    }

    /**
     * A kept search for a masked reader: every digit after the first six is hidden, however the digits were grouped
     * ({@code 6402 0314 0974 0001}, {@code 640203-140974-0001}) and however many were typed, since each prefix length
     * showed a different pair of a NIK's hidden digits; the district (first six) stays, as in a masked NIK. A payer
     * filter is read so only for a self-payer ({@code SELF:<nik>}): other payer codes name regions, not people.
     */
    static String maskedSearch(String text) {
        if (text.regionMatches(true, 0, "APBD", 0, 4) || text.regionMatches(true, 0, "EMPLOYER", 0, 8)
                || text.regionMatches(true, 0, "DONOR", 0, 5) || MASKED_NIK.matcher(text).matches()) {
            // a region's payer code; or a whole NIK, masked as every NIK already (its first 6 and last 2)
            return text;
        }
        // a date first becomes its year (a birth date typed as a search), then no digit past the sixth shows
        String dated = ISO_DATE.matcher(text).replaceAll("$1");
        StringBuilder out = new StringBuilder(dated.length());
        int digits = 0;
        for (int i = 0; i < dated.length(); i++) {
            char c = dated.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            out.append(digit && ++digits > 6 ? '*' : c);
        }
        return out.toString();
    }

    /**
     * Text that quotes what someone typed (an import's rejection reason, a claim's reason) for a masked reader: a NIK typed
     * wrong can have any length, so every run of 10 or more digits keeps its first 6 and last 2 (a phone number too),
     * counted across single spaces or dashes between groups (6402 13** **** **01), and every date shows its year, ISO
     * or day-month-year (a spaced NIK and "lahir 07-04-1960" were shown whole to masked roles).
     */
    public static String maskTyped(String text) {
        if (text == null) {
            return null;
        }
        String dated = ISO_DATE.matcher(DAY_MONTH_YEAR.matcher(text).replaceAll("$1")).replaceAll("$1");
        String grouped = GROUPED_DIGITS.matcher(dated).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(maskGroups(m.group())));
        return MaskedText.digitRuns(grouped, 10, Integer.MAX_VALUE);
    }

    /** Digits in groups: 10 or more keep their first 6 and last 2, the separators stay; fewer stay as they are. */
    private static String maskGroups(String groups) {
        long total = groups.chars().filter(c -> c >= '0' && c <= '9').count();
        if (total < 10) {
            return groups;
        }
        StringBuilder out = new StringBuilder(groups.length());
        int seen = 0;
        for (int i = 0; i < groups.length(); i++) {
            char c = groups.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            out.append(digit && ++seen > 6 && seen <= total - 2 ? '*' : c);
        }
        return out.toString();
    }
}
