package id.lindung.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The live API tokens recently seen, so that a request does not pay two statements before its own work (issue 16:
 * the sign-in was most of a contribution quote's cost). An entry is trusted only while every one of these holds:
 * <ul>
 *   <li>it is younger than the time to live (a few seconds: the last line of defence should a notice be lost);</li>
 *   <li>the token's own expiry has not passed, checked on every request against the wall clock;</li>
 *   <li>no change to tokens or users was announced since it was read: a revocation in this server clears the cache
 *       before it answers, one made elsewhere (the command line, another server, plain SQL) reaches it through the
 *       database's notice ({@link ApiTokenChanges}) and clears it then;</li>
 *   <li>the notice channel is up: while it is down nothing is cached and every request reads the database.</li>
 * </ul>
 * Only live tokens are kept: a refused token is read from the database on each attempt.
 */
final class ApiTokenCache {

    /** A live token as read: the user it signs in and when it stops. */
    record Entry(LindungUser user, Instant expiresAt, long readAtNanos, long generation) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Moves on at every announced change: an entry read before a change is never stored after it. */
    private final AtomicLong generation = new AtomicLong();
    private final Clock wallClock;
    private final LongSupplier nanos;
    private final long ttlNanos;
    private final int maxEntries;
    private volatile boolean enabled;

    ApiTokenCache(Clock wallClock, LongSupplier nanos, long ttlNanos, int maxEntries) {
        this.wallClock = wallClock;
        this.nanos = nanos;
        this.ttlNanos = ttlNanos;
        this.maxEntries = maxEntries;
    }

    /** The generation to pass to {@link #put}, taken before the database is read. */
    long generation() {
        return generation.get();
    }

    /** The user of a live cached token, or empty when the database must be asked. */
    Optional<LindungUser> find(String tokenHash) {
        Entry e = entries.get(tokenHash);
        if (e == null) {
            return Optional.empty();
        }
        if (!enabled || e.generation() != generation.get() || nanos.getAsLong() - e.readAtNanos() > ttlNanos
                || !e.expiresAt().isAfter(wallClock.instant())) {
            entries.remove(tokenHash, e);
            return Optional.empty();
        }
        return Optional.of(e.user());
    }

    /** Keeps a token read as live when {@code generationBefore} was current; a change since then keeps it out. */
    void put(String tokenHash, LindungUser user, Instant expiresAt, long generationBefore) {
        if (!enabled || generationBefore != generation.get()) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear(); // many distinct tokens within seconds: start over rather than grow
        }
        entries.put(tokenHash, new Entry(user, expiresAt, nanos.getAsLong(), generationBefore));
        if (generationBefore != generation.get()) {
            entries.remove(tokenHash); // a change raced the put: drop what it may have made stale
        }
    }

    /** Some token or user changed: nothing read before now is trusted again. */
    void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** Caching is on only while changes made elsewhere are sure to be heard. */
    void enable(boolean on) {
        clear();
        enabled = on;
        clear();
    }

    boolean enabled() {
        return enabled;
    }
}
