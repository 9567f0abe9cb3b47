package id.lindung.budget;

import id.lindung.regulation.DatedValue;
import id.lindung.shared.Programme;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.time.YearMonth;
import java.util.Set;

/**
 * A planned cohort, checked: {@code count} people of {@code category} at {@code wage} from {@code monthFrom}, then each
 * following month {@code joiners} more and {@code leavers} fewer (never below none).
 *
 * @param wageDefault the regulation value the wage defaulted to (the category's default wage in force in
 *                    {@code monthFrom}); null for a wage the cohort gave
 */
public record Cohort(String category, Segment segment, int count, Rupiah wage, Set<Programme> programs, YearMonth monthFrom,
                     String budgetLine, int joiners, int leavers, DatedValue wageDefault) {
    public Cohort {
        programs = Set.copyOf(programs);
    }

    /** A cohort at a wage it gave. */
    public Cohort(String category, Segment segment, int count, Rupiah wage, Set<Programme> programs, YearMonth monthFrom,
                  String budgetLine, int joiners, int leavers) {
        this(category, segment, count, wage, programs, monthFrom, budgetLine, joiners, leavers, null);
    }

    /** A cohort of the same people all year (no joiners, no leavers) at a wage it gave. */
    public Cohort(String category, Segment segment, int count, Rupiah wage, Set<Programme> programs, YearMonth monthFrom,
                  String budgetLine) {
        this(category, segment, count, wage, programs, monthFrom, budgetLine, 0, 0);
    }

    /** Whether the head count changes in the year. */
    public boolean flows() {
        return joiners != 0 || leavers != 0;
    }

    /** The head count in {@code month}: none before {@code monthFrom}, then the count moved by joiners and leavers. */
    public long countIn(YearMonth month) {
        if (month.isBefore(monthFrom)) {
            return 0;
        }
        long count = this.count;
        for (YearMonth m = monthFrom.plusMonths(1); !m.isAfter(month); m = m.plusMonths(1)) {
            count = Math.max(0, count + joiners - leavers);
        }
        return count;
    }

    /** Everyone the cohort covers at some time in the year: the first count and every joiner up to December. */
    public long people() {
        long monthsAfter = 12 - monthFrom.getMonthValue();
        return count + (long) joiners * monthsAfter;
    }
}
