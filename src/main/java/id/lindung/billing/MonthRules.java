package id.lindung.billing;

import id.lindung.contribution.ContributionSchedule;
import id.lindung.regulation.DatedValue;
import id.lindung.shared.Segment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Everything the billing of one contribution month needs from the regulation: the rate rows, due days,
 * late fines, the BPU grace window, rounding, and which regulation version produced them.
 *
 * @param roundingScale      amounts are rounded half-up to this many decimals (0 = whole rupiah)
 * @param puFineRate         late fine per month on unpaid PU contributions of this month (0.02, 0.005 in relief)
 * @param bpuFineRate        late fine per month for BPU (zero)
 * @param bpuGraceMonths     consecutive unpaid BPU months after which membership ends (3: "more than 3")
 * @param bpuBackPaymentMonths how many months after its due date a BPU month may still be paid back
 * @param joinerLeaverRule   the documented rule for mid-month joiners and leavers, shown on the bill
 * @param relief             in a PP 49/2020 relief month, who gets the relief; null otherwise
 * @param jpRepayment        in a settlement month, the instalment of the deferred JP billed with it; null otherwise
 * @param values             every regulation value of the month by parameter id, with its reference: documents cite
 *                           them and say the due day and fine rule in words from them
 */
public record MonthRules(YearMonth month, List<RateRow> rates, LocalDate puDueDate, LocalDate bpuDueDate,
                         int roundingScale, BigDecimal puFineRate, BigDecimal bpuFineRate, int bpuGraceMonths,
                         int bpuBackPaymentMonths,
                         String joinerLeaverRule, String regulationVersion, List<String> references,
                         Relief relief, ContributionSchedule.JpRepayment jpRepayment, Map<String, DatedValue> values) {

    public MonthRules {
        values = Map.copyOf(values);
    }

    /**
     * Who gets a relief month's relief, from the billing facts: the payer's standing is read up to
     * {@code paidThroughCondition} (July 2020), and {@code applies} is the calculator's rule
     * ({@link ContributionSchedule#reliefApplies}) on a participant's registration and its payer's paid-through month.
     */
    public record Relief(YearMonth paidThroughCondition, java.util.function.BiPredicate<LocalDate, YearMonth> applies) {}

    public LocalDate dueDate(Segment segment) {
        return segment == Segment.BPU ? bpuDueDate : puDueDate;
    }

    public BigDecimal fineRate(Segment segment) {
        return segment == Segment.BPU ? bpuFineRate : puFineRate;
    }

    /**
     * A bill's late fine from its PU late weight (rupiah times months late, {@link LateFines}): one half-up rounding of
     * the exact product (docs/rounding.md).
     */
    public id.lindung.shared.Rupiah puFine(BigDecimal puLate) {
        return id.lindung.shared.Rupiah.of(puLate.multiply(puFineRate).setScale(roundingScale, java.math.RoundingMode.HALF_UP));
    }
}
