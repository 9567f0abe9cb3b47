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

    boolean tryAcquire(String address) {
        long now = clock.millis();
        if (hits.size() > 10_000) {
            // forget addresses whose last check is older than the window, so the map cannot grow without bound
            hits.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    Long last = e.getValue().peekLast();
                    return last == null || now - last > WINDOW_MILLIS;
                }
            });
        }
        Deque<Long> times = hits.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() > WINDOW_MILLIS) {
                times.pollFirst();
            }
            if (times.size() >= PER_MINUTE) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
