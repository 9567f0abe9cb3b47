package id.lindung.registry;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A payer named in input, resolved to its stable code without a database. Accepts the short forms of the import
 * format ({@code APBDES}, {@code SELF}, {@code APBD:<code>}, {@code EMPLOYER:<name>}, {@code DONOR:<name>}) and
 * the full codes ({@code APBDES:<desa>}, {@code SELF:<nik>}, {@code EMPLOYER:<region>:<name>},
 * {@code DONOR:<region>:<name>}).
 *
 * <p>An employer or donor named by name alone is the one of that name in the worker's village: same-named
 * employers of two villages are two payers (docs/decisions/0006-payer-register.md). One registered for a wider
 * area (a district, regency or province above the village) is named by its full code.
 *
 * @param regionCode where the payer belongs: the desa, the regency/province, or the employer's or donor's region
 */
public record PayerRef(String code, String kind, String name, String regionCode) {

    /** Longest name key, as in the import format since the first version. */
    public static final int MAX_NAME = 120;

    private static final Pattern FULL_CODE = Pattern.compile("(\\d{2}(?:\\.\\d{2}(?:\\.\\d{2}(?:\\.\\d{4})?)?)?):(.*)");
    private static final Pattern KEY_SEPARATORS = Pattern.compile("[\\s\\u00A0/\\\\;%?#]+");

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
                return new PayerRef("APBDES:" + villageCode, "APBDES", "Pemerintah Desa " + villageCode, villageCode);
            }
            case "SELF", "MANDIRI" -> {
                if (!arg.isEmpty() && !arg.equals(nik)) {
                    throw new IllegalArgumentException("SELF payer " + arg + " is not the worker's NIK");
                }
                return new PayerRef("SELF:" + nik, "SELF", "Peserta mandiri " + NikCheck.mask(nik), villageCode);
            }
            case "APBD" -> {
                if (!arg.matches("\\d{2}(\\.\\d{2})?")) {
                    throw new IllegalArgumentException("APBD payer needs a province or regency code, e.g. APBD:64.02");
                }
                if (!villageCode.startsWith(arg + ".")) {
                    throw new IllegalArgumentException("APBD payer " + arg + " is not the regency or province of the worker's village "
                            + villageCode + "; a regional budget pays only for its own residents");
                }
                return new PayerRef("APBD:" + arg, "APBD", "Pemerintah Daerah " + arg, arg);
            }
            case "EMPLOYER", "DONOR" -> {
                Matcher full = FULL_CODE.matcher(arg);
                if (!full.matches()) {
                    return registered(kind, villageCode, arg);
                }
                String region = full.group(1);
                if (!villageCode.equals(region) && !villageCode.startsWith(region + ".")) {
                    throw new IllegalArgumentException(kind + " payer " + kind + ":" + arg + " belongs to region " + region
                            + ", which is not the worker's village " + villageCode + " or an area above it");
                }
                return registered(kind, region, full.group(2).trim());
            }
            default -> throw new IllegalArgumentException("Unknown payer '" + spec
                    + "'; expected APBDES, SELF, APBD:<code>, EMPLOYER:<name> or DONOR:<name>");
        }
    }

    /**
     * The employer or donor of {@code name} registered in {@code regionCode}: its code is
     * {@code KIND:<region>:<name key>}, so it is stable and the same name in another region is another payer.
     *
     * @throws IllegalArgumentException when the name is empty, too long or contains ':'
     */
    public static PayerRef registered(String kind, String regionCode, String name) {
        String key = nameKey(name);
        if (key.isEmpty() || key.length() > MAX_NAME) {
            throw new IllegalArgumentException(kind + " payer needs a name of 1 to " + MAX_NAME + " characters, e.g. "
                    + kind + ":CV Maju Jaya");
        }
        if (name.indexOf(':') >= 0) {
            throw new IllegalArgumentException(kind + " payer name '" + name.trim()
                    + "' may not contain ':', which separates the parts of a payer code");
        }
        return new PayerRef(kind + ":" + regionCode + ":" + key, kind, name.trim().replaceAll("\\s+", " "), regionCode);
    }

    /**
     * The key an employer's or donor's name is found by: upper case, runs of white space and of characters that
     * cannot stand in a URL path segment or a ';'-separated list become one space. The database's
     * {@code payer_name_key} is the same rule.
     */
    public static String nameKey(String name) {
        return name == null ? "" : KEY_SEPARATORS.matcher(name).replaceAll(" ").trim().toUpperCase(Locale.ROOT);
    }

    public boolean canEmploy() {
        return !"SELF".equals(kind);
    }
}
