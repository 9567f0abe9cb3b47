package id.lindung.shared;

/** A request the rules refuse as a whole (for example JP for a BPU member); carries a stable code. */
public class RejectedException extends IllegalArgumentException {

    private final String code;

    public RejectedException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Rejection rejection() {
        return new Rejection(code, getMessage().substring(code.length() + 2));
    }
}
