package id.lindung.claim;

import id.lindung.shared.Rupiah;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * PP 44/2015 Pasal 37 ayat 2-3 (RULES.md 4.2a): a JKK benefit is due {@code workingDays} working days after the file is
 * complete, and BPJS owes {@code latePercentPerDay}% of the benefit for each day after that until it is paid. Working
 * days are Monday to Friday (public holidays are not in the data: the clock may run a day or two early around them).
 * Days late are calendar days after the due date. The compensation is rounded half-up to whole rupiah.
 */
record JkkPaymentClock(int workingDays, int latePercentPerDay) {

    ClaimCase.JkkClock on(LocalDate fileCompleteOn, LocalDate paidOn, Rupiah total, LocalDate today) {
        if (fileCompleteOn == null) {
            return new ClaimCase.JkkClock(null, null, workingDays, latePercentPerDay + "%", paidOn, 0, Rupiah.ZERO);
        }
        LocalDate due = addWorkingDays(fileCompleteOn, workingDays);
        LocalDate until = paidOn != null ? paidOn : today;
        long late = Math.max(0, ChronoUnit.DAYS.between(due, until));
        Rupiah compensation = total.scaleToRupiah(late * latePercentPerDay, 100, RoundingMode.HALF_UP);
        return new ClaimCase.JkkClock(fileCompleteOn, due, workingDays, latePercentPerDay + "%", paidOn, late, compensation);
    }

    static LocalDate addWorkingDays(LocalDate from, int days) {
        LocalDate d = from;
        int added = 0;
        while (added < days) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return d;
    }
}
