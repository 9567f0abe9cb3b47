package id.lindung.budget;

import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Rupiah;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a costed plan assumes, each with a stable code, its arguments and an English text (docs/budget.md): the people on
 * the reference date, whole months, the cohorts, the named list, the projected parameters and the regulation version.
 * Apart from {@link PlanCosting}, which counts the people and costs them, because this only says how the cost was made.
 */
final class PlanAssumptions {

    private PlanAssumptions() {
    }

    /** The assumptions of a plan of {@code year}, costed on {@code today}, in the order a plan shows them. */
    static List<Map<String, Object>> of(RegulationCatalog catalog, int year, LocalDate today, LocalDate reference, int people,
                                        List<Cohort> cohorts, PlanCosting.ListCost listCost, PlanProjection.Result result,
                                        boolean riskMissing) {
        List<Map<String, Object>> assumptions = new ArrayList<>();
        assumptions.add(assumption("MEMBERS_ON_REFERENCE_DATE", "The people of the payer's memberships on {0} ({1} people), "
                + "each month billed as the registry dates their terms; open terms continue to December", reference, people));
        assumptions.add(assumption("WHOLE_MONTHS", "A month costs a whole month for every membership active on any day of it, "
                + "as billing does"));
        long cohortPeople = cohorts.stream().mapToLong(Cohort::people).sum();
        if (!cohorts.isEmpty()) {
            assumptions.add(assumption("COHORTS_PAID_BY_PAYER", "Planned cohorts ({0} people) are paid entirely by the payer, "
                    + "employer and worker shares, from their first month to December; JKK risk group very low (0.24%)", cohortPeople));
        }
        for (Cohort k : cohorts) {
            Rupiah usual = id.lindung.contribution.LowWage.usualMinimum(catalog, k.monthFrom().atDay(1));
            if (id.lindung.contribution.LowWage.isLow(k.segment(), k.wage(), usual)) {
                // RULES.md gives a PU wage no floor, so a cohort of Rp 100 is costed as typed, and said (LowWage)
                assumptions.add(assumption(id.lindung.contribution.LowWage.CODE, "{0}: the PU wage {1} is below {2}, less than "
                        + "anyone is usually reported at; check it is the monthly wage", k.category(), k.wage().toNumber(),
                        usual.toNumber()));
            }
            if (k.flows()) {
                assumptions.add(assumption("JOINERS_LEAVERS", "{0}: {1} people in {2}, then {3} join and {4} leave every month; "
                        + "{5} in December", k.category(), k.count(), k.monthFrom(), k.joiners(), k.leavers(),
                        k.countIn(YearMonth.of(year, 12))));
            }
        }
        if (listCost != null) {
            assumptions.add(assumption("NAMED_LIST", "The named list {0}: {1} people not registered by it, each costed at their "
                    + "own wage, segment and programmes from their start (January at the earliest) to December, paid entirely by "
                    + "the payer", listCost.fileName(), listCost.costed()));
            if (listCost.alreadyMembers() > 0) {
                assumptions.add(assumption("NAMED_LIST_MEMBERS", "{0} people of the named list already hold a membership the "
                        + "payer pays and are costed once, as registered", listCost.alreadyMembers()));
            }
        }
        assumptions.add(assumption("VILLAGE_RISK_GROUP", "Village government payrolls use JKK risk group very low"));
        for (PlanProjection.ProjectedValue v : result.projectedValues()) {
            assumptions.add(assumption("PROJECTED_PARAMETER", "{0} from {1} is projected at {2}: {3}", v.parameter(), v.from(),
                    v.value(), v.basis()));
        }
        if (riskMissing) {
            assumptions.add(assumption("NO_RISK_GROUP", "Wage-earner JKK memberships without a risk group are not costed, "
                    + "as billing does not bill them"));
        }
        if (year < today.getYear()) {
            assumptions.add(assumption("PAST_YEAR", "{0} is past: the plan is what the registry's terms billed", year));
        }
        assumptions.add(assumption("REGULATION", "Rates and caps of each month from the regulation data in force then "
                + "(version {0})", catalog.version()));
        return assumptions;
    }

    /** An assumption with a stable code, its arguments and an English text (pages show the bundle's text for the code). */
    static Map<String, Object> assumption(String code, String text, Object... args) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("code", code);
        List<String> values = new ArrayList<>();
        for (Object arg : args) {
            values.add(String.valueOf(arg));
        }
        a.put("args", values);
        a.put("text", java.text.MessageFormat.format(text.replace("'", "''"), values.toArray()));
        return a;
    }
}
