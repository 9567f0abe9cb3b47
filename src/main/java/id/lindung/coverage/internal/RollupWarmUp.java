package id.lindung.coverage.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the coverage rollups warm so that no reader pays for a bulk write. At start-up, after the demo data (which
 * orders itself at LOWEST_PRECEDENCE - 100) and before the start-up line (LOWEST_PRECEDENCE): otherwise the first
 * dashboard opened after a start on new data pays the rebuild (5.8 s on the demo data), and "ready" would not mean
 * ready. Then every {@code lindung.coverage.catch-up-millis} (30 s): a month's payment file or a national billing run
 * touches more villages than an incremental refresh takes, and the next read rebuilt everything on its request
 * thread (a province's monev report waited 439 s after 2.1 million payments, docs/benchmarks.md). A refresh with
 * nothing to apply costs one advisory lock and four small queries (27 ms at national size).
 */
@Component
@Profile("serve")
class RollupWarmUp {

    private static final Logger log = LoggerFactory.getLogger(RollupWarmUp.class);
    private final CoverageRollups rollups;
    /** Not before the start-up warm-up: a catch-up during the demo seeding would rebuild what the seeding then changes. */
    private volatile boolean started;

    RollupWarmUp(CoverageRollups rollups) {
        this.rollups = rollups;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE - 50)
    void warm() {
        try {
            CoverageRollups.Refresh r = rollups.refresh();
            log.info("Coverage rollups {} in {} ms ({} villages, {} workers)", r.full() ? "built" : "refreshed", r.millis(),
                    r.villages(), r.workers());
        } catch (RuntimeException e) {
            // a read refreshes them anyway: a failure here costs the first reader time, not correctness
            log.warn("Coverage rollups could not be warmed at start-up: {}", e.getMessage(), e);
        } finally {
            started = true;
        }
    }

    /**
     * Applies what registry and billing committed since the last refresh, off the request path. Readers still refresh
     * first (exactness): one arriving during a catch-up waits for its lock, then finds nothing left to apply.
     */
    @Scheduled(fixedDelayString = "${lindung.coverage.catch-up-millis:30000}",
            initialDelayString = "${lindung.coverage.catch-up-millis:30000}")
    void catchUp() {
        if (!started) {
            return;
        }
        try {
            CoverageRollups.Refresh r = rollups.refresh();
            if (r.full() || r.villages() > 0 || r.workers() > 0) {
                log.info("Coverage rollups {} after writes in {} ms ({} villages, {} workers): {}", r.full() ? "rebuilt" : "caught up",
                        r.millis(), r.villages(), r.workers(), r.steps());
            }
        } catch (RuntimeException e) {
            log.warn("Coverage rollups could not catch up (the next read will): {}", e.getMessage(), e);
        }
    }
}
