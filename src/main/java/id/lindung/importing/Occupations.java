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

    /** OpenSID's pekerjaan_id → name (src/main/resources/importing/opensid-pekerjaan.csv). */
    private static final java.util.Map<Integer, String> CODES = load();

    private static java.util.Map<Integer, String> load() {
        var codes = new java.util.HashMap<Integer, String>();
        try (var in = Occupations.class.getResourceAsStream("/importing/opensid-pekerjaan.csv");
             var lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                     java.util.Objects.requireNonNull(in, "opensid-pekerjaan.csv"), java.nio.charset.StandardCharsets.UTF_8))) {
            lines.lines().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("id,")).forEach(l -> {
                int comma = l.indexOf(',');
                codes.put(Integer.parseInt(l.substring(0, comma).trim()), l.substring(comma + 1).trim());
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return java.util.Map.copyOf(codes);
    }

    /**
     * The occupation's name: the text itself, or for a number (OpenSID exports write pekerjaan_id) the name of that
     * code; empty for a number that is not a code of the list.
     */
    static Optional<String> name(String pekerjaan) {
        String p = pekerjaan == null ? "" : pekerjaan.trim();
        if (!p.isEmpty() && p.length() <= 3 && p.chars().allMatch(Character::isDigit)) {
            return Optional.ofNullable(CODES.get(Integer.parseInt(p)));
        }
        return Optional.of(p);
    }

    static Optional<WorkerCategory> category(String pekerjaan) {
        String p = name(pekerjaan).orElse("").toUpperCase(Locale.ROOT);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        for (WorkerCategory category : WorkerCategory.values()) {
            // a category's own name (a corrected rejection file carries it in the pekerjaan column)
            if (p.equals(category.name()) || p.equals(category.name().replace('_', ' '))) {
                return Optional.of(category);
            }
        }
        if (p.contains("BELUM") || p.contains("TIDAK BEKERJA") || p.contains("PELAJAR") || p.contains("MAHASISWA")
                || p.contains("MENGURUS RUMAH TANGGA") || p.contains("PENSIUNAN") || p.contains("PEGAWAI NEGERI")
                || p.contains("PNS") || p.contains("TENTARA") || p.contains("TNI") || p.contains("POLISI")
                || p.contains("POLRI")) return Optional.empty();
        // state officials and members of parliaments are covered by their own schemes, not by village or regional budgets
        if (p.startsWith("ANGGOTA ") || p.contains("PRESIDEN") || p.contains("GUBERNUR") || p.contains("BUPATI")
                || p.contains("WALIKOTA") || p.contains("DUTA BESAR")) return Optional.empty();
        // a labourer is BURUH whatever the sector (BURUH TANI, BURUH NELAYAN, BURUH PETERNAKAN): checked before the sectors
        if (p.startsWith("BURUH")) return Optional.of(WorkerCategory.BURUH);
        if (p.contains("KEPALA DESA")) return Optional.of(WorkerCategory.KEPALA_DESA);
        if (p.contains("PERANGKAT DESA")) return Optional.of(WorkerCategory.PERANGKAT_DESA);
        if (p.contains("BPD")) return Optional.of(WorkerCategory.BPD);
        if (p.contains("NELAYAN") || p.contains("PERIKANAN")) return Optional.of(WorkerCategory.NELAYAN);
        if (p.contains("PETANI") || p.contains("PEKEBUN") || p.contains("PETERNAK") || p.contains("PERTANIAN")
                || p.contains("PERKEBUNAN")) return Optional.of(WorkerCategory.PETANI);
        if (p.contains("BURUH") || p.contains("TUKANG") || p.contains("PEMBANTU RUMAH TANGGA")) return Optional.of(WorkerCategory.BURUH);
        if (p.contains("PEDAGANG") || p.contains("PERDAGANGAN") || p.contains("WIRASWASTA") || p.contains("PENJAHIT") || p.contains("INDUSTRI"))
            return Optional.of(WorkerCategory.PEDAGANG_UMKM);
        if (p.contains("SOPIR") || p.contains("OJEK") || p.contains("TRANSPORTASI")) return Optional.of(WorkerCategory.OJEK);
        if (p.startsWith("GURU") || p.contains("HONORER")) return Optional.of(WorkerCategory.HONORER);
        return Optional.of(WorkerCategory.OTHER_INFORMAL);
    }
}
