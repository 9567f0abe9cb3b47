package id.lindung.importing;

import id.lindung.registry.WorkerCategories;
import id.lindung.registry.WorkerCategory;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps the PEKERJAAN of an OpenSID resident export to a worker category (see docs/opensid-import.md) through the
 * OpenSID codes the registry's categories list. Residents who are not workers of the target groups (pupils,
 * housewives, pensioners, civil servants, soldiers, police), and occupations no category takes, map to nothing and
 * their rows are refused with NOT_A_TARGET_WORKER.
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

    /** A name of the list (upper case) → its pekerjaan_id. */
    private static final java.util.Map<String, Integer> IDS = CODES.entrySet().stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(e -> e.getValue().toUpperCase(Locale.ROOT),
                    java.util.Map.Entry::getKey, (a, b) -> Math.min(a, b)));

    /** LAINNYA: an occupation of no other entry. */
    private static final int OTHER = 89;

    /**
     * The category of a pekerjaan, from the registry's categories (their OpenSID codes are data, so a category added at
     * run time can take codes): a category's own code; else a pekerjaan_id or a name of OpenSID's list, mapped by the
     * categories' OpenSID codes; else free text, read by {@link #openSidCode}. Empty: not a worker of the target groups.
     */
    static Optional<WorkerCategory> category(String pekerjaan, WorkerCategories.Snapshot categories) {
        String p = name(pekerjaan).orElse("").trim().toUpperCase(Locale.ROOT);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        // a category's own code (a corrected rejection file carries it in the pekerjaan column)
        Optional<WorkerCategory> own = categories.find(p);
        if (own.isPresent()) {
            return own;
        }
        Integer listed = IDS.get(p);
        if (listed != null) {
            return categories.byOpenSidCode(listed);
        }
        if (notATarget(p)) {
            return Optional.empty();
        }
        // a labourer is a labourer whatever the sector: checked before the sectors and the categories' names
        if (p.startsWith("BURUH")) {
            return categories.byOpenSidCode(p.contains("TANI") || p.contains("KEBUN") ? 20
                    : p.contains("NELAYAN") || p.contains("PERIKANAN") ? 21 : p.contains("PETERNAK") ? 22 : 19);
        }
        Optional<WorkerCategory> named = named(p, categories);
        return named.isPresent() ? named : categories.byOpenSidCode(openSidCode(p));
    }

    /** Pupils, housewives, pensioners, civil servants, soldiers, police and state officials (their own schemes). */
    private static boolean notATarget(String p) {
        return p.contains("BELUM") || p.contains("TIDAK BEKERJA") || p.contains("PELAJAR") || p.contains("MAHASISWA")
                || p.contains("MENGURUS RUMAH TANGGA") || p.contains("PENSIUNAN") || p.contains("PEGAWAI NEGERI")
                || p.contains("PNS") || p.contains("TENTARA") || p.contains("TNI") || p.contains("POLISI")
                || p.contains("POLRI") || p.startsWith("ANGGOTA ") && (p.contains("DPR") || p.contains("DPD") || p.contains("BPK")
                || p.contains("MPR") || p.contains("MAHKAMAH") || p.contains("KABINET")) || p.contains("PRESIDEN") || p.contains("GUBERNUR")
                || p.contains("BUPATI") || p.contains("WALIKOTA") || p.contains("DUTA BESAR");
    }

    /**
     * The active category whose code or Indonesian name the text has as whole words ("KETUA BPD", "GURU NGAJI TPA",
     * "MARBOT MASJID"); the longest such name wins.
     */
    private static Optional<WorkerCategory> named(String p, WorkerCategories.Snapshot categories) {
        String text = words(p);
        WorkerCategory best = null;
        int length = 0;
        for (WorkerCategory c : categories.active()) {
            for (String key : List.of(words(c.code()), words(c.nameId()))) {
                if (!key.isBlank() && text.contains(key) && key.length() > length) {
                    best = c;
                    length = key.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Upper-case words between single spaces, with a space at each end. */
    private static String words(String s) {
        return " " + s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", " ").trim() + " ";
    }

    /** The entry of OpenSID's list that free text most likely means, by the sector words it has; LAINNYA otherwise. */
    private static int openSidCode(String p) {
        if (p.contains("KEPALA DESA")) return 86;
        if (p.contains("PERANGKAT DESA")) return 85;
        if (p.contains("NELAYAN") || p.contains("PERIKANAN")) return 11;
        if (p.contains("PETERNAK")) return 10;
        if (p.contains("PETANI") || p.contains("PEKEBUN") || p.contains("PERTANIAN") || p.contains("PERKEBUNAN")) return 9;
        if (p.contains("PEMBANTU RUMAH TANGGA")) return 23;
        if (p.contains("BURUH")) return 19;
        if (p.contains("TUKANG")) return 26;
        if (p.contains("PERDAGANGAN")) return 8;
        if (p.contains("PEDAGANG")) return 84;
        if (p.contains("WIRASWASTA")) return 88;
        if (p.contains("PENJAHIT")) return 30;
        if (p.contains("INDUSTRI")) return 12;
        if (p.contains("SOPIR")) return 81;
        if (p.contains("OJEK") || p.contains("TRANSPORTASI")) return 14;
        if (p.startsWith("GURU")) return 65;
        if (p.contains("HONORER")) return 18;
        return OTHER;
    }
}
