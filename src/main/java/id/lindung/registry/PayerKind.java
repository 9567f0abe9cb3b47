package id.lindung.registry;

import id.lindung.platform.InvalidInputException;
import java.util.Locale;

/** Who pays a membership's contributions. Stored by name. */
public enum PayerKind {
    /** The village government, from its APBDes; one for every desa, from the region list. */
    APBDES,
    /** A regency, city or province government, from its APBD; one for each, from the region list. */
    APBD,
    /** An employer registered in a region (a company, cooperative, BUMDes). */
    EMPLOYER,
    /** A donor registered in a region, such as a CSR programme. */
    DONOR,
    /** The participant paying for themselves; created with the worker and not listed in the register. */
    SELF;

    /** Government payers are created from the region list; their names follow the official region names. */
    public boolean isGovernment() {
        return this == APBDES || this == APBD;
    }

    /** Employers and donors are entered in the register by users, with a name of their own. */
    public boolean isRegisteredByUsers() {
        return this == EMPLOYER || this == DONOR;
    }

    /** The kind by its exact name, as JSON input names it (no other letters or blanks); else as {@link #parse}. */
    public static PayerKind named(String text, String field) {
        for (PayerKind kind : values()) {
            if (kind.name().equals(text)) {
                return kind;
            }
        }
        throw new InvalidInputException(field, "KIND_INVALID", "Unknown payer kind '" + text.strip()
                + "'; expected APBDES, APBD, EMPLOYER or DONOR");
    }

    /** The kind named in input; {@code field} is where the input came from, for the error. */
    public static PayerKind parse(String text, String field) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "KIND_INVALID", "Unknown payer kind '" + text.trim()
                    + "'; expected APBDES, APBD, EMPLOYER or DONOR");
        }
    }
}
