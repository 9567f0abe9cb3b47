package id.lindung.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlannerStatisticsTests {

    @Test
    void aTablePlannedAsEmptyOrNeverAnalysedIsBehindTheWorkersAnImportCommitted() {
        assertThat(PlannerStatistics.behind(0, 50_000)).isTrue();
        assertThat(PlannerStatistics.behind(-1, 50_000)).isTrue();
        assertThat(PlannerStatistics.behind(24_999, 50_000)).isTrue();
    }

    @Test
    void anUnderestimateOfLessThanHalfIsLeftToAutovacuum() {
        assertThat(PlannerStatistics.behind(25_000, 50_000)).isFalse();
        assertThat(PlannerStatistics.behind(9_000_000, 50_000)).isFalse();
    }

    @Test
    void fewerThanAThousandKnownRowsNeverPayForAnAnalyse() {
        assertThat(PlannerStatistics.behind(0, 999)).isFalse();
        assertThat(PlannerStatistics.behind(0, 1_000)).isTrue();
    }
}
