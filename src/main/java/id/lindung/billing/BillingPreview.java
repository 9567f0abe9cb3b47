package id.lindung.billing;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a billing run would do, from a dry run that wrote nothing: the month's bills after the run, the bills
 * it would create, the lines (reversals included) and amount it would add, whether the real run must be confirmed as
 * a backfill and why, and the payers whose payments would settle other months than today.
 */
public record BillingPreview(String month, long bills, long newBills, long lines, long reversals, BigDecimal total,
                             String regulationVersion, boolean backfillRequired, List<String> backfillReasons,
                             List<PaidMonthsChange> paidMonthsChanged) {

    /** A payer whose payments would be re-allocated: the months (other than the run's) whose settled amount changes. */
    public record PaidMonthsChange(String payer, List<String> months) {}
}
