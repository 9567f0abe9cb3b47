package id.lindung.importing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.region.Region;
import id.lindung.region.RegionKind;
import id.lindung.region.RegionLevel;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerFileGeneratorTests {

    private static Region desa(String code) {
        return new Region(code, code.substring(0, 8), RegionLevel.VILLAGE, RegionKind.DESA, "Desa " + code, true);
    }

    private static List<String> niks(String file) {
        return Arrays.stream(file.split("\n")).skip(1).map(line -> line.substring(0, 16)).toList();
    }

    private static String generate(List<Region> villages, int perVillage) {
        StringWriter out = new StringWriter();
        WorkerFileGenerator.write(villages, perVillage, 7, 0.0, out);
        return out.toString();
    }

    @Test
    void niksStayUniqueWhenADistrictsVillagesAreNotNextToEachOther() {
        // 6,000 workers of one district over about 16,000 birth dates: many share a date, so serials above 0001 occur,
        // and the district comes back after another one, whose village must not end its counters
        List<Region> villages = List.of(desa("62.02.01.2001"), desa("62.02.02.2001"), desa("62.02.01.2002"));

        List<String> niks = niks(generate(villages, 3000));

        assertThat(niks).hasSize(9000).doesNotHaveDuplicates();
        assertThat(niks).anyMatch(nik -> nik.startsWith("620201") && !nik.endsWith("0001"));
    }

    @Test
    void serialsCountPerDistrictSoTheSameBirthDateStartsAtOneInEachDistrict() {
        List<String> niks = niks(generate(List.of(desa("62.02.01.2001"), desa("62.02.02.2001")), 3000));

        assertThat(niks).filteredOn(nik -> nik.startsWith("620202")).anyMatch(nik -> nik.endsWith("0001"));
        assertThat(niks).filteredOn(nik -> nik.startsWith("620202")).allMatch(nik -> Integer.parseInt(nik.substring(12)) < 100);
    }

    @Test
    void theSameSeedWritesTheSameFile() {
        List<Region> villages = List.of(desa("62.02.01.2001"), desa("62.02.02.2001"), desa("62.02.01.2002"));

        assertThat(generate(villages, 500)).isEqualTo(generate(villages, 500));
    }
}
