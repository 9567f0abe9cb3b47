package id.lindung.platform;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules every free text of an input obeys, by the kind of text it is: one place that says what a name, a phone
 * number, a KPJ number or a remark may contain and how long it may be, so that the forms, the API and the imports
 * refuse the same junk with the same code (docs/api-errors.md, "Text"). Pure Java.
 *
 * <p>{@link #normalise} is what is stored: Unicode NFC, zero-width characters removed, white space at the ends
 * stripped and, in one-line texts, runs of spaces made one. {@link #check} then refuses, in this order:
 * <ul>
 *   <li>{@code INVALID_CHARACTER}: a control character (a line break in a one-line text), a lone surrogate (text that
 *       was not valid Unicode), a bidirectional override or isolate (which makes text read otherwise than it is
 *       stored), a private-use or unassigned code point, or U+FFFD (a file that was not UTF-8);</li>
 *   <li>{@code REQUIRED}: nothing left, e.g. a name of zero-width spaces only (when the field is required);</li>
 *   <li>{@code TOO_LONG}: more characters than the kind's limit;</li>
 *   <li>the kind's own form: {@code NAME_INVALID}, {@code PHONE_INVALID}, {@code KPJ_INVALID}.</li>
 * </ul>
 */
public final class TextRules {

    /** The kinds of text, each with its longest length and its form. */
    public enum Kind {
        /**
         * A person's name: letters, with digits, spaces and . , ' ’ - ( ) / as in titles and initials, and the quotes,
         * backslashes, &amp;, # and ; a nickname, a copied spreadsheet cell or an exported entity brings; never markup or
         * expressions ({@code < > = { } [ ] * $ % @ ! ?}) nor emoji.
         */
        PERSON_NAME(200, "NAME_INVALID", "[\\p{L}\\p{M}0-9 .,'’`\"\\\\\\-()/&#;]*\\p{L}[\\p{L}\\p{M}0-9 .,'’`\"\\\\\\-()/&#;]*",
                "letters, digits, spaces and . , ' \" - ( ) / & # ; only, with at least one letter"),
        /** An organisation's name (employer, donor): also &amp; + and quotes-free punctuation; ':' is refused by the payer code. */
        ORGANISATION_NAME(120, "NAME_INVALID", "[\\p{L}\\p{M}0-9 .,'’`\"\\-()/&+:]*[\\p{L}0-9][\\p{L}\\p{M}0-9 .,'’`\"\\-()/&+:]*",
                "letters, digits, spaces and . , ' - ( ) / & + only, with at least one letter or digit"),
        /** A phone number: 4 (an office extension) to 15 digits, optionally a leading + and spaces, dashes, dots or brackets. */
        PHONE(25, "PHONE_INVALID", "\\+?[0-9 ()./\\-]*", "4 to 15 digits, optionally with a leading +, spaces, dashes, dots or brackets"),
        /** A BPJS Ketenagakerjaan card number (KPJ): 8 to 16 digits. */
        KPJ(16, "KPJ_INVALID", "[0-9]{8,16}", "8 to 16 digits"),
        /** One line of text: a contact person, a reference, a reason. */
        LINE(300, null, null, null),
        /** Text of several lines: an address, a remark. */
        TEXT(1000, null, null, null);

        private final int max;
        private final String formCode;
        private final Pattern form;
        private final String formText;

        Kind(int max, String formCode, String form, String formText) {
            this.max = max;
            this.formCode = formCode;
            this.form = form == null ? null : Pattern.compile(form);
            this.formText = formText;
        }

        public int max() {
            return max;
        }

        Pattern form() {
            return form;
        }

        boolean multiLine() {
            return this == TEXT;
        }
    }

    private static final Pattern ZERO_WIDTH = Pattern.compile("[\\u200B\\uFEFF\\u2060\\u180E]");
    private static final Pattern SPACES = Pattern.compile("[ \\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");

    private TextRules() {}

    /** The text as stored: NFC, zero-width characters removed, stripped, (one-line) runs of spaces made one; null stays null. */
    public static String normalise(String text, Kind kind) {
        if (text == null) {
            return null;
        }
        if (plainAscii(text)) {
            // nearly every imported value: nothing to compose, no zero-width character, no run of spaces to join, so only
            // the ends are stripped (the same result as below without its two regular expressions and the normaliser)
            return text.strip();
        }
        return normaliseFully(text, kind);
    }

    /** {@link #normalise} without its shortcut for plain ASCII (TextRulesTests compares the two). */
    static String normaliseFully(String text, Kind kind) {
        String s = ZERO_WIDTH.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll("");
        if (!kind.multiLine()) {
            s = SPACES.matcher(s).replaceAll(" ");
        }
        return s.strip();
    }

    /** {@link #check(String, String, Kind, int, boolean)} with the kind's own limit. */
    public static Optional<InputProblem> check(String field, String text, Kind kind, boolean required) {
        return check(field, text, kind, kind.max(), required);
    }

    /**
     * What is wrong with {@code text} as a {@code kind} of at most {@code max} characters, judged on its
     * {@link #normalise normalised} form; empty when nothing is. A blank optional text is fine.
     */
    public static Optional<InputProblem> check(String field, String text, Kind kind, int max, boolean required) {
        String s = normalise(text, kind);
        if (s != null && !printableAscii(s) && invalidCharacter(s, kind.multiLine())) {
            return Optional.of(InputProblem.of(field, "INVALID_CHARACTER", field + " has a control, invisible or direction-changing "
                    + "character, or text that is not valid UTF-8"));
        }
        if (s == null || s.isEmpty()) {
            return required ? Optional.of(InputProblem.of(field, "REQUIRED", field + " is required")) : Optional.empty();
        }
        if (s.codePointCount(0, s.length()) > max) {
            return Optional.of(InputProblem.of(field, "TOO_LONG", field + " may have at most " + max + " characters"));
        }
        if (kind == Kind.PERSON_NAME && printableAscii(s) ? !asciiPersonName(s) : kind.form != null && !kind.form.matcher(s).matches()) {
            return Optional.of(InputProblem.of(field, kind.formCode, field + " must be " + kind.formText));
        }
        if (kind == Kind.PHONE) {
            long digits = s.chars().filter(c -> c >= '0' && c <= '9').count();
            if (digits < 4 || digits > 15) {
                return Optional.of(InputProblem.of(field, kind.formCode, field + " must be " + kind.formText));
            }
        }
        return Optional.empty();
    }

    /** Printable ASCII only (U+0020 to U+007E), with no two spaces in a row: what {@link #normalise} leaves as it is but for its ends. */
    static boolean plainAscii(String s) {
        char previous = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == ' ' && previous == ' ') {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** Printable ASCII only: none of it is a character {@link #invalidCharacter} refuses. */
    static boolean printableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link Kind#PERSON_NAME}'s form for a printable ASCII text, without the regular expression: in ASCII its letters are
     * A-Z and a-z, it has no marks, and its other characters are the digits and {@code  .,'`"\-()/&#;}; at least one
     * letter. TextRulesTests compares it with the regular expression.
     */
    static boolean asciiPersonName(String s) {
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
                letter = true;
            } else if (!(c >= '0' && c <= '9') && " .,'`\"\\-()/&#;".indexOf(c) < 0) {
                return false;
            }
        }
        return letter;
    }

    /** Whether the text holds a character no input text may hold (line breaks and tabs only in several-line text). */
    /**
     * A control, invisible or direction-changing character in a one-line value read as a code (a region, a payer) from a
     * query parameter, an address or a body: {@code INVALID_CHARACTER} on {@code field}, the one refusal for every such
     * input. A code is never read without it: {@code RegionScope.of} trims, which took "64.02\u0000" for 64.02.
     */
    public static Optional<InputProblem> controlCharacter(String field, String value) {
        return value != null && invalidCharacter(value, false) ? Optional.of(controlCharacter(field)) : Optional.empty();
    }

    /** The refusal of {@link #controlCharacter(String, String)}, for a value already found to hold such a character. */
    static InputProblem controlCharacter(String field) {
        return InputProblem.of(field, "INVALID_CHARACTER", field + " has a control, invisible or direction-changing character");
    }

    public static boolean invalidCharacter(String s, boolean multiLine) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (multiLine && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.SURROGATE || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED || c == 0xFFFD || c == 0x2028 || c == 0x2029
                    || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                    || c == 0x061C) {
                return true;
            }
        }
        return false;
    }
}
