package id.lindung.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.region.Region;
import id.lindung.region.RegionKind;
import id.lindung.region.RegionLevel;
import id.lindung.registry.NikCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite's worker files: a large village that repeats no NIK of the others, deciles only in the register part. */
class BenchRegisterFileTests {

    static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 12, 2);

    /** Six desa of one district: the spread takes every other one, so the large village shares the others' district. */
    static final List<Region> DISTRICT = List.of(
            village("64.02.03.2001"), village("64.02.03.2002"), village("64.02.03.2003"),
            village("64.02.03.2004"), village("64.02.03.2005"), village("64.02.03.2006"));

    static Region village(String code) {
        return new Region(code, code.substring(0, 8), RegionLevel.VILLAGE, RegionKind.DESA, "Desa " + code, true);
    }

    @Test
    void theLargeVillageIsOneTheSpreadLeftOutAndRepeatsNoNikOfItsDistrict(@TempDir Path out) throws Exception {
        BenchRegisterFile.Written w = BenchRegisterFile.write(DISTRICT, 72, 20, 2_000, out);

        assertThat(w.villages()).isEqualTo(3);
        assertThat(w.largeVillage().code()).isEqualTo("64.02.03.2002");
        assertThat(w.largeVillageRows()).isEqualTo(2_000);
        assertThat(w.rows()).isEqualTo(72 + 2_000);
        List<String> register = registerLines(w);
        List<String> measured = Files.readAllLines(w.measured());
        assertThat(register).hasSize(1 + 52 + 2_000);
        assertThat(measured).hasSize(1 + 20);
        Set<String> niks = new HashSet<>();
        for (String line : concat(register.subList(1, register.size()), measured.subList(1, measured.size()))) {
            String nik = line.substring(0, 16);
            assertThat(niks.add(nik)).as("NIK %s repeated", nik).isTrue();
            assertThat(NikCheck.check(nik, "64.02.03"::equals, TODAY).valid()).as(nik).isTrue();
        }
    }

    @Test
    void onlyTheRegisterPartCarriesDecilesAndOnlyInformalWorkersAreFlagged(@TempDir Path out) throws Exception {
        BenchRegisterFile.Written w = BenchRegisterFile.write(DISTRICT, 72, 20, 700, out);

        List<String> register = registerLines(w);
        assertThat(register.get(0)).endsWith(",start_date,p3ke_decile");
        long flagged = register.stream().skip(1).filter(l -> l.endsWith(",1")).count();
        assertThat(flagged).isEqualTo(w.extremePoor()).isPositive();
        assertThat(register.stream().skip(1).filter(l -> l.endsWith(",1"))).allMatch(l -> l.split(",")[6].equals("BPU"));
        List<String> measured = Files.readAllLines(w.measured());
        assertThat(measured.get(0)).endsWith(",start_date");
        assertThat(measured.stream().skip(1)).allMatch(l -> l.split(",", -1).length == 12);
    }

    @Test
    void theSerialOffsetKeepsTheNikValidAndTheRestOfTheLine() {
        assertThat(BenchRegisterFile.offsetSerial("6402031708850003,Budi,L,1985-08-17,64.02.03.2001"))
                .isEqualTo("6402031708855003,Budi,L,1985-08-17,64.02.03.2001");
        assertThat(BenchClaims.spouseNik("6402031708850003", 0)).isEqualTo("6402034903859001");
        assertThat(NikCheck.check(BenchClaims.spouseNik("6402031708850003", 997), "64.02.03"::equals, TODAY).valid()).isTrue();
    }

    @Test
    void theRegisterIsSplitIntoFilesOfAtMostThePartSizeEachWithTheHeader(@TempDir Path out) throws Exception {
        BenchRegisterFile.Written w = BenchRegisterFile.write(DISTRICT, 72, 20, 700, 300, out);

        // 52 rows of the spread and 700 of the large village: 300 + 300 + 152
        assertThat(w.register()).extracting(p -> p.getFileName().toString())
                .containsExactly("register-1.csv", "register-2.csv", "register-3.csv");
        List<Integer> sizes = new java.util.ArrayList<>();
        for (Path part : w.register()) {
            List<String> lines = Files.readAllLines(part);
            assertThat(lines.get(0)).endsWith(",start_date,p3ke_decile");
            sizes.add(lines.size() - 1);
        }
        assertThat(sizes).containsExactly(300, 300, 152);
        assertThat(registerLines(w)).hasSize(1 + 752).doesNotHaveDuplicates();
    }

    /** The register's files as one: the header once, then every row in order. */
    private static List<String> registerLines(BenchRegisterFile.Written w) throws java.io.IOException {
        List<String> all = new java.util.ArrayList<>();
        for (Path part : w.register()) {
            List<String> lines = Files.readAllLines(part);
            all.addAll(all.isEmpty() ? lines : lines.subList(1, lines.size()));
        }
        return all;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** With {@code --village-workers 0} there is no large village: the table said "(1 villages + 1 large)" all the same. */
    @Test
    void theGeneratedFilesFigureNamesALargeVillageOnlyWhenThereIsOne() {
        Path any = Path.of("import.csv");
        assertThat(BenchSuite.generatedName(new BenchRegisterFile.Written(List.of(), any, 1, 1, 1, 1, null, 0, 0)))
                .isEqualTo("worker file generated (1 village)");
        assertThat(BenchSuite.generatedName(new BenchRegisterFile.Written(List.of(), any, 4284, 166, 24, 2500,
                village("11.01.01.2002"), 300, 175))).isEqualTo("worker file generated (166 villages + 1 large)");
    }
}
