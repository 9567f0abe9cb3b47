package id.lindung.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The year tests give a budget plan so that it lies wholly ahead is the one after Jakarta's, whatever the JVM's zone:
 * CI runs at any hour, and 23:30 UTC on 31 December is already 06:30 WIB on 1 January.
 */
class NextBusinessYearTests {

    @Test
    void theNextYearFollowsJakartasNewYearNotUtcs() {
        assertThat(TestClock.nextBusinessYear(Instant.parse("2026-12-31T16:59:59Z"))).isEqualTo(2027);
        assertThat(TestClock.nextBusinessYear(Instant.parse("2026-12-31T23:30:00Z"))).as("06:30 WIB on 1 January 2027")
                .isEqualTo(2028);
    }
}
