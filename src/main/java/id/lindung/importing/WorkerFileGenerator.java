package id.lindung.importing;

import id.lindung.access.RegionScope;
import id.lindung.region.Region;
import id.lindung.region.RegionKind;
import id.lindung.region.RegionLevel;
import id.lindung.region.Regions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.stereotype.Service;

/**
 * Writes realistic worker import files for demos, tests and benchmarks: NIKs consistent with the district,
 * sex and birth date; 8–12 village officials per desa, informal workers for the rest; wages around the
 * regional minimum; and a chosen share of deliberately bad rows. The same seed gives the same file.
 */
@Service
public class WorkerFileGenerator {

    /**
     * DEMO figures, not an official list: rounded 2025 minimum wages (UMK/UMP) for the demo areas, and a
     * national fallback, so generated wages look plausible.
     */
    static final Map<String, BigDecimal> DEMO_MINIMUM_WAGE = Map.of(
            "62.02", new BigDecimal("3600000"), "62.71", new BigDecimal("3500000"), "73.02", new BigDecimal("3650000"),
            "64.02", new BigDecimal("3800000"), "63", new BigDecimal("3500000"), "64", new BigDecimal("3580000"));
    static final BigDecimal FALLBACK_MINIMUM_WAGE = new BigDecimal("3000000");

    private static final String[] MALE = {"Ahmad", "Budi", "Slamet", "Agus", "Hendra", "Rahmat", "Syahrul", "Joko", "Andi",
            "Muhammad", "Yusuf", "Bambang", "Darmawan", "Iwan", "Rudi", "Fajar", "Herman", "Sugianto", "Arif", "Wahyu"};
    private static final String[] FEMALE = {"Siti", "Nur", "Sri", "Dewi", "Rina", "Aminah", "Fitri", "Wulan", "Yuliana",
            "Ratna", "Sari", "Lestari", "Nurhayati", "Endang", "Hasanah", "Rahmawati", "Indah", "Maya", "Ani", "Kartini"};
    private static final String[] FAMILY = {"Saputra", "Hidayat", "Santoso", "Wijaya", "Pratama", "Kusuma", "Nugroho",
            "Rahman", "Syahputra", "Lubis", "Siregar", "Daeng", "Baso", "Hamzah", "Gunawan", "Setiawan", "Firmansyah",
            "Halim", "Kurniawan", "Susanto"};
    /*
     * Codes of the categories the registry ships (V62): the generator runs without a database, so it cannot read them;
     * shipped codes are permanent. The first rows of a desa are its apparatus, the rest informal workers.
     */
    private static final String[] INFORMAL = {"PETANI", "PETANI", "PETANI", "NELAYAN", "BURUH", "BURUH", "PEDAGANG_UMKM",
            "PEDAGANG_UMKM", "OJEK", "OTHER_INFORMAL", "HONORER"};

    private final Regions regions;

    WorkerFileGenerator(Regions regions) {
        this.regions = regions;
    }

    public record Summary(long villages, long rows, long badRows) {}

    /** The villages under the given codes, then {@link #write(List, int, long, double, Writer)}. */
    public Summary generate(List<String> regionCodes, int perVillage, long seed, double badShare, Writer out) {
        List<Region> villages = new ArrayList<>();
        for (String code : regionCodes) {
            villages.addAll(regions.within(RegionScope.of(code), RegionLevel.VILLAGE));
        }
        if (villages.isEmpty()) {
            throw new IllegalArgumentException("No villages under " + regionCodes);
        }
        return write(villages, perVillage, seed, badShare, out);
    }

