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

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ": " : "") + (field != null ? field + ": " : "") + message;
    }
}
