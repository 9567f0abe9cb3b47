package id.lindung.claim;

import id.lindung.shared.Rupiah;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The months a programme's terms cover, with the wage of each, as billing bills them: a term bills every month from its
 * start month through the month of its last day, and a month covered by two terms takes the later one's wage. Used to
 * derive the JHT balance, the JP contribution months and average wage, and the JKP months when the request does not
 * give them.
 */
final class ContributionHistory {

    /** One term: validTo exclusive, null while open. */
    record Term(LocalDate validFrom, LocalDate validTo, Rupiah wage) {}

    record Month(YearMonth month, Rupiah wage) {}

    private ContributionHistory() {}

    /** Covered months from the first term's start month up to (not including) {@code before}, oldest first. */
    static List<Month> months(List<Term> terms, YearMonth before) {
        List<Month> months = new ArrayList<>();
        YearMonth first = terms.stream().map(t -> YearMonth.from(t.validFrom())).min(YearMonth::compareTo).orElse(null);
        if (first == null) {
            return months;
        }
        for (YearMonth m = first; m.isBefore(before); m = m.plusMonths(1)) {
            Rupiah wage = null;
            LocalDate latestStart = null;
            for (Term t : terms) {
                boolean covers = t.validFrom().isBefore(m.plusMonths(1).atDay(1))
                        && (t.validTo() == null || t.validTo().isAfter(m.atDay(1)));
                if (covers && (latestStart == null || t.validFrom().isAfter(latestStart)) && t.wage() != null) {
                    latestStart = t.validFrom();
                    wage = t.wage();
                }
            }
            if (wage != null) {
                months.add(new Month(m, wage));
            }
        }
        return months;
    }

    /** The average wage of the months, rounded half-up to whole rupiah; zero for none. */
    static Rupiah averageWage(List<Month> months) {
        if (months.isEmpty()) {
            return Rupiah.ZERO;
        }
        Rupiah sum = months.stream().map(Month::wage).reduce(Rupiah.ZERO, Rupiah::plus);
        return sum.scaleToRupiah(1, months.size(), RoundingMode.HALF_UP);
    }

    /** The longest run of consecutive months. */
    static int longestRun(List<Month> months) {
        int best = 0;
        int run = 0;
        YearMonth previous = null;
        for (Month m : months) {
            run = previous != null && previous.plusMonths(1).equals(m.month()) ? run + 1 : 1;
            best = Math.max(best, run);
            previous = m.month();
        }
        return best;
    }
}
