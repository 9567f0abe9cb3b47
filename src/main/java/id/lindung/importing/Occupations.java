package id.lindung.importing;

import id.lindung.registry.WorkerCategory;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps the PEKERJAAN of an OpenSID resident export to a worker category (see docs/opensid-import.md).
 * Residents who are not workers of the target groups (pupils, housewives, pensioners, civil servants,
 * soldiers, police) map to nothing and their rows are refused with NOT_A_TARGET_WORKER.
 */
final class Occupations {

    private Occupations() {}

    static Optional<WorkerCategory> category(String pekerjaan) {
        String p = pekerjaan == null ? "" : pekerjaan.trim().toUpperCase(Locale.ROOT);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        if (p.contains("BELUM") || p.contains("TIDAK BEKERJA") || p.contains("PELAJAR") || p.contains("MAHASISWA")
                || p.contains("MENGURUS RUMAH TANGGA") || p.contains("PENSIUNAN") || p.contains("PEGAWAI NEGERI")
                || p.contains("PNS") || p.contains("TENTARA") || p.contains("TNI") || p.contains("POLISI")
                || p.contains("POLRI")) return Optional.empty();
        if (p.contains("KEPALA DESA")) return Optional.of(WorkerCategory.KEPALA_DESA);
        if (p.contains("PERANGKAT DESA")) return Optional.of(WorkerCategory.PERANGKAT_DESA);
        if (p.contains("BPD")) return Optional.of(WorkerCategory.BPD);
        if (p.contains("NELAYAN") || p.contains("PERIKANAN")) return Optional.of(WorkerCategory.NELAYAN);
        if (p.contains("PETANI") || p.contains("PEKEBUN") || p.contains("PETERNAK") || p.contains("PERTANIAN")
                || p.contains("PERKEBUNAN")) return Optional.of(WorkerCategory.PETANI);
        if (p.contains("BURUH") || p.contains("TUKANG") || p.contains("PEMBANTU RUMAH TANGGA")) return Optional.of(WorkerCategory.BURUH);
        if (p.contains("PEDAGANG") || p.contains("WIRASWASTA") || p.contains("PENJAHIT") || p.contains("INDUSTRI"))
            return Optional.of(WorkerCategory.PEDAGANG_UMKM);
        if (p.contains("SOPIR") || p.contains("OJEK") || p.contains("TRANSPORTASI")) return Optional.of(WorkerCategory.OJEK);
        if (p.startsWith("GURU") || p.contains("HONORER")) return Optional.of(WorkerCategory.HONORER);
        return Optional.of(WorkerCategory.OTHER_INFORMAL);
    }
}
