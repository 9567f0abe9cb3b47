package id.lindung.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a batch is cut into chunks for the two apply threads. */
class WorkerImportChunkTests {

    @Test
    void aBatchOfAnOddNumberOfFullChunksIsCutIntoAMultipleOfTheThreads() {
        // 60,000 lines: two chunks of 30,000, not 50,000 on one thread beside 10,000 on the other
        assertThat(ImportChunks.chunkSizeFor(60_001, 50_000, 2)).isEqualTo(30_000);
        assertThat(ImportChunks.chunkSizeFor(110_001, 50_000, 2)).isEqualTo(27_500);
    }

    @Test
    void anEvenNumberOfFullChunksAndSmallBatchesKeepTheConfiguredSize() {
        assertThat(ImportChunks.chunkSizeFor(100_001, 50_000, 2)).isEqualTo(50_000);
        assertThat(ImportChunks.chunkSizeFor(1_000_001, 50_000, 2)).isEqualTo(50_000);
        assertThat(ImportChunks.chunkSizeFor(2_501, 50_000, 2)).isEqualTo(50_000);
        assertThat(ImportChunks.chunkSizeFor(9_001, 20, 2)).isEqualTo(20);
        assertThat(ImportChunks.chunkSizeFor(60_001, 50_000, 1)).isEqualTo(50_000);
    }
}
