package id.lindung.benefit;

/**
 * A fact the case needs is missing or out of range (for example the disability percentage of a partial
 * disability); names the request field so callers can point at it.
 */
public class MissingFactException extends IllegalArgumentException {

    private final String field;
    private final String code;

    /** A fact that is absent ({@code REQUIRED}) or given out of its range ({@code OUT_OF_RANGE}). */
    public MissingFactException(String field, Object given, String message) {
        super(message);
        this.field = field;
        this.code = given == null ? "REQUIRED" : "OUT_OF_RANGE";
    }

    /** A fact given in a form the rule cannot use, with its own code ({@code TOO_PRECISE}). */
    public MissingFactException(String field, String code, Object given, String message) {
        super(message);
        this.field = field;
        this.code = code;
    }

    /** The stable code: {@code REQUIRED} or {@code OUT_OF_RANGE} (a 150 % disability was answered as REQUIRED). */
    public String code() {
        return code;
    }

    /** The request field that holds the fact, as {@link BenefitRequest} names it. */
    public String field() {
        return field;
    }
}
