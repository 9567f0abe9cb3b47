package id.lindung.platform;

import java.util.List;

/**
 * Input refused as a whole, with every problem found; nothing was changed. Pages show the problems
 * beside their fields; the API answers with an RFC 9457 problem whose status follows the {@link Kind}:
 * the thrower says which, so no handler has to guess from a JDK exception.
 */
public class InvalidInputException extends RuntimeException {

    /** Why the input was refused, and so the HTTP status the API answers with. */
    public enum Kind {
        /** A value is missing, unreadable or out of its allowed form (format, length, range, list): 400. */
        INVALID(400, "INVALID_INPUT"),
        /** Every value is well-formed, but the current state forbids the request (already done, already exists): 409. */
        CONFLICT(409, "CONFLICT"),
        /** Every value is well-formed, but a business rule refuses the request: 422. */
        REFUSED(422, "REFUSED");

        private final int status;
        private final String code;

        Kind(int status, String code) {
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        /** The problem's code when several problems with different codes were found. */
        public String code() {
            return code;
        }
    }

    private final transient List<InputProblem> problems;
    private final Kind kind;

    public InvalidInputException(List<InputProblem> problems) {
        this(Kind.INVALID, problems);
    }

    public InvalidInputException(String field, String code, String message) {
        this(List.of(InputProblem.of(field, code, message)));
    }

    private InvalidInputException(Kind kind, List<InputProblem> problems) {
        super(summary(problems));
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    /** The request conflicts with the current state of what it targets (409). */
    public static InvalidInputException conflict(String field, String code, String message) {
        return new InvalidInputException(Kind.CONFLICT, List.of(InputProblem.of(field, code, message)));
    }

    /** A well-formed request that a business rule refuses (422). */
    public static InvalidInputException refused(String field, String code, String message) {
        return refused(List.of(InputProblem.of(field, code, message)));
    }

    /** A well-formed request that business rules refuse, with every rule that refused it (422). */
    public static InvalidInputException refused(List<InputProblem> problems) {
        return new InvalidInputException(Kind.REFUSED, problems);
    }

    public List<InputProblem> problems() {
        return problems;
    }

    public Kind kind() {
        return kind;
    }

    /** The one code of every problem, or the kind's code when they differ (each problem keeps its own). */
    public String code() {
        List<String> codes = problems.stream().map(InputProblem::code).distinct().toList();
        return codes.size() == 1 ? codes.get(0) : kind.code();
    }

    private static String summary(List<InputProblem> problems) {
        if (problems.isEmpty()) {
            return "invalid input";
        }
        String first = problems.get(0).toString();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problems)";
    }
}
