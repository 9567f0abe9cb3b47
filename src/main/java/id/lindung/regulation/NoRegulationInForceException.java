package id.lindung.regulation;

import id.lindung.shared.RejectedException;

/** Asked for a parameter on a date no value of it covers (before it began, or after it ended). */
public class NoRegulationInForceException extends RejectedException {

    public static final String CODE = "NO_REGULATION_IN_FORCE";

    public NoRegulationInForceException(String message) {
        super(CODE, message);
    }

    protected NoRegulationInForceException(String code, String message) {
        super(code, message);
    }
}
