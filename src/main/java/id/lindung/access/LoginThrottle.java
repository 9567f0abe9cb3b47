package id.lindung.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The parts of the sign-in lockout that are not an account's own state (issue 12 item 5):
 * <ul>
 *   <li>a name that is not an account is locked exactly as an account would be (five failures, fifteen minutes),
 *       so the answer never tells whether an account exists;</li>
 *   <li>one source address that fails many sign-ins, whatever the names, is refused for a while: guessing is
 *       slowed down without locking anyone's account from afar.</li>
 * </ul>
 * Kept in memory: a restart forgets it, which costs an attacker nothing they could not get by waiting. Both maps
 * are pruned so that a flood of made-up names cannot grow them without bound.
 */
@Component
public class LoginThrottle {

    static final int DEFAULT_MAX_FAILURES_PER_ADDRESS = 20;
    private static final int PRUNE_ABOVE = 10_000;

    private final Clock clock;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Map<String, Counter> unknownNames = new ConcurrentHashMap<>();
    private final Map<String, Counter> addresses = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock,
                  @Value("${lindung.login.max-failures-per-address:" + DEFAULT_MAX_FAILURES_PER_ADDRESS + "}") int maxFailuresPerAddress,
                  @Value("${lindung.login.address-window-minutes:15}") int windowMinutes) {
        this.clock = clock;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = Duration.ofMinutes(windowMinutes);
    }

    /** Whether a sign-in from {@code address} as {@code username} is refused before any password is checked. */
    boolean refuses(String address, String username) {
        Instant now = clock.instant();
        Counter byAddress = addresses.get(address);
        if (byAddress != null && byAddress.lockedAt(now)) {
            return true;
        }
        Counter byName = unknownNames.get(normalise(username));
        return byName != null && byName.lockedAt(now);
    }

    /** A failed sign-in from an address, whether the name exists or not. */
    void failedFrom(String address) {
        count(addresses, address, maxFailuresPerAddress, window, true);
    }

    /** A failed sign-in with a name that is no account: locked like an account (the same count and time). */
    void failedForUnknownName(String username) {
        count(unknownNames, normalise(username), UserAccounts.MAX_FAILED_LOGINS, UserAccounts.LOCK_DURATION, false);
    }

    private void count(Map<String, Counter> map, String key, int max, Duration lock, boolean windowed) {
        if (key == null || key.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (map.size() > PRUNE_ABOVE) {
            map.values().removeIf(c -> c.idleSince(now, Duration.ofHours(24)));
        }
        map.compute(key, (k, c) -> (c == null ? new Counter() : c).fail(now, max, lock, windowed));
    }

    private static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Failures and the lock they set. An account's counter (failed_logins, locked_until) is never reset by time,
     * only by a successful sign-in: a name's counter does the same. An address counts within a window instead.
     */
    private static final class Counter {
        private int failures;
        private Instant firstFailure;
        private Instant lastFailure;
        private Instant lockedUntil;

        Counter fail(Instant now, int max, Duration lock, boolean windowed) {
            if (windowed && firstFailure != null && firstFailure.plus(lock).isBefore(now)) {
                failures = 0;
                firstFailure = null;
            }
            if (firstFailure == null) {
                firstFailure = now;
            }
            failures++;
            lastFailure = now;
            if (failures >= max) {
                lockedUntil = now.plus(lock);
            }
            return this;
        }

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }

        boolean idleSince(Instant now, Duration idle) {
            return lastFailure == null || lastFailure.plus(idle).isBefore(now);
        }
    }
}
