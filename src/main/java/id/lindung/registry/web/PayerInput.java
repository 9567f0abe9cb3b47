package id.lindung.registry.web;

/**
 * A payer as forms ask for it: its kind from a list and, for a regional government, employer or donor, a code or
 * name. {@link #spec()} is the text {@link id.lindung.registry.PayerRef#parse} reads, so the registry alone decides
 * what is valid.
 */
record PayerInput(String kind, String name) {

    /** The payer text for the registry; null when no kind was chosen (the registry's default by category). */
    String spec() {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        boolean named = kind.equals("APBD") || kind.equals("EMPLOYER") || kind.equals("DONOR");
        return named && name != null && !name.isBlank() ? kind + ":" + name.trim() : kind;
    }

    /** A stored payer code as the form shows it: {@code EMPLOYER:64.02.03.2001:CV MAJU} is kind EMPLOYER and the rest. */
    static PayerInput ofCode(String code) {
        if (code == null) {
            return new PayerInput("", "");
        }
        int colon = code.indexOf(':');
        String kind = colon < 0 ? code : code.substring(0, colon);
        boolean named = kind.equals("APBD") || kind.equals("EMPLOYER") || kind.equals("DONOR");
        return new PayerInput(kind, named ? code.substring(colon + 1) : "");
    }
}
