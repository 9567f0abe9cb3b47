package id.lindung.registry;

/** What a worker does in the village, as the field names it. Stored by name. */
public enum WorkerCategory {
    KEPALA_DESA, PERANGKAT_DESA, BPD, LKD, RT_RW, KADER, PENDAMPING_DESA, HONORER, PENYELENGGARA_PEMILU,
    PETANI, NELAYAN, BURUH, PEDAGANG_UMKM, OJEK, OTHER_INFORMAL;

    /** Village apparatus: registered as wage earners (PU) with the village government as employer. */
    public boolean isVillageOfficial() {
        return switch (this) {
            case KEPALA_DESA, PERANGKAT_DESA, BPD, LKD, RT_RW, KADER -> true;
            default -> false;
        };
    }

    public Segment defaultSegment() {
        return isVillageOfficial() ? Segment.PU : Segment.BPU;
    }

    /**
     * The wage a form offers when none is entered, the bulk import's defaults (docs/opensid-import.md): the PP 11/2019
     * minimum siltap of the village head and of other perangkat; the flat Rp 1,000,000 basis villages use for BPD,
     * LKD, RT/RW and kader, which is also the lowest BPU income band.
     */
    public java.math.BigDecimal defaultWage() {
        return switch (this) {
            case KEPALA_DESA -> new java.math.BigDecimal("2426640");
            case PERANGKAT_DESA -> new java.math.BigDecimal("2022200");
            default -> new java.math.BigDecimal("1000000");
        };
    }
}
