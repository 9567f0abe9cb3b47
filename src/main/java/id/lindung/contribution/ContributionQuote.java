package id.lindung.contribution;

import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.time.YearMonth;
import java.util.List;

/** The contribution of one worker for one month; totals are sums of the rounded shares. */
public record ContributionQuote(Segment segment, YearMonth month, List<ContributionLine> lines, Rupiah employerTotal,
                                Rupiah workerTotal, Rupiah total, String regulationVersion) {}
