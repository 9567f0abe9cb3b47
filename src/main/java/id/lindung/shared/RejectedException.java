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

    /** Facts a client may act on besides the code (for example the programme and the date it starts), by name. */
    public java.util.Map<String, Object> details() {
        return java.util.Map.of();
    }

    public Rejection rejection() {
        return new Rejection(code, getMessage().substring(code.length() + 2));
    }
}
