package id.lindung.billing;

import id.lindung.shared.ProtectionStatus;
import id.lindung.shared.Segment;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Pure rule for protection on a date, from membership periods, billed and paid months and the regulation's
 * due dates and BPU grace window (no database, no clock: "today" is an argument).
 *
 * <p>Only a <em>billed</em> month (a bill line exists for the worker, programme and month with a positive net
 * amount) can be in arrears: a month of the term that was never billed (before billing began for the payer,
 * for instance) owes nothing and is never counted as overdue.
 *
 * <ul>
 *   <li>BPU: a month protects when it is paid, and a payment counts when made within the window (the
 *       month's due date plus {@code backPaymentMonths} months): a back-payment inside it restores protection.
 *       Unpaid before its due date (or not billed) the month is IN_GRACE (when no earlier billed month is in
 *       arrears), billed and past its due date LAPSED; more than {@code lapseMonths} consecutive billed months
 *       past their due date and not paid in time end the membership (ENDED).</li>
 *   <li>PU: the employer pays after the month, and the law protects the worker even when the employer does
 *       not pay (BPJS pays the benefit and recovers it from the employer): the worker is PROTECTED while the
 *       term runs, with {@link Answer#employerInArrears()} set once a billed month is overdue and unpaid.
 *       Arrears never end a PU membership.</li>
 *   <li>A term that ended by death covers its end date (the worker was protected on the day of death).</li>
 * </ul>
 */
public final class ProtectionPolicy {

    private ProtectionPolicy() {}

    /** One membership period (valid_to exclusive, null = open; a term ended by death also covers valid_to). */
    public record Period(LocalDate from, LocalDate to, Segment segment, String payer, boolean endedByDeath) {
        public Period(LocalDate from, LocalDate to, Segment segment, String payer) {
            this(from, to, segment, payer, false);
        }

        boolean covers(LocalDate d) {
            return !d.isBefore(from) && (to == null || d.isBefore(to) || (endedByDeath && d.equals(to)));
        }
    }

    public record Answer(ProtectionStatus status, YearMonth paidThrough, String payer, boolean employerInArrears) {
        public Answer(ProtectionStatus status, YearMonth paidThrough, String payer) {
            this(status, paidThrough, payer, false);
        }
    }

    /**
     * @param periods   the programme's periods for one worker, in any order; null answer when none started by {@code date}
     * @param billed    months billed for the worker and programme (positive net amount); others are never arrears
     * @param paidOn    month → date it was fully paid
     * @param dueDate   month → due date of that month's contribution
     */
    public static Answer evaluate(List<Period> periods, Set<YearMonth> billed, Map<YearMonth, LocalDate> paidOn,
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
        if (current.segment() != Segment.BPU) {
            boolean overdue = false;
            for (YearMonth m = YearMonth.from(current.from()); !m.isAfter(month) && !overdue; m = m.plusMonths(1)) {
                overdue = inArrears(m, billed, paidOn, dueDate, date);
            }
            // the law protects a PU worker whether or not the employer pays: arrears are the employer's debt
            return new Answer(ProtectionStatus.PROTECTED, paidThrough, current.payer(), overdue);
        }
        if (paidInTime(month, paidOn, dueDate, backPaymentMonths)) {
            return new Answer(ProtectionStatus.PROTECTED, paidThrough, current.payer());
        }
        // consecutive billed months in arrears on the date: only months already past their due date count
        int unpaid = 0;
        YearMonth first = YearMonth.from(start);
        for (YearMonth m = month; !m.isBefore(first); m = m.minusMonths(1)) {
            if (paidInTime(m, paidOn, dueDate, backPaymentMonths)) {
                break;
            }
            if (inArrears(m, billed, Map.of(), dueDate, date)) {
                unpaid++;
            }
        }
        if (unpaid > lapseMonths) {
            return new Answer(ProtectionStatus.ENDED, paidThrough, current.payer());
        }
        return new Answer(unpaid == 0 ? ProtectionStatus.IN_GRACE : ProtectionStatus.LAPSED, paidThrough, current.payer());
    }

    /** Billed, unpaid and past its due date on {@code date}. */
    private static boolean inArrears(YearMonth m, Set<YearMonth> billed, Map<YearMonth, LocalDate> paidOn,
                                     Function<YearMonth, LocalDate> dueDate, LocalDate date) {
        return billed.contains(m) && !paidOn.containsKey(m) && date.isAfter(dueDate.apply(m));
    }

    private static boolean paidInTime(YearMonth m, Map<YearMonth, LocalDate> paidOn, Function<YearMonth, LocalDate> dueDate,
                                      int graceMonths) {
        LocalDate paid = paidOn.get(m);
        return paid != null && !paid.isAfter(dueDate.apply(m).plusMonths(graceMonths));
    }
}
