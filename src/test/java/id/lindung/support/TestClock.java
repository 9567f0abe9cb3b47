package id.lindung.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The business clock of integration tests: the real time in the business zone, unless a test fixes it with
 * {@link #fixAt} (and resets it after, the context being shared). Every bean that injects {@link Clock} gets
 * this one, so a test can decide what "today" is without depending on the real date.
 *
 * <p>To find tests that only pass on today's date (a "next month" or "this year" written into a test), run them
 * with {@code -Dlindung.test.clockOffsetDays=N}: the clock then runs N days ahead of the real time (or behind, if
 * negative), and so do {@link #nextBusinessYear} and {@link #businessToday}. PostgreSQL's {@code now()} is not
 * moved, so a failure caused only by the database's time disagreeing with the moved clock is an artefact of the
 * offset, not a test that will break. Unset (the default) the clock is the real time.
 */
public final class TestClock extends Clock {

    private final ZoneId zone;
    private volatile Instant fixed;

    private TestClock(ZoneId zone) {
        this.zone = zone;
    }

    /** The business time zone of the tests (lindung.time-zone's default). */
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Jakarta");

    /** The system property that moves the clock by whole days (the class's javadoc). */
    static final String OFFSET_PROPERTY = "lindung.test.clockOffsetDays";

    /** How far ahead of the real time the clock runs: the system property lindung.test.clockOffsetDays, 0 unset. */
    private static final Duration OFFSET = offset(System.getProperty(OFFSET_PROPERTY));

    /** The offset a setting names; a setting that is no whole number fails, rather than leave the clock unmoved unnoticed. */
    static Duration offset(String days) {
        if (days == null || days.isBlank()) {
            return Duration.ZERO;
        }
        try {
            return Duration.ofDays(Long.parseLong(days.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(OFFSET_PROPERTY + " must be a whole number of days, got '" + days + "'", e);
        }
    }

    /** The real time moved by the offset: what the clock reads when no test has fixed it. */
    static Instant shiftedNow() {
        return Instant.now().plus(OFFSET);
    }

    /**
     * Today in the business time zone on the (offset) real clock, for a test that needs "today" without the clock
     * bean: {@code LocalDate.now()} reads the JVM's zone, a day behind Jakarta from 17:00 UTC, and ignores the offset.
     */
    public static LocalDate businessToday() {
        return businessToday(shiftedNow());
    }

    static LocalDate businessToday(Instant at) {
        return LocalDate.ofInstant(at, BUSINESS_ZONE);
    }

    /**
     * The year after this one in the business time zone, on the real clock: a budget plan's year that is always ahead.
     * {@code LocalDate.now().getYear() + 1} reads the JVM's zone (UTC on CI): from 17:00 UTC on 31 December it named
     * the year that had just begun in Jakarta, whose plans start the month after today instead of January.
     */
    public static int nextBusinessYear() {
        return nextBusinessYear(shiftedNow());
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
        return f != null ? f : shiftedNow();
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
