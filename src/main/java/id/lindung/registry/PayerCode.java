package id.lindung.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A payer's stable public code, the one text every module and file uses for a payer:
 * <ul>
 *   <li>{@code APBDES:<desa>}: the village government, e.g. {@code APBDES:64.02.03.2007};</li>
 *   <li>{@code APBD:<regency or province>}: a regional government, e.g. {@code APBD:64.02} or {@code APBD:64};</li>
 *   <li>{@code SELF:<nik>}: the participant paying for themselves;</li>
 *   <li>{@code EMPLOYER:<region>:<NAME>} and {@code DONOR:<region>:<NAME>}: an employer or donor registered in a
 *       region, named by the key of its name ({@link #nameKey}); the V47 migration gave a same-named duplicate of
 *       an old payer the suffix {@code #<id>}, which is part of its code.</li>
 * </ul>
 * Codes of the form before V47, {@code EMPLOYER:<NAME>} and {@code DONOR:<NAME>} without a region, are still read
 * ({@link #parse}), as stored data may hold them; nothing makes new ones.
 * Immutable; the factories refuse anything else, so a {@code PayerCode} is always well formed (whether such a payer
 * is registered is the register's question). It prints, and is written to JSON, as the code text.
 */
public final class PayerCode {

    /** Longest name key, as in the import format since the first version. */
    public static final int MAX_NAME = 120;

    private static final String REGION = "\\d{2}(?:\\.\\d{2}(?:\\.\\d{2}(?:\\.\\d{4})?)?)?";
    private static final Pattern DESA = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}");
    private static final Pattern AREA = Pattern.compile("\\d{2}(?:\\.\\d{2})?");
    private static final Pattern NIK = Pattern.compile("\\d{16}");
    private static final Pattern REGISTERED = Pattern.compile("(" + REGION + "):([^:]*?)(#\\d+)?");
    private static final Pattern KEY_SEPARATORS = Pattern.compile("[\\s\\u00A0/\\\\;%?#]+");

    private final PayerKind kind;
    private final String region;
    private final String key;
    private final String text;

    private PayerCode(PayerKind kind, String region, String key) {
        this.kind = kind;
        this.region = region;
        this.key = key;
        this.text = switch (kind) {
            case APBDES, APBD -> kind + ":" + region;
            case SELF -> kind + ":" + key;
            case EMPLOYER, DONOR -> region == null ? kind + ":" + key : kind + ":" + region + ":" + key;
        };
    }

    /** The village government of desa {@code desaCode}. */
    public static PayerCode apbdes(String desaCode) {
        if (desaCode == null || !DESA.matcher(desaCode).matches()) {
            throw new IllegalArgumentException("APBDES payer needs a desa code such as 64.02.03.2007, got '" + desaCode + "'");
        }
        return new PayerCode(PayerKind.APBDES, desaCode, null);
    }

    /** The government of regency or province {@code areaCode}. */
    public static PayerCode apbd(String areaCode) {
        if (areaCode == null || !AREA.matcher(areaCode).matches()) {
            throw new IllegalArgumentException("APBD payer needs a province or regency code, e.g. APBD:64.02");
        }
        return new PayerCode(PayerKind.APBD, areaCode, null);
    }

    /** The participant with NIK {@code nik}, paying for themselves. */
    public static PayerCode self(String nik) {
        if (nik == null || !NIK.matcher(nik).matches()) {
            throw new IllegalArgumentException("SELF payer needs the worker's 16-digit NIK");
        }
        return new PayerCode(PayerKind.SELF, null, nik);
    }

    /**
     * The employer or donor of {@code name} registered in {@code regionCode}: {@code KIND:<region>:<name key>}, so
     * it is stable and the same name in another region is another payer.
     *
     * @throws IllegalArgumentException when the kind is not EMPLOYER or DONOR, the region is not a region code, or
     *                                  the name is empty, too long or contains ':'
     */
    public static PayerCode registered(PayerKind kind, String regionCode, String name) {
        if (kind == null || !kind.isRegisteredByUsers()) {
            throw new IllegalArgumentException("Only EMPLOYER and DONOR payers are registered by name, not " + kind);
        }
        if (regionCode == null || !regionCode.matches(REGION)) {
            throw new IllegalArgumentException(kind + " payer needs a region code such as 64.02.03.2007, got '" + regionCode + "'");
        }
        String key = nameKey(name);
        if (key.isEmpty() || key.length() > MAX_NAME) {
            throw new IllegalArgumentException(kind + " payer needs a name of 1 to " + MAX_NAME + " characters, e.g. "
                    + kind + ":CV Maju Jaya");
        }
        if (name.indexOf(':') >= 0) {
            throw new IllegalArgumentException(kind + " payer name '" + name.trim()
                    + "' may not contain ':', which separates the parts of a payer code");
        }
        return new PayerCode(kind, regionCode, key);
    }

    /**
     * The code written as {@link #toString()} prints it (surrounding white space ignored). Nothing is normalised here:
     * {@code employer:64.02:pt a} is not a code, as it is not the code of any payer (a JSON body's code is read so).
     * A code typed by a person to find a payer is read by {@link #tryRead}, in any case.
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    @JsonCreator
    public static PayerCode parse(String text) {
        String s = text == null ? "" : text.strip();
        int colon = s.indexOf(':');
        PayerKind kind = colon < 0 ? null : kindOf(s.substring(0, colon));
        String rest = colon < 0 ? "" : s.substring(colon + 1);
        if (kind == null) {
            throw new IllegalArgumentException("Not a payer code: '" + text + "'; expected APBDES:<desa>, APBD:<regency or "
                    + "province>, SELF:<nik>, EMPLOYER:<region>:<NAME> or DONOR:<region>:<NAME>");
        }
        return switch (kind) {
            case APBDES -> apbdes(rest);
            case APBD -> apbd(rest);
            case SELF -> self(rest);
            case EMPLOYER, DONOR -> {
                Matcher m = REGISTERED.matcher(rest);
                boolean legacy = !m.matches() && rest.indexOf(':') < 0;
                String key = legacy ? rest : m.matches() ? m.group(2) : "";
                if (key.isEmpty() || key.length() > MAX_NAME || !key.equals(nameKey(key))) {
                    throw new IllegalArgumentException("Not a payer code: '" + text + "'; expected " + kind
                            + ":<region>:<NAME> with the name in upper case, e.g. " + kind + ":64.02.03.2007:CV MAJU JAYA");
                }
                yield legacy ? new PayerCode(kind, null, key)
                        : new PayerCode(kind, m.group(1), m.group(3) == null ? key : key + m.group(3));
            }
        };
    }

    /**
     * A code as a person types it to find a payer (a list's filter, a payment's payer, {@code GET /payers/{code}}): in
     * any case, as every code is capitals, digits and an upper-cased name key ({@code apbdes:64.02.03.2007} is
     * {@code APBDES:64.02.03.2007}); empty when it is no payer code in any case.
     */
    public static Optional<PayerCode> tryRead(String text) {
        return tryParse(text == null ? null : text.toUpperCase(Locale.ROOT));
    }

    /** The code, or empty when {@code text} is not a payer code. */
    public static Optional<PayerCode> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The key an employer's or donor's name is found by: upper case, runs of white space and of characters that
     * cannot stand in a URL path segment or a ';'-separated list become one space. The database's
     * {@code payer_name_key} is the same rule.
     */
    public static String nameKey(String name) {
        return name == null ? "" : KEY_SEPARATORS.matcher(name).replaceAll(" ").trim().toUpperCase(Locale.ROOT);
    }

    private static PayerKind kindOf(String text) {
        for (PayerKind k : PayerKind.values()) {
            if (k.name().equals(text)) {
                return k;
            }
        }
        return null;
    }

    public PayerKind kind() {
        return kind;
    }

    /** The desa, regency or province, or the employer's or donor's region; empty for SELF and pre-V47 codes. */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** The code as stored, printed and sent, e.g. {@code EMPLOYER:64.02.03.2007:CV MAJU JAYA}. */
    @JsonValue
    public String value() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PayerCode other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
