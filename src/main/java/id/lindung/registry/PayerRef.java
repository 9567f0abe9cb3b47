package id.lindung.registry;

import java.util.Locale;

/**
 * A payer named in input, resolved to its stable code. Accepts the short forms of the import format
 * ({@code APBDES}, {@code SELF}, {@code APBD:<code>}, {@code EMPLOYER:<name>}, {@code DONOR:<name>}) and
 * the full codes ({@code APBDES:<desa>}, {@code SELF:<nik>}, {@code EMPLOYER:<id>}).
 *
 * @param regionCode where the payer belongs: the desa, the regency/province, or the worker's village
 */
public record PayerRef(String code, String kind, String name, String regionCode) {

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
                String key = arg.replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
                if (key.isEmpty() || key.length() > 120) {
                    throw new IllegalArgumentException(kind + " payer needs a name or id, e.g. " + kind + ":CV Maju Jaya");
                }
                return new PayerRef(kind + ":" + key, kind, arg, villageCode);
            }
            default -> throw new IllegalArgumentException("Unknown payer '" + spec
                    + "'; expected APBDES, SELF, APBD:<code>, EMPLOYER:<name> or DONOR:<name>");
        }
    }

    public boolean canEmploy() {
        return !"SELF".equals(kind);
    }
}
