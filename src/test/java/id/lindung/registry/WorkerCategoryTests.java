package id.lindung.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.shared.Segment;
import id.lindung.support.Categories;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A worker category is a value that validates itself, reads its name in the page's language and is its code in JSON. */
class WorkerCategoryTests {

    private static WorkerCategory category(String code, List<Integer> opensid) {
        return new WorkerCategory(code, " Guru ngaji ", "Quran teacher", false, Segment.BPU, "village.defaultWage.otherApparatus",
                opensid, true, 150, false, "  ");
    }

    @Test
    void aCodeIsCapitalLettersDigitsAndUnderscoresStartingWithALetter() {
        assertThat(category("GURU_NGAJI", List.of()).code()).isEqualTo("GURU_NGAJI");
        assertThat(category("K9", List.of()).code()).isEqualTo("K9");
        for (String bad : new String[] {"guru_ngaji", "9GURU", "G", "GURU NGAJI", "GURU-NGAJI", "A".repeat(41), ""}) {
            assertThatThrownBy(() -> category(bad, List.of())).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> category(null, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAreTrimmedAndRequiredAndABlankNoteIsNone() {
        WorkerCategory c = category("GURU_NGAJI", List.of());
        assertThat(c.nameId()).isEqualTo("Guru ngaji");
        assertThat(c.note()).isNull();
        assertThatThrownBy(() -> new WorkerCategory("X1", " ", "x", false, Segment.BPU, "p", List.of(), true, 1, false, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkerCategory("X1", "x", "x", false, null, "p", List.of(), true, 1, false, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openSidCodesAreSortedDistinctAndInRange() {
        WorkerCategory c = category("PEKERJA_KEAGAMAAN", List.of(45, 41, 45, 87));
        assertThat(c.opensidCodes()).containsExactly(41, 45, 87);
        assertThat(c.mapsOpenSid(41)).isTrue();
        assertThat(c.mapsOpenSid(40)).isFalse();
        assertThatThrownBy(() -> category("X1", List.of(0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> category("X1", List.of(1000))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNameFollowsThePagesLanguageIndonesianFirst() {
        WorkerCategory c = category("GURU_NGAJI", List.of());
        assertThat(c.name(Locale.forLanguageTag("en"))).isEqualTo("Quran teacher");
        assertThat(c.name(Locale.forLanguageTag("id"))).isEqualTo("Guru ngaji");
        assertThat(c.name(null)).isEqualTo("Guru ngaji");
    }

    @Test
    void inJsonAndTextACategoryIsItsCode() {
        WorkerCategory c = Categories.of("PERANGKAT_DESA");
        assertThat(JsonMapper.builder().build().writeValueAsString(c)).isEqualTo("\"PERANGKAT_DESA\"");
        assertThat(c.toString()).isEqualTo("PERANGKAT_DESA");
    }

    @Test
    void aTextNamesTheCodeWithSpacesSlashesAndDashesAsUnderscores() {
        assertThat(WorkerCategory.codeOf(" rt/rw ")).isEqualTo("RT_RW");
        assertThat(WorkerCategory.codeOf("guru ngaji")).isEqualTo("GURU_NGAJI");
        assertThat(WorkerCategory.codeOf("pedagang-umkm")).isEqualTo("PEDAGANG_UMKM");
        assertThat(Categories.shipped().find("perangkat desa")).contains(Categories.of("PERANGKAT_DESA"));
    }

    @Test
    void theShippedSetKeepsTheFormerCodesAndTheirDefaults() {
        List<String> former = List.of("KEPALA_DESA", "PERANGKAT_DESA", "BPD", "LKD", "RT_RW", "KADER", "PENDAMPING_DESA",
                "HONORER", "PENYELENGGARA_PEMILU", "PETANI", "NELAYAN", "BURUH", "PEDAGANG_UMKM", "OJEK", "OTHER_INFORMAL");
        for (String code : former) {
            WorkerCategory c = Categories.of(code);
            boolean apparatus = List.of("KEPALA_DESA", "PERANGKAT_DESA", "BPD", "LKD", "RT_RW", "KADER").contains(code);
            // the former enum: apparatus are PU, everyone else BPU
            assertThat(c.isVillageOfficial()).as(code).isEqualTo(apparatus);
            assertThat(c.defaultSegment()).as(code).isEqualTo(apparatus ? Segment.PU : Segment.BPU);
        }
        assertThat(Categories.of("KEPALA_DESA").defaultWageParameter()).isEqualTo("village.defaultWage.kepalaDesa");
        assertThat(Categories.of("PERANGKAT_DESA").defaultWageParameter()).isEqualTo("village.defaultWage.perangkatDesa");
        assertThat(Categories.shipped().all()).extracting(WorkerCategory::code)
                .contains("GURU_NGAJI", "MARBOT", "PEKERJA_KEAGAMAAN", "LINMAS", "PKTD", "KPPS", "PPS", "PPK", "BURUH_TANI");
        // every unverified category says why in its note
        assertThat(Categories.shipped().all()).filteredOn(c -> !c.verified())
                .allSatisfy(c -> assertThat(c.note()).as(c.code()).contains("UNVERIFIED"));
    }

    @Test
    void eachOpenSidCodeMapsToOneCategoryAtMost() {
        assertThat(Categories.shipped().byOpenSidCode(20)).contains(Categories.of("BURUH_TANI"));
        assertThat(Categories.shipped().byOpenSidCode(19)).contains(Categories.of("BURUH"));
        assertThat(Categories.shipped().byOpenSidCode(5)).isEmpty();
        List<Integer> all = Categories.shipped().all().stream().flatMap(c -> c.opensidCodes().stream()).toList();
        assertThat(all).doesNotHaveDuplicates();
    }

    @Test
    void aCodeIsReadAsTheRegularExpressionReadItWithOrWithoutSeparators() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(12);
        String alphabet = "aZ_ /-\t\n\u000B\f\r\u00A0\u2003x";
        for (int i = 0; i < 100_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(10); n > 0; n--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            assertThat(WorkerCategory.codeOf(text)).as(text)
                    .isEqualTo(text.trim().toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s/\\-]+", "_"));
        }
    }
}
