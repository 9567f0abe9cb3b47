package id.lindung.registry;

import id.lindung.shared.Segment;

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

}
