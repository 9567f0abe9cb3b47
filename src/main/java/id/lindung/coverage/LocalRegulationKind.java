package id.lindung.coverage;

import id.lindung.region.Region;
import id.lindung.region.RegionKind;
import id.lindung.region.RegionLevel;

/**
 * The kinds of regional regulation and agreement the register holds, each with the level of government that issues
 * it: a Pergub is a province's, a Perbup a kabupaten's, a Perwali a kota's, a Perdes a desa's; a circular or an MoU
 * may be signed at any level. Stored by name.
 */
public enum LocalRegulationKind {
    /** Peraturan Gubernur. */
    PERGUB,
    /** Peraturan Bupati. */
    PERBUP,
    /** Peraturan Wali Kota. */
    PERWALI,
    /** Peraturan Desa. */
    PERDES,
    /** Surat edaran (circular) of a governor, regent, mayor, DPMD or village head. */
    SURAT_EDARAN,
    /** Nota kesepahaman or perjanjian kerja sama between a regional government or DPMD and a BPJS branch. */
    MOU;

    /** Whether a government of {@code region} issues this kind (a Perbup belongs to a kabupaten, never to a kota). */
    public boolean issuedBy(Region region) {
        return switch (this) {
            case PERGUB -> region.level() == RegionLevel.PROVINCE;
            case PERBUP -> region.level() == RegionLevel.REGENCY && region.kind() == RegionKind.KABUPATEN;
            case PERWALI -> region.level() == RegionLevel.REGENCY && region.kind() == RegionKind.KOTA;
            case PERDES -> region.level() == RegionLevel.VILLAGE && region.kind() == RegionKind.DESA;
            case SURAT_EDARAN, MOU -> true;
        };
    }
}
