package id.lindung.contribution;

import static id.lindung.contribution.ContributionSchedule.SHARE_ROUNDING;

import id.lindung.shared.Rate;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * When one contribution month's contribution falls due and what paying it late costs, per segment; how long a BPU
 * membership survives unpaid months, how far back it may pay, and how a partial month is billed.
 */
final class PaymentTerms {

    private final YearMonth month;
    private final Rate puFineRate;
    private final Rate bpuFineRate;
    private final int puDueMonthsAfter;
    private final int puDueDay;
    private final int bpuDueMonthsAfter;
    private final int bpuDueDay;
    private final String nonWorkingDayRule;
    private final int bpuLapseUnpaidMonths;
    private final int bpuBackPaymentMonths;
    private final String partialMonthRule;

    /** Reads the fines, the due dates, the BPU lapse and back payment and the partial month, in this order (see {@link ValuesInForce}). */
    PaymentTerms(ValuesInForce values, YearMonth month) {
        this.month = month;
        puFineRate = values.rate("pu.fine.monthlyRate");
        bpuFineRate = values.rate("bpu.fine.monthlyRate");
        puDueMonthsAfter = values.value("pu.due.monthsAfter").whole();
        puDueDay = values.value("pu.due.day").whole();
        bpuDueMonthsAfter = values.value("bpu.due.monthsAfter").whole();
        bpuDueDay = values.value("bpu.due.day").whole();
        nonWorkingDayRule = values.value("due.nonWorkingDay").code();
        bpuLapseUnpaidMonths = values.value("bpu.lapse.unpaidMonths").whole();
        bpuBackPaymentMonths = values.value("bpu.backPayment.maxMonths").whole();
        partialMonthRule = values.value("billing.partialMonth").code();
    }

    Rate fineRate(Segment segment) {
        return segment == Segment.PU ? puFineRate : bpuFineRate;
    }

    Rupiah fine(Segment segment, Rupiah unpaid, int monthsLate) {
        return fineRate(segment).applyTo(unpaid.times(monthsLate), SHARE_ROUNDING);
    }

    LocalDate dueDate(Segment segment) {
        YearMonth dueMonth = month.plusMonths(segment == Segment.PU ? puDueMonthsAfter : bpuDueMonthsAfter);
        int day = Math.min(segment == Segment.PU ? puDueDay : bpuDueDay, dueMonth.lengthOfMonth());
        LocalDate due = dueMonth.atDay(day);
        if (nonWorkingDayRule.equals("NEXT_WORKING_DAY")) {
            while (due.getDayOfWeek() == DayOfWeek.SATURDAY || due.getDayOfWeek() == DayOfWeek.SUNDAY) {
                due = due.plusDays(1);
            }
        }
        return due;
    }

    int bpuLapseUnpaidMonths() {
        return bpuLapseUnpaidMonths;
    }

    int bpuBackPaymentMonths() {
        return bpuBackPaymentMonths;
    }

    String partialMonthRule() {
        return partialMonthRule;
    }
}
