package id.lindung.billing.web;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * At most {@link #PER_MINUTE} public status checks per client address per minute, so the public check
 * cannot be used to enumerate NIKs and birth dates. The window is read from the business clock, so a test can
 * step past it instead of waiting a minute.
 */
@Component
class PublicCheckLimiter {

    static final int PER_MINUTE = 10;
    private static final long WINDOW_MILLIS = 60_000L;
    private final Map<String, Deque<Long>> hits = new ConcurrentHashMap<>();
    private final Clock clock;

    PublicCheckLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Failed checks (no such NIK and birth date) allowed per masked NIK in {@link #FAILURE_WINDOW_MILLIS}. */
    static final int FAILURES_PER_MASKED_NIK = 20;
    private static final long FAILURE_WINDOW_MILLIS = 24 * 60 * 60_000L;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    /**
     * Whether a check of {@code nik} may run: not when its masked form (the six region digits and the last two, what a
     * masked export shows) has failed {@link #FAILURES_PER_MASKED_NIK} times within a day. Guessing the hidden birth date
     * of one masked NIK changes the NIK at every try, so a limit per NIK or per address (any number of addresses) does
     * not stop it: 98 tries from rotating addresses found one in two seconds (attacker review).
     */
    boolean mayCheck(String nik) {
        Deque<Long> times = failures.get(maskedKey(nik));
        if (times == null) {
            return true;
        }
        long now = clock.millis();
        synchronized (times) {
            prune(times, now, FAILURE_WINDOW_MILLIS);
            return times.size() < FAILURES_PER_MASKED_NIK;
        }
    }

    /** Counts a check of {@code nik} that found nobody. */
    void failed(String nik) {
        long now = clock.millis();
        forgetIdle(failures, 100_000, now, FAILURE_WINDOW_MILLIS);
        Deque<Long> times = failures.computeIfAbsent(maskedKey(nik), k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
        }
    }

    private static String maskedKey(String nik) {
        // trim() first, as the lookup does (Protection.publicCheck gets nik.trim()): strip() alone kept the control
        // characters trim() drops, so U+0001 before a NIK made a fresh key for the same person and the limit never ran out
        String n = nik.trim().strip();
        return n.length() == 16 ? n.substring(0, 6) + n.substring(14) : n;
    }

    boolean tryAcquire(String address) {
        long now = clock.millis();
        forgetIdle(hits, 10_000, now, WINDOW_MILLIS);
        Deque<Long> times = hits.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now, WINDOW_MILLIS);
            if (times.size() >= PER_MINUTE) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    /** Past {@code size} keys, forgets those whose last time left the window, so a map cannot grow without bound. */
    private static void forgetIdle(Map<String, Deque<Long>> times, int size, long now, long window) {
        if (times.size() > size) {
            times.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    Long last = e.getValue().peekLast();
                    return last == null || now - last > window;
                }
            });
        }
    }

    /**
     * Forgets the times that left the window; all of them if the clock stood later when they were counted (the business
     * clock set back), since a window of times after now would hold its checks for ever.
     */
    private static void prune(Deque<Long> times, long now, long window) {
        if (!times.isEmpty() && times.peekLast() > now) {
            times.clear();
        }
        while (!times.isEmpty() && now - times.peekFirst() > window) {
            times.pollFirst();
        }
    }
}
