package id.lindung.budget;

import id.lindung.shared.Programme;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.time.YearMonth;
import java.util.Set;

/** A planned cohort, checked: {@code count} people of {@code category} at {@code wage} from {@code monthFrom}. */
public record Cohort(String category, Segment segment, int count, Rupiah wage, Set<Programme> programs, YearMonth monthFrom,
                     String budgetLine) {
    public Cohort {
        programs = Set.copyOf(programs);
    }
}
