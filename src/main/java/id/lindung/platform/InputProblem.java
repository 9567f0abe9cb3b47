package id.lindung.platform;

/**
 * One thing wrong with an input: where (line, field) and why, with a stable code a client can act on.
 *
 * @param line 1-based line of the file (header is line 1), or 0 when the input is not a file
 */
public record InputProblem(long line, String field, String code, String message) {

    public static InputProblem of(String field, String code, String message) {
        return new InputProblem(0, field, code, message);
    }

    /**
     * A number as a message may repeat it: as written up to 24 characters, else in scientific form ({@code 1E+400}),
     * so a 1e400 typed by mistake (or sent on purpose) does not come back as a 400-digit message.
     */
    public static String shown(java.math.BigDecimal value) {
        return id.lindung.shared.ShortNumber.of(value);
    }

    /**
     * A text as a message may repeat it: at most its first 40 characters, then "…", so a 5,000-character value sent
     * back is not a 5,000-character message (null stays "null").
     */
    public static String shown(String text) {
        String t = String.valueOf(text);
        return t.length() <= 40 ? t : t.substring(0, 40) + "…";
    }

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ": " : "") + (field != null ? field + ": " : "") + message;
    }
}
