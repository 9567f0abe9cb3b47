package id.lindung.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the demo's featured death case goes. */
class DemoClaimsTests {

    @Test
    void theFeaturedDeathIsTriedFirstWhereTheDemoUsersWorkAndElsewhereOnlyAfter() {
        // operator.loaduriilir, dpmd.kukar and bpjs.kukar work in 64.02: the case went to 62.02, the first area, where none
        // of them could see it or pay its children's scholarship years
        assertThat(DemoClaims.featuredFirst(DemoData.DEFAULT_AREAS)).containsExactly("64.02", "62.02", "62.71", "73.02", "63");
        assertThat(DemoClaims.featuredFirst(List.of("62.71"))).containsExactly("62.71");
        assertThat(DemoClaims.featuredFirst(List.of("64", "62.71"))).containsExactly("64", "62.71");
    }
}
