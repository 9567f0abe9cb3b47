package id.lindung.registry;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A payer named in input, resolved to its {@link PayerCode} and the name a new payer of that code gets, without a
 * database. Accepts the short forms of the import format ({@code APBDES}, {@code SELF}, {@code APBD:<code>},
 * {@code EMPLOYER:<name>}, {@code DONOR:<name>}) and the full codes ({@code APBDES:<desa>}, {@code SELF:<nik>},
 * {@code EMPLOYER:<region>:<name>}, {@code DONOR:<region>:<name>}).
 *
 * <p>An employer or donor named by name alone is the one of that name in the worker's village: same-named
 * employers of two villages are two payers (docs/decisions/0006-payer-register.md). One registered for a wider
 * area (a district, regency or province above the village) is named by its full code.
 *
 * <p>Written to the audit trail as {@code {code, kind, name, regionCode}}, as before the code had its own type.
 *
 * @param name       the payer's name as entered, or the name a government or SELF payer is created with
 * @param regionCode where the payer belongs: the desa, the regency/province, or the employer's or donor's region;
 *                   for SELF the worker's village
 */
@JsonPropertyOrder({"code", "kind", "name", "regionCode"})
public record PayerRef(@JsonIgnore PayerCode payerCode, String name, String regionCode) {

    private static final Pattern FULL_CODE = Pattern.compile("(\\d{2}(?:\\.\\d{2}(?:\\.\\d{2}(?:\\.\\d{4})?)?)?):(.*)");

    /**
     * @throws IllegalArgumentException with a message naming the accepted forms
     */
    public static PayerRef parse(String spec, String villageCode, String nik) {
        String s = spec == null ? "" : spec.trim();
        String upper = s.toUpperCase(Locale.ROOT);
        int colon = upper.indexOf(':');
        String kind = colon < 0 ? upper : upper.substring(0, colon);
        String arg = colon < 0 ? "" : s.substring(colon + 1).trim();
        switch (kind) {
            case "APBDES" -> {
                if (!arg.isEmpty() && !arg.equals(villageCode)) {
                    throw new IllegalArgumentException("APBDES payer " + arg + " is not the worker's village " + villageCode);
                }
                return new PayerRef(PayerCode.apbdes(villageCode), "Pemerintah Desa " + villageCode, villageCode);
            }
            case "SELF", "MANDIRI" -> {
                if (!arg.isEmpty() && !arg.equals(nik)) {
                    throw new IllegalArgumentException("SELF payer " + arg + " is not the worker's NIK");
                }
                return new PayerRef(PayerCode.self(nik), "Peserta mandiri " + NikCheck.mask(nik), villageCode);
            }
            case "APBD" -> {
                PayerCode code = PayerCode.apbd(arg);
                if (!villageCode.startsWith(arg + ".")) {
                    throw new IllegalArgumentException("APBD payer " + arg + " is not the regency or province of the worker's village "
                            + villageCode + "; a regional budget pays only for its own residents");
                }
                return new PayerRef(code, "Pemerintah Daerah " + arg, arg);
            }
            case "EMPLOYER", "DONOR" -> {
                PayerKind registered = PayerKind.valueOf(kind);
                Matcher full = FULL_CODE.matcher(arg);
                if (!full.matches()) {
                    return registered(registered, villageCode, arg);
                }
                String region = full.group(1);
                if (!villageCode.equals(region) && !villageCode.startsWith(region + ".")) {
                    throw new IllegalArgumentException(kind + " payer " + kind + ":" + arg + " belongs to region " + region
                            + ", which is not the worker's village " + villageCode + " or an area above it");
                }
                return registered(registered, region, full.group(2).trim());
            }
            default -> throw new IllegalArgumentException("Unknown payer '" + spec
                    + "'; expected APBDES, SELF, APBD:<code>, EMPLOYER:<name> or DONOR:<name>");
        }
    }

    /**
     * The employer or donor of {@code name} registered in {@code regionCode} ({@link PayerCode#registered}), with
     * the name as entered, white space runs made one space.
     *
     * @throws IllegalArgumentException when the name is empty, too long or contains ':'
     */
    public static PayerRef registered(PayerKind kind, String regionCode, String name) {
        PayerCode code = PayerCode.registered(kind, regionCode, name);
        return new PayerRef(code, name.trim().replaceAll("\\s+", " "), regionCode);
    }

    /** The code as stored, e.g. {@code EMPLOYER:64.02.03.2007:CV MAJU JAYA}: for SQL and files. */
    @JsonProperty
    public String code() {
        return payerCode.value();
    }

    /** The kind's name as stored: for SQL and files; compare {@code payerCode().kind()} in Java. */
    @JsonProperty
    public String kind() {
        return payerCode.kind().name();
    }

    public boolean canEmploy() {
        return payerCode.kind() != PayerKind.SELF;
    }
}
