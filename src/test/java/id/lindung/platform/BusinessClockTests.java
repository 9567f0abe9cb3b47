package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
