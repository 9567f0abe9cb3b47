package id.lindung.importing;

import id.lindung.registry.WorkerCategory;
import java.math.BigDecimal;

/**
 * Wage used when a row gives none: the PP 11/2019 minimum siltap for the village head (Rp 2,426,640) and
 * other perangkat (Rp 2,022,200); the flat Rp 1,000,000 basis villages use for BPD, LKD, RT/RW and kader;
 * and Rp 1,000,000 declared income for informal (BPU) workers, the lowest income band.
 */
final class ImportDefaults {

    private ImportDefaults() {}

    static BigDecimal wage(WorkerCategory category) {
        return switch (category) {
            case KEPALA_DESA -> new BigDecimal("2426640");
            case PERANGKAT_DESA -> new BigDecimal("2022200");
            default -> new BigDecimal("1000000");
        };
    }
}