    public static Summary write(List<Region> villages, int perVillage, long seed, double badShare, Writer out) {
        if (perVillage < 1) {
            throw new IllegalArgumentException("--per-village must be at least 1");
        }
        if (badShare < 0 || badShare > 1) {
            throw new IllegalArgumentException("--bad-share must be between 0 and 1");
        }
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate start = LocalDate.of(2025, 1, 1);
        long rows = 0;
        long bad = 0;
        /*
         * Serials per district and birth date, and a district's counters dropped after its last village: one map for
         * the whole file held a key per worker (about 1 GB at 10,000,000 workers, past a 512 MB heap). Dropping them
         * only after the district's last village keeps the file the same whatever the order of the villages.
         */
        Map<String, Integer> lastVillageOfDistrict = new java.util.HashMap<>();
        for (int v = 0; v < villages.size(); v++) {
            lastVillageOfDistrict.put(villages.get(v).parentCode(), v);
        }
        Map<String, Map<Long, Integer>> serials = new java.util.HashMap<>();
        try {
            out.write("nik,name,sex,birth_date,village_code,category,segment,wage,risk,programs,payer,start_date\n");
            StringBuilder line = new StringBuilder(160);
            for (int v = 0; v < villages.size(); v++) {
                Region village = villages.get(v);
                Map<Long, Integer> districtSerials = serials.computeIfAbsent(village.parentCode(), k -> new java.util.HashMap<>());
                boolean desa = village.kind() == RegionKind.DESA;
                int officials = desa ? Math.min(perVillage, 8 + random.nextInt(5)) : 0;
                BigDecimal minimum = minimumWage(village.code());
                String district = village.parentCode().replace(".", "");
                for (int i = 0; i < perVillage; i++) {
                    boolean official = i < officials;
                    String category = official ? official(i) : INFORMAL[random.nextInt(INFORMAL.length)];
                    boolean female = random.nextInt(100) < (official ? 30 : 45);
                    LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(365 * 45));
                    // serials count up per district and date, as Dukcapil issues them, so good rows never collide
                    int serial = districtSerials.merge(birth.toEpochDay(), 1, Integer::sum);
                    String nik = district + String.format("%02d%02d%02d%04d", birth.getDayOfMonth() + (female ? 40 : 0),
                            birth.getMonthValue(), birth.getYear() % 100, serial);
                    String name = (female ? FEMALE[random.nextInt(FEMALE.length)] : MALE[random.nextInt(MALE.length)]) + " "
                            + FAMILY[random.nextInt(FAMILY.length)];
                    String sex = female ? "P" : "L";
                    BigDecimal wage;
                    String segment;
                    String programs;
                    String payer;
                    String risk;
                    if (official) {
                        segment = "PU";
                        // the minimum siltap (PP 11/2019) and the villages' flat basis, as regulations/village-wages.yaml has them
                        wage = i == 0 ? new BigDecimal("2426640") : i <= 5 ? new BigDecimal("2022200") : new BigDecimal("1000000");
                        programs = random.nextInt(100) < 25 ? "JKK;JKM;JHT;JP" : "JKK;JKM";
                        payer = "APBDES";
                        risk = "VERY_LOW";
                    } else {
                        segment = "BPU";
                        wage = minimum.multiply(BigDecimal.valueOf(40 + random.nextInt(70))).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                                .divide(BigDecimal.valueOf(1000), 0, RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(1000));
                        programs = random.nextInt(100) < 15 ? "JKK;JKM;JHT" : "JKK;JKM";
                        int p = random.nextInt(100);
                        payer = p < 50 ? "APBD:" + village.code().substring(0, 5) : p < 70 && desa ? "APBDES" : "SELF";
                        risk = category.equals("NELAYAN") ? "HIGH" : category.equals("OJEK") ? "MEDIUM" : "LOW";
                    }
                    String birthText = birth.toString();
                    if (badShare > 0 && random.nextDouble() < badShare) {
                        bad++;
                        switch (random.nextInt(5)) {
                            case 0 -> nik = nik.substring(0, 15);
                            case 1 -> sex = female ? "L" : "P";
                            case 2 -> birthText = birth.plusDays(1).toString();
                            case 3 -> wage = wage.negate();
                            default -> nik = nik.substring(0, 12) + "0000";
                        }
                    }
                    line.setLength(0);
                    line.append(nik).append(',').append(name).append(',').append(sex).append(',').append(birthText).append(',')
                            .append(village.code()).append(',').append(category).append(',').append(segment).append(',')
                            .append(wage.toPlainString()).append(',').append(risk).append(',').append(programs).append(',')
                            .append(payer).append(',').append(start).append('\n');
                    out.write(line.toString());
                    rows++;
                }
                if (lastVillageOfDistrict.get(village.parentCode()) == v) {
                    serials.remove(village.parentCode());
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Summary(villages.size(), rows, bad);
    }

    private static String official(int i) {
        return switch (i) {
            case 0 -> "KEPALA_DESA";
            case 1, 2, 3, 4, 5 -> "PERANGKAT_DESA";
            case 6, 7 -> "BPD";
            case 8 -> "LKD";
            case 9, 10 -> "RT_RW";
            default -> "KADER";
        };
    }

    static BigDecimal minimumWage(String villageCode) {
        BigDecimal regency = DEMO_MINIMUM_WAGE.get(villageCode.substring(0, 5));
        if (regency != null) {
            return regency;
        }
        return DEMO_MINIMUM_WAGE.getOrDefault(villageCode.substring(0, 2), FALLBACK_MINIMUM_WAGE);
    }
}
