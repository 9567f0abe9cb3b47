package id.lindung.region;

/** One area of the official hierarchy. */
public record Region(String code, String parentCode, RegionLevel level, RegionKind kind, String name, boolean active) {

    public boolean isDesa() {
        return kind == RegionKind.DESA;
    }
}
