package id.lindung.importing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.registry.WorkerCategories;
import id.lindung.registry.WorkerCategory;
import id.lindung.shared.Segment;
import id.lindung.support.Categories;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OpenSID occupations map to categories through the categories' data, so a category added at run time can take them. */
class OccupationsTests {

    private static String code(String pekerjaan, WorkerCategories.Snapshot categories) {
        return Occupations.category(pekerjaan, categories).map(WorkerCategory::code).orElse("-");
    }

    @Test
    void listedOccupationsMapByTheCategoriesOpenSidCodes() {
        WorkerCategories.Snapshot shipped = Categories.shipped();
        assertThat(code("20", shipped)).isEqualTo("BURUH_TANI");
        assertThat(code("BURUH TANI/PERKEBUNAN", shipped)).isEqualTo("BURUH_TANI");
        assertThat(code("19", shipped)).isEqualTo("BURUH");
        assertThat(code("USTADZ/MUBALIGH", shipped)).isEqualTo("PEKERJA_KEAGAMAAN");
        assertThat(code("41", shipped)).isEqualTo("PEKERJA_KEAGAMAAN");
        assertThat(code("65", shipped)).as("GURU").isEqualTo("HONORER");
        assertThat(code("89", shipped)).isEqualTo("OTHER_INFORMAL");
        assertThat(code("62", shipped)).as("ANGGOTA DPRD PROVINSI").isEqualTo("-");
    }

    @Test
    void freeTextNamingACategoryMapsToIt() {
        WorkerCategories.Snapshot shipped = Categories.shipped();
        assertThat(code("GURU NGAJI TPA", shipped)).isEqualTo("GURU_NGAJI");
        assertThat(code("Marbot masjid", shipped)).isEqualTo("MARBOT");
        assertThat(code("KETUA BPD", shipped)).isEqualTo("BPD");
        assertThat(code("ANGGOTA LINMAS", shipped)).isEqualTo("LINMAS");
        assertThat(code("ANGGOTA BPD", shipped)).isEqualTo("BPD");
        assertThat(code("ANGGOTA DPRD KABUPATEN", shipped)).as("members of parliaments have their own scheme").isEqualTo("-");
        assertThat(code("BURUH TANI HARIAN", shipped)).isEqualTo("BURUH_TANI");
        assertThat(code("BURUH BANGUNAN", shipped)).isEqualTo("BURUH");
        assertThat(code("PEDAGANG KELILING", shipped)).isEqualTo("PEDAGANG_UMKM");
        assertThat(code("PETERNAK SAPI", shipped)).isEqualTo("PETANI");
        assertThat(code("PENSIUNAN GURU", shipped)).isEqualTo("-");
        assertThat(code("PENGRAJIN ROTAN", shipped)).isEqualTo("OTHER_INFORMAL");
    }

    @Test
    void aCategoryAddedAtRunTimeTakesTheOpenSidCodesGivenToIt() {
        List<WorkerCategory> all = new ArrayList<>();
        for (WorkerCategory c : Categories.shipped().all()) {
            // the administrator moved 73 BIDAN and 74 PERAWAT from OTHER_INFORMAL to a new category
            all.add(!c.code().equals("OTHER_INFORMAL") ? c : new WorkerCategory(c.code(), c.nameId(), c.nameEn(), c.villageApparatus(),
                    c.defaultSegment(), c.defaultWageParameter(),
                    c.opensidCodes().stream().filter(i -> i != 73 && i != 74).toList(), true, c.sortOrder(), c.verified(), c.note()));
        }
        all.add(new WorkerCategory("TENAGA_KESEHATAN", "Tenaga kesehatan desa", "Village health worker", false, Segment.BPU,
                "village.defaultWage.otherApparatus", List.of(73, 74), true, 300, false, "UNVERIFIED: test"));
        WorkerCategories.Snapshot changed = new WorkerCategories.Snapshot(all);
        assertThat(code("73", changed)).isEqualTo("TENAGA_KESEHATAN");
        assertThat(code("PERAWAT", changed)).isEqualTo("TENAGA_KESEHATAN");
        assertThat(code("TENAGA KESEHATAN DESA", changed)).isEqualTo("TENAGA_KESEHATAN");
        assertThat(code("72", changed)).as("DOKTER stays").isEqualTo("OTHER_INFORMAL");
    }
}
