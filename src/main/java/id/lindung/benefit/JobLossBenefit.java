package id.lindung.benefit;

import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Rate;
import id.lindung.shared.RejectedException;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.math.RoundingMode;

/** The JKP (job loss) case of a quote: the contribution months it needs and the capped wage replacement. */
final class JobLossBenefit {

    private static final RoundingMode ROUNDING = BenefitCalculator.ROUNDING;

    private final RegulationCatalog catalog;

    JobLossBenefit(RegulationCatalog catalog) {
        this.catalog = catalog;
    }

    void jobLoss(QuoteInProgress q) {
        if (q.request.segment() == Segment.BPU) {
            q.reject("BPU_JKP_NOT_AVAILABLE", "JKP (job loss) is not available to BPU participants");
            return;
        }
        Rupiah wage = q.wage();
        Integer months24 = q.request.contributionMonths24();
        if (months24 == null) {
            throw new MissingFactException("contributionMonths24", null, "contributionMonths24 (contribution months in the last 24) is required for JKP");
        }
        if (months24 < 0) {
            // given, so out of its range, as the neighbouring count consecutiveMonths says: never "is required"
            throw new MissingFactException("contributionMonths24", months24, "contributionMonths24 " + months24
                    + " is out of range: the contribution months in the last 24 are 0 or more");
        }
        Integer consecutive = q.request.consecutiveMonths();
        if (consecutive != null && consecutive < 0) {
            throw new MissingFactException("consecutiveMonths", consecutive, "consecutiveMonths " + consecutive
                    + " is out of range: the longest run of contribution months is 0 or more");
        }
        int windowMonths = catalog.valueOn("jkp.eligibility.windowMonths", q.request.date()).whole();
        if (months24 > windowMonths) {
            throw new RejectedException("JKP_MONTHS_IN_WINDOW_IMPOSSIBLE", months24 + " contribution months cannot fit in the "
                    + windowMonths + " months before the job loss");
        }
        if (consecutive != null && consecutive > months24) {
            throw new RejectedException("JKP_CONSECUTIVE_MONTHS_IMPOSSIBLE", consecutive + " consecutive months is more than the "
                    + months24 + " contribution months in the last " + windowMonths);
        }
        q.component("WAGE_REPLACEMENT", refs -> {
            int minMonths = q.value("jkp.eligibility.minMonths", refs).whole();
            int window = q.value("jkp.eligibility.windowMonths", refs).whole();
            if (months24 < minMonths) {
                throw new RejectedException("JKP_CONTRIBUTION_MONTHS_BELOW_MINIMUM", months24 + " contribution months in the last "
                        + window + " is fewer than " + minMonths);
            }
            if (consecutive != null) {
                int minConsecutive = q.value("jkp.eligibility.consecutiveMonths", refs).whole();
                if (consecutive < minConsecutive) {
                    throw new RejectedException("JKP_CONSECUTIVE_MONTHS_BELOW_MINIMUM", "the longest run of " + consecutive
                            + " consecutive contribution months is shorter than " + minConsecutive);
                }
            }
            Rupiah capped = wage.min(q.value("jkp.benefit.wageCap", refs).rupiah());
            Rate first = q.value("jkp.benefit.firstPercent", refs).rate();
            int firstMonths = q.value("jkp.benefit.firstMonths", refs).whole();
            Rate later = q.value("jkp.benefit.laterPercent", refs).rate();
            int laterMonths = q.value("jkp.benefit.laterMonths", refs).whole();
            return first.applyTo(capped, ROUNDING).times(firstMonths).plus(later.applyTo(capped, ROUNDING).times(laterMonths));
        });
    }
}
