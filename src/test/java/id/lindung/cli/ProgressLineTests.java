package id.lindung.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The wording of a progress report: the bar drawn on a terminal and the plain line written to a log. */
class ProgressLineTests {

    @Test
    void theBarShowsTheShareDoneTheRowsPerSecondAndTheTimeLeft() {
        // 40,000 rows in 8 s since the start: 5,000 rows/s, 60,000 rows left = 12 s
        var s = new ProgressLine.State("importing", 40_000, 100_000, 40_000, Duration.ofSeconds(8));
        assertThat(ProgressLine.bar(s))
                .isEqualTo("importing [#########---------------]  40%  40,000/100,000 rows  5,000 rows/s  0:12 left");
    }

    @Test
    void theRateCountsOnlyTheRowsDoneInThisRunSoAResumedImportDoesNotLookFaster() {
        // resumed at 90,000: 5,000 rows in 10 s is 500 rows/s, 5,000 left = 10 s
        var s = new ProgressLine.State("importing", 95_000, 100_000, 5_000, Duration.ofSeconds(10));
        assertThat(ProgressLine.plain(s)).isEqualTo("importing: 95000 of 100000 rows (95%), 500 rows/s, 0:10 left");
    }

    @Test
    void noTimeLeftIsGuessedBeforeThereIsARateOrWithoutATotal() {
        var start = new ProgressLine.State("importing", 0, 100_000, 0, Duration.ZERO);
        assertThat(ProgressLine.bar(start)).isEqualTo("importing [------------------------]   0%  0/100,000 rows  0 rows/s");
        var checking = new ProgressLine.State("checking", 30_000, 0, 30_000, Duration.ofSeconds(3));
        assertThat(ProgressLine.bar(checking)).isEqualTo("checking 30,000 rows  10,000 rows/s");
        assertThat(ProgressLine.plain(checking)).isEqualTo("checking: 30000 rows, 10000 rows/s");
    }

    @Test
    void aFinishedRunIsAFullBarWithNothingLeft() {
        var s = new ProgressLine.State("importing", 100_000, 100_000, 100_000, Duration.ofSeconds(20));
        assertThat(ProgressLine.bar(s)).startsWith("importing [########################] 100%").endsWith("0:00 left");
    }

    @Test
    void longWaitsAreWrittenInHoursMinutesAndSeconds() {
        assertThat(ProgressLine.clock(Duration.ofSeconds(7))).isEqualTo("0:07");
        assertThat(ProgressLine.clock(Duration.ofSeconds(750))).isEqualTo("12:30");
        assertThat(ProgressLine.clock(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
    }
}
