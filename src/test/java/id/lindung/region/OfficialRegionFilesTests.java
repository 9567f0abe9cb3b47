package id.lindung.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The region list read from its files gives the codes the database holds after the first start. */
class OfficialRegionFilesTests {

    @Test
    void theBundledListHasEveryDistrictCodeTheFirstStartLoads() {
        var districts = OfficialRegionFiles.bundledOr(null).districtCodes();
        assertThat(districts).hasSize(7285).contains("64.02.03", "62.02.08").doesNotContain("64.02", "99.99.99");
    }

    @Test
    void villagesWithinAScopeAreInCodeOrderWithTheirKindAndDistrict() {
        List<Region> villages = OfficialRegionFiles.bundledOr(null).villagesWithin("62.02.08");
        assertThat(villages).hasSize(10).isSortedAccordingTo(java.util.Comparator.comparing(Region::code))
                .allSatisfy(v -> {
                    assertThat(v.code()).startsWith("62.02.08.");
                    assertThat(v.parentCode()).isEqualTo("62.02.08");
                    assertThat(v.level()).isEqualTo(RegionLevel.VILLAGE);
                    assertThat(v.kind()).isEqualTo(v.code().charAt(9) == '1' ? RegionKind.KELURAHAN : RegionKind.DESA);
                    assertThat(v.active()).isTrue();
                });
        // the scope is the code and what lies under it, never a sibling sharing its first characters
        assertThat(OfficialRegionFiles.bundledOr(null).villagesWithin("62.0")).isEmpty();
        assertThat(OfficialRegionFiles.bundledOr(null).villagesWithin("ID")).hasSize(83762);
    }

    @Test
    void aFolderListIsReadInsteadOfTheBundledOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("districts.csv"), "code,regency_code,name\n99.01.01,99.01,Baru\n");
        Files.writeString(dir.resolve("villages.csv"), "code,district_code,name\n99.01.01.1001,99.01.01,\"Kota, Baru\"\n");
        OfficialRegionFiles list = OfficialRegionFiles.bundledOr(dir);
        assertThat(list.districtCodes()).containsExactly("99.01.01");
        assertThat(list.villagesWithin("99")).singleElement()
                .satisfies(v -> assertThat(v.name()).isEqualTo("Kota, Baru"))
                .satisfies(v -> assertThat(v.kind()).isEqualTo(RegionKind.KELURAHAN));
    }
}
