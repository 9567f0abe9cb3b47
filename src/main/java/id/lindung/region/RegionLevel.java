package id.lindung.region;

/** The four levels of the hierarchy, told apart by the number of segments in the code. */
public enum RegionLevel {
    PROVINCE, REGENCY, DISTRICT, VILLAGE;

    public static RegionLevel ofCode(String code) {
        int dots = 0;
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) == '.') {
                dots++;
            }
        }
        if (dots > 3) {
            throw new IllegalArgumentException("Not a region code: " + code);
        }
        return values()[dots];
    }

    public RegionLevel child() {
        if (this == VILLAGE) {
            throw new IllegalStateException("A village has no child level");
        }
        return values()[ordinal() + 1];
    }
}
