package id.lindung.importing;

import id.lindung.shared.RiskGroup;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the text of one cell of an import file as a typed value: a sex, a date, a risk group, a list of programmes,
 * a decile. Text that cannot be read gives null (or no part); judging the value is for the rules.
 */
final class CellText {

    private CellText() {
    }

    /** Whether a cell has a control character, or U+FFFD where the file was not UTF-8. */
    static boolean hasInvalidCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f || c == '\uFFFD') {
                return true;
            }
        }
        return false;
    }

    static String sex(String s) {
        return switch (s.trim().toUpperCase(Locale.ROOT)) {
            case "L", "LAKI-LAKI", "LAKI LAKI", "LAKI", "PRIA", "M", "1" -> "L";
            case "P", "PEREMPUAN", "WANITA", "F", "W", "2" -> "P";
            default -> null;
        };
    }

    private static final DateTimeFormatter[] DATES = {
            DateTimeFormatter.ofPattern("d-M-uuuu"), DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("d.M.uuuu")};

    static LocalDate date(String s) {
        if (s.isEmpty()) {
            return null;
        }
        if ((s.length() == 10 || s.length() > 10 && s.charAt(10) == ' ') && isoShaped(s)) {
            // nearly every date of a file: read by hand, since LocalDate.parse builds a parse context and a field map per
            // call; the same answer (WorkerRowParserTests compares the two)
            try {
                return LocalDate.of(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        try {
            if (s.length() == 10 && s.charAt(4) == '-') {
                return LocalDate.parse(s);
            }
            if (s.length() > 10 && s.charAt(4) == '-' && s.charAt(10) == ' ') {
                return LocalDate.parse(s.substring(0, 10));
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(s, format);
            } catch (DateTimeParseException e) {
                // next
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern DECILE = java.util.regex.Pattern.compile("\\d{1,2}");

    /** A decile's digits as a number (its range is the rules' to judge), or null. */
    static Integer decile(String text) {
        return DECILE.matcher(text).matches() ? Integer.valueOf(text) : null;
    }

    /**
     * The parts of a list of programmes separated by ; , or |, blank parts left out. Split by hand: String.split with a
     * character class compiles its pattern again on every call, that is for every row.
     */
    static List<String> programParts(String text) {
        List<String> parts = new ArrayList<>(4);
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ';' || text.charAt(i) == ',' || text.charAt(i) == '|') {
                String part = text.substring(from, i);
                if (!part.isBlank()) {
                    parts.add(part);
                }
                from = i + 1;
            }
        }
        return parts;
    }

    /** Whether the first ten characters are four ASCII digits, a dash, two digits, a dash and two digits. */
    private static boolean isoShaped(String s) {
        for (int i = 0; i < 10; i++) {
            char c = s.charAt(i);
            if (i == 4 || i == 7 ? c != '-' : c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int digits(String s, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    /** The Indonesian name a file may give each risk group instead of its code; the upload page lists them. */
    static final java.util.Map<RiskGroup, String> RISK_INDONESIAN = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(
            java.util.Map.of(RiskGroup.VERY_LOW, "SANGAT_RENDAH", RiskGroup.LOW, "RENDAH", RiskGroup.MEDIUM, "SEDANG",
                    RiskGroup.HIGH, "TINGGI", RiskGroup.VERY_HIGH, "SANGAT_TINGGI")));

    static RiskGroup risk(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        for (var group : RISK_INDONESIAN.entrySet()) {
            if (group.getKey().name().equals(t) || group.getValue().equals(t)) {
                return group.getKey();
            }
        }
        return null;
    }
}
