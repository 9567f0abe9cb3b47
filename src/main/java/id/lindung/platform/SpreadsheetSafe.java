package id.lindung.platform;

/**
 * Neutralises text for CSV and spreadsheet cells: a value starting with {@code =}, {@code +}, {@code -},
 * {@code @}, tab or carriage return gets a leading apostrophe, so a spreadsheet shows it as text and never
 * evaluates it as a formula.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {}

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }
}
