package id.lindung.support;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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

    @Test
    void todayIsJakartasDateNotTheJvmZones() {
        assertThat(TestClock.businessToday(Instant.parse("2026-12-31T16:59:59Z"))).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(TestClock.businessToday(Instant.parse("2026-12-31T17:00:00Z"))).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void theClockOffsetIsWholeDaysAndATypoFailsInsteadOfLeavingTheClockUnmoved() {
        assertThat(TestClock.offset(null)).isEqualTo(Duration.ZERO);
        assertThat(TestClock.offset(" 40 ")).isEqualTo(Duration.ofDays(40));
        assertThat(TestClock.offset("-3")).isEqualTo(Duration.ofDays(-3));
        assertThatThrownBy(() -> TestClock.offset("40d")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lindung.test.clockOffsetDays");
    }
}
