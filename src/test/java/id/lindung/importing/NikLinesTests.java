package id.lindung.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NikLinesTests {

    @Test
    void aNikSeenBeforeGivesTheLineItWasFirstSeenOnThroughEveryGrowth() {
        NikLines lines = new NikLines();
        HashMap<Long, Long> reference = new HashMap<>();
        Random random = new Random(7);
        for (long line = 2; line < 300_000; line++) {
            // NIKs of a few districts, many repeated, like a real file with duplicates
            long nik = 6402030000000000L + random.nextInt(200_000);
            Long expected = reference.putIfAbsent(nik, line);
            assertThat(lines.putIfAbsent(nik, line)).isEqualTo(expected == null ? 0 : expected);
        }
    }

    @Test
    void aLineNumberOutsideAnIntIsRefusedRatherThanCutShort() {
        NikLines lines = new NikLines();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lines.putIfAbsent(6402030101900001L, 1L << 32))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
