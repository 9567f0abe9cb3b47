package id.lindung.contribution;

import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Set;

/**
 * One worker's terms for one contribution month.
 *
 * @param wage              the monthly wage (PU) or the declared income (BPU)
 * @param risk              the employer's JKK risk group (PU only; ignored for BPU)
 * @param labourIntensive   the employer is a labour-intensive industry that qualifies for the JKK discount
 * @param villageGovernment the employer is a village government (pemerintah desa), which never gets the discount
 */
public record ContributionRequest(Segment segment, YearMonth month, Rupiah wage, RiskGroup risk, Set<Programme> programs,
                                  boolean labourIntensive, boolean villageGovernment) {

    public ContributionRequest {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(wage, "wage");
        programs = Set.copyOf(programs);
    }

    public static ContributionRequest pu(YearMonth month, Rupiah wage, RiskGroup risk, Set<Programme> programs) {
        return new ContributionRequest(Segment.PU, month, wage, risk, programs, false, false);
    }

    public static ContributionRequest bpu(YearMonth month, Rupiah income, Set<Programme> programs) {
        return new ContributionRequest(Segment.BPU, month, income, null, programs, false, false);
    }

    public ContributionRequest withLabourIntensive(boolean labourIntensive, boolean villageGovernment) {
        return new ContributionRequest(segment, month, wage, risk, programs, labourIntensive, villageGovernment);
    }
}
