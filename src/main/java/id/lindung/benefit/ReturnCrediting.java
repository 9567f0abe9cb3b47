package id.lindung.benefit;

import id.lindung.regulation.DatedValue;
import id.lindung.regulation.Reference;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Rupiah;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/** The returns credited on a balance of contributions (a JHT balance, a JP lump sum) by the regulation's method. */
final class ReturnCrediting {

    private static final RoundingMode ROUNDING = BenefitCalculator.ROUNDING;

    private final RegulationCatalog catalog;

    ReturnCrediting(RegulationCatalog catalog) {
        this.catalog = catalog;
    }

    /** A contribution credited to a balance from {@code month}, the month after its contribution month. */
    record Credit(YearMonth month, Rupiah amount) {}

    /**
     * The returns on {@code credits} (oldest first) up to the payout month of {@code date}, by the crediting method
     * {@code creditingId} (YEARLY_PRO_RATA_BY_MONTH: each credit earns the year's rate {@code rateId} pro rata by whole
     * months from its month, the year's opening balance all year, compounded at each year end and, in the payout year,
     * up to the payout month). Each year's return is rounded half-up to whole rupiah; the values used go to {@code refs}.
     */
    Rupiah returns(List<Credit> credits, LocalDate date, String rateId, String creditingId, Set<Reference> refs) {
        DatedValue crediting = catalog.valueOn(creditingId, date);
        if (!crediting.code().equals("YEARLY_PRO_RATA_BY_MONTH")) {
            throw new IllegalStateException(creditingId + " " + crediting.code() + " is not YEARLY_PRO_RATA_BY_MONTH");
        }
        refs.add(crediting.reference());
        if (credits.isEmpty()) {
            return Rupiah.ZERO;
        }
        YearMonth payoutMonth = YearMonth.from(date);
        Rupiah balance = Rupiah.ZERO;
        Rupiah returns = Rupiah.ZERO;
        for (int year = credits.get(0).month().getYear(); year <= payoutMonth.getYear(); year++) {
            YearMonth yearStart = YearMonth.of(year, 1);
            YearMonth yearEnd = year == payoutMonth.getYear() ? payoutMonth : YearMonth.of(year + 1, 1);
            var rate = catalog.valueOn(rateId, LocalDate.of(year, 12, 31));
            refs.add(rate.reference());
            Rupiah weighted = balance.times(yearStart.until(yearEnd, ChronoUnit.MONTHS));
            for (Credit credit : credits) {
                YearMonth creditMonth = credit.month();
                if (creditMonth.getYear() == year && creditMonth.isBefore(yearEnd.plusMonths(year == payoutMonth.getYear() ? 1 : 0))) {
                    weighted = weighted.plus(credit.amount().times(creditMonth.until(yearEnd, ChronoUnit.MONTHS)));
                    balance = balance.plus(credit.amount());
                }
            }
            Rupiah yearReturn = rate.rate().applyToSen(weighted, ROUNDING).scaleToRupiah(1, 12, ROUNDING);
            balance = balance.plus(yearReturn);
            returns = returns.plus(yearReturn);
        }
        return returns;
    }
}
