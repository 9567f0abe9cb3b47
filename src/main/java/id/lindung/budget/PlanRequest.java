package id.lindung.budget;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import id.lindung.platform.TextRules;
import java.math.BigDecimal;
import java.util.List;

/**
 * A new plan as the API, the pages and the CLI give it, values still as sent (the rules in {@link PlanRules} read them).
 *
 * @param referenceDate the day whose memberships the plan starts from (YYYY-MM-DD); default: today for this year and
 *                      later years, 31 December for a past year
 */
public record PlanRequest(String payer, Integer year, String referenceDate, List<CohortInput> cohorts, String name) {

    /**
     * A planned cohort: {@code count} people of a category and segment at a wage (PU) or declared income (BPU), holding
     * {@code programs} from {@code monthFrom} (YYYY-MM or the month number of the plan's year).
     *
     * @param budgetLine where the budget writes it (an APBD's paying agency); default from the category
     * @param joiners    people who join the cohort every month after {@code monthFrom} (default 0)
     * @param leavers    people who leave it every month after {@code monthFrom} (default 0; the count never goes below 0)
     */
    // the plan shows each cohort's people over the year and the default its wage is; a plan sent back keeps them, read-only
    @JsonIgnoreProperties({"people", "wageDefault"})
    public record CohortInput(String category, String segment, Long count, BigDecimal wage, List<String> programs,
                              String monthFrom, String budgetLine, Long joiners, Long leavers) {

        /** A cohort without joiners and leavers. */
        public CohortInput(String category, String segment, Long count, BigDecimal wage, List<String> programs,
                           String monthFrom, String budgetLine) {
            this(category, segment, count, wage, programs, monthFrom, budgetLine, null, null);
        }
    }

    /** The name is kept as every line of text is (TextRules: its runs of spaces joined, zero-width characters removed). */
    public PlanRequest {
        cohorts = cohorts == null ? List.of() : cohorts;
        name = TextRules.normalise(name, TextRules.Kind.LINE);
        // a name of zero-width characters only is no name, as a blank one
        name = name == null || name.isEmpty() ? null : name;
    }
}
