package id.lindung.billing;

import id.lindung.shared.Segment;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Pure rule for protection on a date, from membership periods, paid months and the regulation's due
 * dates and BPU grace window (no database, no clock: "today" is an argument).
 *
 * <ul>
 *   <li>BPU: a month protects when it is paid, and a payment counts when made within the window (the
 *       month's due date plus {@code backPaymentMonths} months): a back-payment inside it restores protection.
 *       Unpaid before its due date the month is IN_GRACE (when no earlier month is in arrears), after it
 *       LAPSED; more than {@code lapseMonths} consecutive months past their due date and not paid in time
 *       end the membership (ENDED).</li>
 *   <li>PU: the employer pays after the month; the worker is PROTECTED while no month of the term is
 *       overdue, LAPSED once one is (the employer is in arrears). Arrears alone never end a PU membership.</li>
 * </ul>
 */
public final class ProtectionPolicy {

    private ProtectionPolicy() {}

    /** One membership period (valid_to exclusive, null = open). */
    public record Period(LocalDate from, LocalDate to, Segment segment, String payer) {
        boolean covers(LocalDate d) {
            return !d.isBefore(from) && (to == null || d.isBefore(to));
        }
    }

    public record Answer(ProtectionStatus status, YearMonth paidThrough, String payer) {}

    /**
     * @param periods   the programme's periods for one worker, in any order; null answer when none started by {@code date}
     * @param paidOn    month → date it was fully paid
     * @param dueDate   month and segment → due date of that month's contribution
     */
    public static Answer evaluate(List<Period> periods, Map<YearMonth, LocalDate> paidOn,
                                  Function<YearMonth, LocalDate> dueDate, int lapseMonths, int backPaymentMonths, LocalDate date) {
        Period current = periods.stream().filter(p -> p.covers(date)).findFirst().orElse(null);
        LocalDate start = periods.stream().map(Period::from).min(LocalDate::compareTo).orElse(null);
        if (start == null || date.isBefore(start)) {
            return null;
        }
        YearMonth paidThrough = paidOn.keySet().stream().filter(m -> !m.isAfter(YearMonth.from(date)))
                .max(YearMonth::compareTo).orElse(null);
        if (current == null) {
            Period last = periods.stream().filter(p -> p.to() != null && !p.to().isAfter(date))
                    .max((a, b) -> a.to().compareTo(b.to())).orElse(null);
            return new Answer(ProtectionStatus.ENDED, paidThrough, last == null ? null : last.payer());
        }
        YearMonth month = YearMonth.from(date);
        boolean bpu = current.segment() == Segment.BPU;
        if (paidInTime(month, paidOn, dueDate, backPaymentMonths, bpu)) {
            return new Answer(ProtectionStatus.PROTECTED, paidThrough, current.payer());
        }
        if (!bpu) {
            boolean overdue = false;
            for (YearMonth m = YearMonth.from(current.from()); !m.isAfter(month) && !overdue; m = m.plusMonths(1)) {
                overdue = !paidOn.containsKey(m) && date.isAfter(dueDate.apply(m));
            }
            // PU contributions are paid after the month: while nothing is overdue the employer is up to date
            return new Answer(overdue ? ProtectionStatus.LAPSED : ProtectionStatus.PROTECTED, paidThrough, current.payer());
        }
        // consecutive months in arrears on the date: only months already past their due date count
        int unpaid = 0;
        YearMonth first = YearMonth.from(start);
        for (YearMonth m = month; !m.isBefore(first); m = m.minusMonths(1)) {
            if (paidInTime(m, paidOn, dueDate, backPaymentMonths, true)) {
                break;
            }
            if (date.isAfter(dueDate.apply(m))) {
                unpaid++;
            }
        }
        if (unpaid > lapseMonths) {
            return new Answer(ProtectionStatus.ENDED, paidThrough, current.payer());
        }
        return new Answer(unpaid == 0 ? ProtectionStatus.IN_GRACE : ProtectionStatus.LAPSED, paidThrough, current.payer());
    }

    private static boolean paidInTime(YearMonth m, Map<YearMonth, LocalDate> paidOn, Function<YearMonth, LocalDate> dueDate,
                                      int graceMonths, boolean bpu) {
        LocalDate paid = paidOn.get(m);
        if (paid == null) {
            return false;
        }
        return !bpu || !paid.isAfter(dueDate.apply(m).plusMonths(graceMonths));
    }
}
