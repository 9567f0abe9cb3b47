package id.lindung.registry;

import com.fasterxml.jackson.annotation.JsonValue;
import id.lindung.shared.Segment;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a worker does in the village, as the field names it: reference data of the registry (table
 * {@code worker_category}), read through {@link WorkerCategories}, extendable by an administrator at run time. Its
 * code is permanent and is what workers, files and the API carry; in JSON a category is its code.
 *
 * @param code                 stable key, upper case letters, digits and underscores ({@link #CODE})
 * @param nameId               the Indonesian name
 * @param nameEn               the English name
 * @param villageApparatus     counts as village apparatus (apparatus indicators, Desa Sadar); in a desa its memberships
 *                             are paid by the village budget unless another payer is named
 * @param defaultSegment       the segment of a membership that states none
 * @param defaultWageParameter the regulation parameter of the default wage of a PU membership that states none (a BPU
 *                             membership takes the lowest declared income whatever the category)
 * @param opensidCodes         the OpenSID pekerjaan_id values that the import maps to this category, ascending
 * @param active               offered for new workers; a retired category keeps its workers
 * @param sortOrder            position in lists
 * @param verified             whether a source supports the defaults; {@code note} says which, or what is unconfirmed
 * @param note                 the note in English
 * @param noteId               the note in Indonesian ({@link #note(Locale)} picks the page's)
 */
public record WorkerCategory(String code, String nameId, String nameEn, boolean villageApparatus, Segment defaultSegment,
                             String defaultWageParameter, List<Integer> opensidCodes, boolean active, int sortOrder,
                             boolean verified, String note, String noteId) {

    /** A category whose note is in English only. */
    public WorkerCategory(String code, String nameId, String nameEn, boolean villageApparatus, Segment defaultSegment,
                          String defaultWageParameter, List<Integer> opensidCodes, boolean active, int sortOrder,
                          boolean verified, String note) {
        this(code, nameId, nameEn, villageApparatus, defaultSegment, defaultWageParameter, opensidCodes, active, sortOrder,
                verified, note, null);
    }

    /** The form of a code. */
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    /** Longest name. */
    public static final int MAX_NAME = 100;

    /** Highest OpenSID pekerjaan_id accepted (the seeded list has 1-89; installs may add a few). */
    public static final int MAX_OPENSID_CODE = 999;

    public WorkerCategory {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("category code '" + code + "' must be 2 to 40 upper-case letters, digits or _, "
                    + "starting with a letter");
        }
        if (blank(nameId) || blank(nameEn)) {
            throw new IllegalArgumentException("category " + code + " needs an Indonesian and an English name");
        }
        if (defaultSegment == null || blank(defaultWageParameter)) {
            throw new IllegalArgumentException("category " + code + " needs a default segment and a default wage parameter");
        }
        opensidCodes = opensidCodes == null ? List.of() : opensidCodes.stream().distinct().sorted().toList();
        for (int c : opensidCodes) {
            if (c < 1 || c > MAX_OPENSID_CODE) {
                throw new IllegalArgumentException("OpenSID pekerjaan code " + c + " is not 1 to " + MAX_OPENSID_CODE);
            }
        }
        nameId = nameId.trim();
        nameEn = nameEn.trim();
        note = blank(note) ? null : note.trim();
        noteId = blank(noteId) ? null : noteId.trim();
    }

    /** The code a text names: upper case, with spaces, dashes and slashes as underscores ("rt/rw" is RT_RW). */
    public static String codeOf(String text) {
        if (text == null) {
            return "";
        }
        String upper = text.trim().toUpperCase(Locale.ROOT);
        // the import asks this for every row: the regular expression only where there is something to replace
        for (int i = 0; i < upper.length(); i++) {
            if (SEPARATOR_CHARS.indexOf(upper.charAt(i)) >= 0) {
                return SEPARATORS.matcher(upper).replaceAll("_");
            }
        }
        return upper;
    }

    /** Runs of white space (as {@code \s} means it: space, tab, line breaks, form feed, vertical tab), slashes, dashes. */
    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s/\\-]+");
    private static final String SEPARATOR_CHARS = " \t\n\u000B\f\r/-";

    /** The former enum's name for the flag: village apparatus are registered as wage earners with the village. */
    public boolean isVillageOfficial() {
        return villageApparatus;
    }

    /** The name in the page's language: English for {@code en}, else Indonesian. */
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameId;
    }

    /** The note in the page's language (Indonesian unless English is asked for), else the other one; null when neither. */
    public String note(Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        String wanted = english ? note : noteId;
        return wanted != null ? wanted : english ? noteId : note;
    }

    /** Whether the import maps OpenSID's pekerjaan {@code id} to this category. */
    public boolean mapsOpenSid(int id) {
        return opensidCodes.contains(id);
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
