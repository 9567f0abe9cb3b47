package id.lindung.contribution;

import id.lindung.regulation.Reference;
import id.lindung.shared.Programme;
import id.lindung.shared.Rupiah;
import java.util.List;

/**
 * One programme's contribution for the month. Shares are whole rupiah (docs/rounding.md).
 *
 * @param base        the amount the rate applies to (capped wage for JP, band basis for BPU)
 * @param informative true for JKP of wage earners: shown for information, nothing is payable
 * @param deferred    JP owed later, not payable this month (the 99% deferred by PP 49/2020); zero otherwise
 */
public record ContributionLine(Programme program, Rupiah base, Rupiah employer, Rupiah worker, Rupiah total,
                               List<Reference> references, boolean informative, Rupiah deferred) {

    public ContributionLine(Programme program, Rupiah base, Rupiah employer, Rupiah worker, Rupiah total,
                            List<Reference> references, boolean informative) {
        this(program, base, employer, worker, total, references, informative, Rupiah.ZERO);
    }
}
