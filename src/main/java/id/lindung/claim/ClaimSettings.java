package id.lindung.claim;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The branch's settings for claims ({@code lindung.claims.*}, docs/claims.md): how many days a case may wait at each
 * step before it is listed as overdue, the JKK payment clock of PP 44/2015 Pasal 37 (7 working days, 1% a day late),
 * the days after a work accident within which it should be reported, and the largest document accepted.
 */
@Component
class ClaimSettings {

    private final int submittedDays;
    private final int verifiedDays;
    private final int approvedDays;
    final JkkPaymentClock jkkClock;
    final int reportLimitDays;
    final DataSize documentMaxSize;

    ClaimSettings(@Value("${lindung.claims.overdue-days.submitted:5}") int submittedDays,
                  @Value("${lindung.claims.overdue-days.verified:5}") int verifiedDays,
                  @Value("${lindung.claims.overdue-days.approved:7}") int approvedDays,
                  @Value("${lindung.claims.jkk-payment-working-days:7}") int jkkWorkingDays,
                  @Value("${lindung.claims.jkk-late-percent-per-day:1}") int latePercent,
                  @Value("${lindung.claims.jkk-report-limit-days:2}") int reportLimitDays,
                  @Value("${lindung.claims.document-max-size:10MB}") DataSize documentMaxSize) {
        this.submittedDays = submittedDays;
        this.verifiedDays = verifiedDays;
        this.approvedDays = approvedDays;
        this.jkkClock = new JkkPaymentClock(jkkWorkingDays, latePercent);
        this.reportLimitDays = reportLimitDays;
        this.documentMaxSize = documentMaxSize;
    }

    /** How long a case may wait in {@code status} before it is overdue; null for a final status. */
    Duration overdueAfter(ClaimStatus status) {
        return switch (status) {
            case SUBMITTED -> Duration.ofDays(submittedDays);
            case VERIFIED -> Duration.ofDays(verifiedDays);
            case APPROVED -> Duration.ofDays(approvedDays);
            case REJECTED, PAID -> null;
        };
    }
}
