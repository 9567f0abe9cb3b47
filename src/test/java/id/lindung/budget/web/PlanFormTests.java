package id.lindung.budget.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The editor's form of a stored draft: a cohort's wage that was its category's default stays empty, so saving the edit
 * defaults it again (and the plan keeps naming it when it is unverified) instead of turning it into a typed wage.
 */
class PlanFormTests {

    private static Map<String, Object> cohort(String category, String wage, String wageDefault) {
        Map<String, Object> c = new HashMap<>();
        c.put("category", category);
        c.put("segment", "PU");
        c.put("count", 6);
        c.put("wage", wage);
        c.put("wageDefault", wageDefault);
        c.put("programs", List.of("JKK", "JKM"));
        c.put("monthFrom", "2025-04");
        c.put("joiners", 0);
        c.put("leavers", 0);
        return c;
    }

    @Test
    void aDefaultedWageIsLeftEmptyInTheEditorAndATypedWageIsShownAsTyped() {
        Map<String, Object> plan = new HashMap<>();
        plan.put("payer", "APBDES:63.09.01.2002");
        plan.put("year", 2025);
        plan.put("cohorts", List.of(cohort("RT_RW", "1000000", "village.defaultWage.otherApparatus"),
                cohort("KADER", "1250000.00", null)));
        PlanForm form = PlanForm.ofPlan(plan);
        assertThat(form.rows()).extracting(PlanForm.Row::wage).containsExactly("", "1250000");
    }
}
