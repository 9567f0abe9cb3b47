package id.lindung.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 16: a cached API token is trusted only while nothing could have stopped it. */
class ApiTokenCacheTests {

    static final long TTL = 5_000_000_000L;
    final Instant start = Instant.parse("2026-12-02T10:00:00Z");
    final AtomicLong wallMillis = new AtomicLong(start.toEpochMilli());
    final AtomicLong nanos = new AtomicLong();
    final Clock wall = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.ofEpochMilli(wallMillis.get()); }
    };
    final LindungUser user = new LindungUser(1, "ops", "x", Role.DPMD, RegionScope.of("64.02"), null, true, null, start);
    ApiTokenCache cache;

    @BeforeEach
    void on() {
        cache = new ApiTokenCache(wall, nanos::get, TTL, 100);
        cache.enable(true);
    }

    @Test
    void aCachedTokenIsRefusedTheMomentItsExpiryPasses() {
        cache.put("h", user, start.plusSeconds(1), cache.generation());
        assertThat(cache.find("h")).contains(user);
        wallMillis.addAndGet(1000);
        assertThat(cache.find("h")).isEmpty();
    }

    @Test
    void anAnnouncedChangeDropsEveryCachedToken() {
        cache.put("h", user, start.plusSeconds(3600), cache.generation());
        cache.clear();
        assertThat(cache.find("h")).isEmpty();
    }

    @Test
    void aTokenReadBeforeAChangeIsNotKeptAfterIt() {
        long before = cache.generation();
        cache.clear(); // a revocation committed while the request was reading the token
        cache.put("h", user, start.plusSeconds(3600), before);
        assertThat(cache.find("h")).isEmpty();
    }

    @Test
    void anEntryIsReadAgainAfterItsTimeToLive() {
        cache.put("h", user, start.plusSeconds(3600), cache.generation());
        nanos.addAndGet(TTL + 1);
        assertThat(cache.find("h")).isEmpty();
    }

    @Test
    void nothingIsCachedWhileChangesCannotBeHeard() {
        cache.put("h", user, start.plusSeconds(3600), cache.generation());
        cache.enable(false);
        assertThat(cache.find("h")).isEmpty();
        cache.put("h", user, start.plusSeconds(3600), cache.generation());
        assertThat(cache.find("h")).isEmpty();
    }
}
