package id.lindung.coverage.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Brings the coverage rollups up to date when the server starts, after the demo data (which orders itself at
 * LOWEST_PRECEDENCE - 100) and before the start-up line (LOWEST_PRECEDENCE): otherwise the first dashboard opened
 * after a start on new data pays the rebuild (5.8 s on the demo data), and "ready" would not mean ready.
 */
@Component
@Profile("serve")
class RollupWarmUp {

    private static final Logger log = LoggerFactory.getLogger(RollupWarmUp.class);
    private final CoverageRollups rollups;

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
        }
    }
}
