package id.lindung.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The business clock of integration tests: the real time in the business zone, unless a test fixes it with
 * {@link #fixAt} (and resets it after, the context being shared). Every bean that injects {@link Clock} gets
 * this one, so a test can decide what "today" is without depending on the real date.
 */
public final class TestClock extends Clock {

    private final ZoneId zone;
    private volatile Instant fixed;

    private TestClock(ZoneId zone) {
        this.zone = zone;
    }

    /** The business time zone of the tests (lindung.time-zone's default). */
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Jakarta");

    /**
     * The year after this one in the business time zone, on the real clock: a budget plan's year that is always ahead.
     * {@code LocalDate.now().getYear() + 1} reads the JVM's zone (UTC on CI): from 17:00 UTC on 31 December it named
     * the year that had just begun in Jakarta, whose plans start the month after today instead of January.
     */
    public static int nextBusinessYear() {
        return nextBusinessYear(Instant.now());
    }

    static int nextBusinessYear(Instant at) {
        return at.atZone(BUSINESS_ZONE).getYear() + 1;
    }

    /** From now on the clock stands still at {@code instant} (in the business zone). */
    public void fixAt(Instant instant) {
        this.fixed = instant;
    }

    /** Back to the real time. */
    public void reset() {
        this.fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : Clock.fixed(instant(), other);
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        @Primary
        TestClock testClock(@Value("${lindung.time-zone}") String zone) {
            return new TestClock(ZoneId.of(zone.trim()));
        }
    }
}
