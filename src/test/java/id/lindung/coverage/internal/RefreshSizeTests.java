package id.lindung.coverage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.coverage.internal.RefreshSize.Decision;
import id.lindung.coverage.internal.RefreshSize.Held;
import org.junit.jupiter.api.Test;

/** The rule that chooses between recomputing a refresh's work list and rebuilding the rollups (no database). */
class RefreshSizeTests {

    /** The defaults: 70 % of the register, lists under 10,000 always recomputed, over 1,000,000 always rebuilt. */
    private final RefreshSize size = new RefreshSize(0.7, 10_000, 1_000_000);
    /** A national register: ten million workers in 83,000 villages with workers. */
    private final Held nation = new Held(10_000_000, 83_000);

    @Test
    void aProvincesFileLoggingItsSixThousandFiveHundredVillagesWholeIsRecomputedNotRebuilt() {
        assertThat(size.beforeListing(0, 6_500, nation)).isEqualTo(Decision.REFRESH);
        assertThat(size.afterListing(773_500, nation)).isEqualTo(Decision.REFRESH);
    }

    @Test
    void moreThanTheShareOfTheVillagesLoggedWholeRebuildsBeforeAnyoneIsListed() {
        // 70 % of 83,000 villages is 58,100
        assertThat(size.beforeListing(0, 58_000, nation)).isEqualTo(Decision.REFRESH);
        assertThat(size.beforeListing(0, 58_200, nation)).isEqualTo(Decision.REBUILD_VILLAGES_SHARE);
        assertThat(Decision.REBUILD_VILLAGES_SHARE.rebuilds()).isTrue();
    }

    @Test
    void moreNamedWorkersThanAListMayHoldRebuildWhateverTheirShare() {
        assertThat(size.beforeListing(1_000_000, 0, nation)).isEqualTo(Decision.REFRESH);
        assertThat(size.beforeListing(1_000_001, 0, nation)).isEqualTo(Decision.REBUILD_NAMED_WORKERS_CAP);
        assertThat(size.afterListing(1_000_001, nation)).isEqualTo(Decision.REBUILD_LISTED_CAP);
    }

    @Test
    void aListedShareAboveSeventyPercentRebuildsButOnlyFromTheMinimumListUp() {
        Held small = new Held(12_000, 40);
        assertThat(size.afterListing(9_999, small)).as("under the minimum: counting costs more").isEqualTo(Decision.REFRESH);
        Held larger = new Held(20_000, 80);
        assertThat(size.afterListing(13_900, larger)).isEqualTo(Decision.REFRESH);
        assertThat(size.afterListing(14_100, larger)).as("over 70 %% of 20,000").isEqualTo(Decision.REBUILD_LISTED_SHARE);
        assertThat(Decision.REFRESH.rebuilds()).isFalse();
    }

    @Test
    void aShareOrLimitThatCannotBeMeantIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new RefreshSize(Double.NaN, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefreshSize(-0.1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefreshSize(0.7, -1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
