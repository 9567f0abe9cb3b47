package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class BusinessClockTests {

    @Test
    void theBusinessZoneIsJakartaUnlessConfigured() {
        assertThat(new BusinessClock().clock(new MockEnvironment()).getZone()).isEqualTo(ZoneId.of("Asia/Jakarta"));
        assertThat(new BusinessClock().clock(new MockEnvironment().withProperty("lindung.time-zone", " Asia/Makassar "))
                .getZone()).isEqualTo(ZoneId.of("Asia/Makassar"));
    }

    @Test
    void aReplayReadsTheBusinessClockEarlierOnItsOwnThreadOnlyAndEndsWithIt() throws Exception {
        Clock clock = new BusinessClock().clock(new MockEnvironment());
        Duration ago = Duration.ofDays(8);
        Instant[] elsewhere = new Instant[1];
        LocalDate replayed = BusinessClock.replay(ago, () -> {
            Thread other = new Thread(() -> elsewhere[0] = clock.instant());
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return LocalDate.now(clock);
        });
        assertThat(replayed).isEqualTo(LocalDate.now(clock).minusDays(8));
        assertThat(Duration.between(elsewhere[0], clock.instant())).isLessThan(Duration.ofMinutes(1));
        assertThat(Duration.between(clock.instant(), Instant.now(clock))).isLessThan(Duration.ofMinutes(1));
        assertThatThrownBy(() -> BusinessClock.replay(Duration.ofDays(-1), () -> 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownZoneStopsTheStartWithTheSettingsName() {
        assertThatThrownBy(() -> new BusinessClock().clock(new MockEnvironment().withProperty("lindung.time-zone", "Jakarta")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("lindung.time-zone");
    }

    @Test
    void databaseSessionsGetZoneNamesAsNamesAndOffsetsAsIntervalsNotPosixOffsets() {
        assertThat(BusinessClock.sessionTimeZoneSql(ZoneId.of("Asia/Jakarta"))).isEqualTo("set time zone 'Asia/Jakarta'");
        assertThat(BusinessClock.sessionTimeZoneSql(ZoneId.of("UTC"))).isEqualTo("set time zone 'UTC'");
        // PostgreSQL would read 'UTC+7' as seven hours west
        assertThat(BusinessClock.sessionTimeZoneSql(ZoneId.of("UTC+7"))).isEqualTo("set time zone interval '+07:00' hour to minute");
        assertThat(BusinessClock.sessionTimeZoneSql(ZoneId.of("+07:00"))).isEqualTo("set time zone interval '+07:00' hour to minute");
        assertThat(BusinessClock.sessionTimeZoneSql(ZoneId.of("Z"))).isEqualTo("set time zone interval '+00:00' hour to minute");
    }
}
