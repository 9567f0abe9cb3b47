package id.lindung.billing;

import id.lindung.platform.AmountJson;
import id.lindung.shared.Rupiah;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * What a billing run would do, from a dry run that wrote nothing: the month's bills after the run, the bills
 * it would create, the lines (reversals included) and amount it would add, whether the real run must be confirmed as
 * a backfill and why, and the payers whose paid months would change (the run's own month among them).
 */
public record BillingPreview(String month, long bills, long newBills, long lines, long reversals, BigDecimal total,
                             String regulationVersion, boolean backfillRequired, List<String> backfillReasons,
                             List<PaidMonthsChange> paidMonthsChanged) {

    /**
     * A payer whose paid months would change: {@code months} names them (yyyy-MM, oldest first), {@code details} says
     * how, one entry per month in the same order.
     */
    public record PaidMonthsChange(String payer, List<String> months, List<MonthChange> details) {

        static PaidMonthsChange of(String payer, List<MonthChange> details) {
            return new PaidMonthsChange(payer, details.stream().map(MonthChange::month).toList(), List.copyOf(details));
        }
    }

    /**
     * One month of a payer before and after the run, as its bill shows it: the amount its payments settle, the day it
     * was paid in full (null: not in full), the late fine as of today, and how many of its workers' programme months
     * would be paid on another day (or become paid or unpaid): the facts a worker's protection is read from.
     */
    public record MonthChange(String month,
                              @JsonSerialize(using = AmountJson.Summed.class) Rupiah paidBefore,
                              @JsonSerialize(using = AmountJson.Summed.class) Rupiah paidAfter,
                              LocalDate paidInFullOnBefore, LocalDate paidInFullOnAfter,
                              @JsonSerialize(using = AmountJson.Summed.class) Rupiah fineBefore,
                              @JsonSerialize(using = AmountJson.Summed.class) Rupiah fineAfter,
                              long workerMonthsRedated) {

        /** Whether anything of the month changes. */
        public boolean changes() {
            return !paidBefore.equals(paidAfter) || !Objects.equals(paidInFullOnBefore, paidInFullOnAfter)
                    || !fineBefore.equals(fineAfter) || workerMonthsRedated > 0;
        }

        public boolean paidChanges() {
            return !paidBefore.equals(paidAfter);
        }

        public boolean paidInFullOnChanges() {
            return !Objects.equals(paidInFullOnBefore, paidInFullOnAfter);
        }

        public boolean fineChanges() {
            return !fineBefore.equals(fineAfter);
        }
    }
}
