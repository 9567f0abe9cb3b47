package id.lindung.region;

/**
 * Kabupaten or kota for regencies; desa or kelurahan for villages. Only a desa has its own budget
 * (APBDes): a kelurahan is an administrative unit of the city or regency.
 */
public enum RegionKind {
    KABUPATEN, KOTA, DESA, KELURAHAN;

    /** The official code says which: regency codes 71-99 are cities; village codes 1xxx are kelurahan, 2xxx desa. */
    public static RegionKind ofCode(String code) {
        return switch (RegionLevel.ofCode(code)) {
            case PROVINCE, DISTRICT -> null;
            case REGENCY -> code.charAt(3) >= '7' ? KOTA : KABUPATEN;
            case VILLAGE -> code.charAt(9) == '1' ? KELURAHAN : DESA;
        };
    }
}
