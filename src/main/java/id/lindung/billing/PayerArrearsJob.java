package id.lindung.billing;

import java.time.Clock;
import java.time.LocalDate;
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
 * Rebuilds the kept arrears list ({@code payer_arrears}, V130) for the new business day before anyone asks for it:
 * the day after a due date every balance due that day becomes overdue, and the first request of that day would pay
 * the rebuild (2.2 s at 1,000,000 membership terms). Five minutes after midnight in the business zone, and at
 * start-up (the server may have been down at 00:05). On a day no due date separates from the kept day this is one
 * index probe. The request path still rebuilds when the rows are stale (a billing run held the lock at 00:05).
 */
@Component
@Profile("serve")
class PayerArrearsJob {

    private static final Logger log = LoggerFactory.getLogger(PayerArrearsJob.class);
    private final PayerArrears arrears;
    private final Clock clock;

    PayerArrearsJob(PayerArrears arrears, Clock clock) {
        this.arrears = arrears;
        this.clock = clock;
    }

    // the business day starts at midnight in the business zone, the zone the clock gives the date in
    @Scheduled(cron = "0 5 0 * * *", zone = "${lindung.time-zone:Asia/Jakarta}")
    void rebuildForToday() {
        LocalDate today = LocalDate.now(clock);
        long t0 = System.nanoTime();
        if (arrears.rebuildIfStale(today)) {
            log.info("Arrears list rebuilt as of {} in {} ms", today, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** After the demo data (LOWEST_PRECEDENCE - 100), before the start-up line: "ready" means the list is current. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE - 40)
    void atStartUp() {
        try {
            rebuildForToday();
        } catch (RuntimeException e) {
            // the first request rebuilds it anyway: a failure here costs that request time, not correctness
            log.warn("Arrears list could not be rebuilt at start-up: {}", e.getMessage(), e);
        }
    }
}
