package id.lindung.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionScopeTests {

    @Test
    void aRegencyScopeCoversItselfAndEverythingUnderItButNotItsNeighbours() {
        RegionScope kukar = RegionScope.of("64.02");
        assertThat(kukar.covers("64.02")).isTrue();
        assertThat(kukar.covers("64.02.03.2007")).isTrue();
        assertThat(kukar.covers("64.03")).isFalse();
        assertThat(kukar.covers("64")).isFalse();
        assertThat(kukar.covers("64.020")).isFalse();
    }

    @Test
    void theRangeBoundsMatchCoversInByteOrder() {
        RegionScope kukar = RegionScope.of("64.02");
        for (String code : new String[] {"64.02", "64.02.03", "64.02.03.2007", "64.02.99.9999"}) {
            assertThat(code.compareTo(kukar.lo()) >= 0 && code.compareTo(kukar.hi()) < 0).as(code).isTrue();
        }
        for (String code : new String[] {"64.01.99.9999", "64.03", "64", "64.020"}) {
            assertThat(code.compareTo(kukar.lo()) >= 0 && code.compareTo(kukar.hi()) < 0).as(code).isFalse();
        }
    }

    @Test
    void theNationalScopeCoversEveryCode() {
        assertThat(RegionScope.NATIONAL.covers("11.01.01.2001")).isTrue();
        assertThat("11".compareTo(RegionScope.NATIONAL.lo()) >= 0 && "99.99".compareTo(RegionScope.NATIONAL.hi()) < 0).isTrue();
    }

    @Test
    void ancestorsAreListedProvinceFirst() {
        assertThat(RegionScope.of("64.02.03.2007").ancestors()).containsExactly("64", "64.02", "64.02.03");
        assertThat(RegionScope.of("64").ancestors()).isEmpty();
    }

    @Test
    void malformedScopesAreRefused() {
        assertThatThrownBy(() -> RegionScope.of("64.2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegionScope.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegionScope.of("64.02; drop table")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Official codes: 64.02.03.2001 active, 64.02.03.2090 retired by a newer list; 64.02.03.2999 never existed. */
    private static final RegionDirectory DIRECTORY = new RegionDirectory() {
        @Override
        public boolean exists(String code) {
            return code.equals("64.02.03.2001");
        }

        @Override
        public boolean known(String code) {
            return exists(code) || code.equals("64.02.03.2090");
        }
    };

    @Test
    void aListFilteredByARetiredRegionStillAnswersAndOneThatNeverExistedIsNotFound() {
        RegionScope regency = RegionScope.of("64.02");

        assertThat(regency.narrow("64.02.03.2001", DIRECTORY).code()).isEqualTo("64.02.03.2001");
        assertThat(regency.narrow("64.02.03.2090", DIRECTORY).code()).as("retired, its workers keep the code").isEqualTo("64.02.03.2090");
        assertThatThrownBy(() -> regency.narrow("64.02.03.2999", DIRECTORY)).isInstanceOf(id.lindung.platform.NotFoundException.class);
        assertThatThrownBy(() -> regency.narrow("64.03", DIRECTORY)).isInstanceOf(id.lindung.platform.NotFoundException.class);
    }
}
