package id.lindung.benefit;

/**
 * A fact the case needs is missing or out of range (for example the disability percentage of a partial
 * disability); names the request field so callers can point at it.
 */
public class MissingFactException extends IllegalArgumentException {

    private final String field;

    public MissingFactException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field that holds the fact, as {@link BenefitRequest} names it. */
    public String field() {
        return field;
    }
}
