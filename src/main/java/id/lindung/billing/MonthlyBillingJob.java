package id.lindung.billing;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import java.time.Clock;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Bills the new month on its first day (BPU contributions are due by the 15th of the month itself). */
@Component
@Profile("serve")
class MonthlyBillingJob {

    private static final Logger log = LoggerFactory.getLogger(MonthlyBillingJob.class);
    private final BillingRuns runs;
    private final Clock clock;

    MonthlyBillingJob(BillingRuns runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    // the first day of the month in the business zone, the zone the clock gives the month in
    @Scheduled(cron = "0 0 1 1 * *", zone = "${lindung.time-zone:Asia/Jakarta}")
    void billNewMonth() {
        YearMonth month = YearMonth.now(clock);
        Actor system = Actor.system("scheduler");
        var result = CurrentActor.runAs(system, () -> runs.run(month, system));
        log.info("Monthly billing for {}: {} bills, {} lines added, total {}", month, result.bills(), result.lines(), result.total());
    }
}
