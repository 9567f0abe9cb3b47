package id.lindung.billing.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * At most {@link #PER_MINUTE} public status checks per client address per minute, so the public check
 * cannot be used to enumerate NIKs and birth dates.
 */
@Component
class PublicCheckLimiter {

    static final int PER_MINUTE = 10;
    private static final long WINDOW_NANOS = 60_000_000_000L;
    private final Map<String, Deque<Long>> hits = new ConcurrentHashMap<>();

    boolean tryAcquire(String address) {
        long now = System.nanoTime();
        if (hits.size() > 10_000) {
            // forget addresses whose last check is older than the window, so the map cannot grow without bound
            hits.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    Long last = e.getValue().peekLast();
                    return last == null || now - last > WINDOW_NANOS;
                }
            });
        }
        Deque<Long> times = hits.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() > WINDOW_NANOS) {
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
