package id.lindung.platform;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The one business clock. A business date (the billing month, a due date, a fine's months late, "protected
 * today?") is a date in the business time zone, {@code lindung.time-zone} (Asia/Jakarta by default), whatever
 * zone the server runs in. Every module injects this {@link Clock} and asks it for the date
 * ({@code LocalDate.now(clock)}); nothing else reads the system clock (ArchitectureTests). Database sessions
 * use the same zone, so SQL that turns a timestamp into a date agrees with Java.
 */
@Configuration(proxyBeanMethods = false)
public class BusinessClock {

    static final String ZONE_PROPERTY = "lindung.time-zone";

    @Bean
    Clock clock(Environment env) {
        return new Replayable(Clock.system(zone(env)));
    }

    /** How far back the business clock reads on this thread while {@link #replay} runs; null outside it. */
    private static final ThreadLocal<Duration> REPLAY = new ThreadLocal<>();

    /**
     * Runs {@code work} on this thread with the business clock {@code ago} earlier, then puts it back: for the demo
     * data only, which must show a claim that has waited at its step for days (docs/claims.md, "Overdue") on its first
     * start, and can only make one the way a village would have, by taking its steps that many days ago. Every time
     * and date the work records (the case, its history, its documents, the audit trail) is then of that day; other
     * threads keep the real time.
     */
    public static <T> T replay(Duration ago, java.util.function.Supplier<T> work) {
        if (ago.isNegative() || REPLAY.get() != null) {
            throw new IllegalArgumentException("a replay goes back, once: " + ago);
        }
        REPLAY.set(ago);
        try {
            return work.get();
        } finally {
            REPLAY.remove();
        }
    }

    /** The system time in the business zone, earlier on a thread inside {@link #replay}. */
    private static final class Replayable extends Clock {

        private final Clock system;

        Replayable(Clock system) {
            this.system = system;
        }

        @Override
        public ZoneId getZone() {
            return system.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new Replayable(system.withZone(zone));
        }

        @Override
        public Instant instant() {
            Duration ago = REPLAY.get();
            return ago == null ? system.instant() : system.instant().minus(ago);
        }
    }

    /** Sets every pooled connection's session time zone to the business zone when it is opened. */
    @Bean
    static BeanPostProcessor databaseSessionInBusinessZone(Environment env) {
        return PooledSessions.startWith(sessionTimeZoneSql(zone(env)));
    }

    /**
     * The same clock for a command that runs without Spring: the zone from the system property
     * {@code lindung.time-zone}, else the environment variable {@code LINDUNG_TIME_ZONE}, else Asia/Jakarta
     * (what application.properties resolves to).
     */
    public static Clock fromSettings() {
        String id = System.getProperty(ZONE_PROPERTY);
        if (id == null || id.isBlank()) {
            id = System.getenv("LINDUNG_TIME_ZONE");
        }
        return Clock.system(zone(id == null || id.isBlank() ? "Asia/Jakarta" : id));
    }

    /**
     * The real time, never moved: for what must follow the wall clock whatever business date a test or an
     * operator sets, such as when an API token expires or was last used (security, not business).
     */
    public static Clock wall() {
        return Clock.systemUTC();
    }

    static ZoneId zone(Environment env) {
        return zone(env.getProperty(ZONE_PROPERTY, "Asia/Jakarta"));
    }

    private static ZoneId zone(String setting) {
        String id = setting.trim();
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new IllegalStateException(ZONE_PROPERTY + " must be a time zone such as Asia/Jakarta, got '" + id + "'", e);
        }
    }

    /**
     * PostgreSQL reads an offset such as 'UTC+7' POSIX-style, as seven hours west of Greenwich, so offsets are given
     * as an interval; names (Asia/Jakarta, UTC) are the same tz database names in both.
     */
    static String sessionTimeZoneSql(ZoneId zone) {
        if (zone instanceof ZoneOffset || zone.getId().matches("(UTC|GMT|UT)[+-].*")) {
            String offset = ((ZoneOffset) zone.normalized()).getId();
            return "set time zone interval '" + (offset.equals("Z") ? "+00:00" : offset) + "' hour to minute";
        }
        return "set time zone '" + zone.getId() + "'";
    }
}
