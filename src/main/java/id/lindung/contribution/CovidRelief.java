package id.lindung.contribution;

import id.lindung.contribution.ContributionSchedule.JpRepayment;
import id.lindung.shared.Rate;
import id.lindung.shared.Segment;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The PP 49/2020 relief as it stands in one contribution month (covid-relief.yaml): whether the month is a relief
 * month, to whom the relief applies, when the JP it defers falls due, and the deferred-JP instalment a repayment
 * month bills.
 */
final class CovidRelief {

    private final YearMonth month;
    private final Rate reliefPayable;
    private final Rate jpDeferred;
    private final LocalDate reliefPaidThrough;
    private final LocalDate reliefNewParticipantAfter;
    private final int reliefNewParticipantFullMonths;
    private final LocalDate jpDeferredDueFrom;
    private final LocalDate jpDeferredDueUntil;
    private final JpRepayment jpRepayment;
    private LocalDate[] repaymentWindow;

    /** Reads the relief's conditions, its deadlines and the month's repayment, in this order (see {@link ValuesInForce}). */
    CovidRelief(ValuesInForce values, YearMonth month, Rate reliefPayable, Rate jpDeferred) {
        this.month = month;
        this.reliefPayable = reliefPayable;
        this.jpDeferred = jpDeferred;
        reliefPaidThrough = values.optionalDate("relief.condition.paidThrough");
        reliefNewParticipantAfter = values.optionalDate("relief.condition.newParticipantAfter");
        reliefNewParticipantFullMonths = values.find("relief.condition.newParticipantFullMonths")
                .map(v -> values.value(v.parameter()).whole()).orElse(0);
        jpDeferredDueFrom = values.optionalDate("relief.jp.deferredDueFrom");
        jpDeferredDueUntil = values.optionalDate("relief.jp.deferredDueUntil");
        jpRepayment = repayment(values);
    }

    /**
     * The deferred-JP instalment billed with this month, or null: only the repayment months have one. Its PU due
     * date must lie in the settlement window the relief months name, else the data contradict themselves.
     */
    private JpRepayment repayment(ValuesInForce values) {
        LocalDate first = values.optionalDate("relief.jp.repayment.firstMonth");
        if (first == null) {
            return null;
        }
        YearMonth from = YearMonth.from(values.value("relief.jp.repayment.deferredMonthsFrom").date());
        YearMonth until = YearMonth.from(values.value("relief.jp.repayment.deferredMonthsUntil").date());
        int instalments = values.value("relief.jp.repayment.instalments").whole();
        int instalment = (int) YearMonth.from(first).until(month, java.time.temporal.ChronoUnit.MONTHS) + 1;
        if (instalment < 1 || instalment > instalments) {
            throw new IllegalStateException("relief.jp.repayment: " + month + " is instalment " + instalment + " of " + instalments);
        }
        LocalDate windowFrom = values.valueOn("relief.jp.deferredDueFrom", from.atDay(1)).date();
        LocalDate windowUntil = values.valueOn("relief.jp.deferredDueUntil", from.atDay(1)).date();
        // the due date is computed later (it needs the payment parameters): remember the window to check it then
        repaymentWindow = new LocalDate[] {windowFrom, windowUntil};
        return new JpRepayment(from, until, instalment, instalments);
    }

    /** Refuses a repayment month whose PU bill falls due outside the settlement window. */
    void requireRepaymentDueInWindow(PaymentTerms terms) {
        if (repaymentWindow != null) {
            LocalDate due = terms.dueDate(Segment.PU);
            if (due.isBefore(repaymentWindow[0]) || due.isAfter(repaymentWindow[1])) {
                throw new IllegalStateException("relief.jp.repayment: the bill of " + month + " is due " + due
                        + ", outside the settlement window " + repaymentWindow[0] + " to " + repaymentWindow[1]);
            }
        }
    }

    boolean reliefApplies(LocalDate registered, YearMonth paidThrough) {
        if (!inRelief()) {
            return false;
        }
        if (registered != null && reliefNewParticipantAfter != null && registered.isAfter(reliefNewParticipantAfter)) {
            return !month.isBefore(YearMonth.from(registered).plusMonths(reliefNewParticipantFullMonths));
        }
        return paidThrough == null || reliefPaidThrough == null || !paidThrough.isBefore(YearMonth.from(reliefPaidThrough));
    }

    LocalDate reliefPaidThroughCondition() {
        return reliefPaidThrough;
    }

    Rate jkkJkmPayableShare() {
        return reliefPayable;
    }

    boolean inRelief() {
        return !reliefPayable.equals(Rate.WHOLE) || !jpDeferred.isZero();
    }

    LocalDate jpDeferredDueFrom() {
        return jpDeferredDueFrom;
    }

    LocalDate jpDeferredDueUntil() {
        return jpDeferredDueUntil;
    }

    JpRepayment jpRepayment() {
        return jpRepayment;
    }
}
