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
 * @param registered        the participant's registration date, for the PP 49/2020 relief conditions (null: unknown)
 * @param paidThrough       the last month the payer had paid when the relief began (null: unknown); with both unknown
 *                          a relief month gets the relief
 */
public record ContributionRequest(Segment segment, YearMonth month, Rupiah wage, RiskGroup risk, Set<Programme> programs,
                                  boolean labourIntensive, boolean villageGovernment, java.time.LocalDate registered,
                                  YearMonth paidThrough) {

    public ContributionRequest {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(wage, "wage");
        programs = Set.copyOf(programs);
    }

    public ContributionRequest(Segment segment, YearMonth month, Rupiah wage, RiskGroup risk, Set<Programme> programs,
                               boolean labourIntensive, boolean villageGovernment) {
        this(segment, month, wage, risk, programs, labourIntensive, villageGovernment, null, null);
    }

    /** The payer's standing for the PP 49/2020 relief conditions. */
    public ContributionRequest withReliefStanding(java.time.LocalDate registered, YearMonth paidThrough) {
        return new ContributionRequest(segment, month, wage, risk, programs, labourIntensive, villageGovernment, registered, paidThrough);
    }

    public static ContributionRequest pu(YearMonth month, Rupiah wage, RiskGroup risk, Set<Programme> programs) {
        return new ContributionRequest(Segment.PU, month, wage, risk, programs, false, false);
    }

    public static ContributionRequest bpu(YearMonth month, Rupiah income, Set<Programme> programs) {
        return new ContributionRequest(Segment.BPU, month, income, null, programs, false, false);
    }

    public ContributionRequest withLabourIntensive(boolean labourIntensive, boolean villageGovernment) {
        return new ContributionRequest(segment, month, wage, risk, programs, labourIntensive, villageGovernment, registered,
                paidThrough);
    }
}
