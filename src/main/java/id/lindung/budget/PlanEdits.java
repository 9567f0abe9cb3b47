package id.lindung.budget;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.regulation.RegulationCatalog;
import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editing a DRAFT plan (docs/budget.md, "Editing a draft"): the API and the editor page change a draft through here only.
 * The new input is checked and costed as a new plan would be, <em>together with the plan's named list</em> when it has
 * one: a village that uploaded its list and then changes a cohort's count or its joiners expects the list to stay, so it
 * is kept unless the caller asks to remove it ({@link ListChoice#REMOVE}). A list that no longer fits the new payer or
 * year (another village's people, a start after the year) is refused with the upload's own codes, each with its line,
 * and nothing changes: the caller keeps the payer and year, or removes the list. A FINAL plan keeps its figures (409).
 */
@Service
public class PlanEdits {

    /** What happens to a draft's named list when the draft is edited. */
    public enum ListChoice {
        /** The list stays and is costed with the new input (the default). */
        KEEP,
        /** The list is removed with the edit. */
        REMOVE;

        /** The choice as sent ({@code null} or blank: KEEP); another word is refused (400 UNKNOWN_LIST_CHOICE). */
        public static ListChoice of(String text) {
            if (text == null || text.isBlank()) {
                return KEEP;
            }
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("namedList", "UNKNOWN_LIST_CHOICE",
                        "namedList is KEEP (the default) or REMOVE, got '" + InputProblem.shown(text) + "'");
            }
        }
    }

    private final JdbcClient jdbc;
    private final BudgetPlans plans;
    private final PlanCosting costing;
    private final PlanViews views;
    private final NamedLists lists;
    private final RegulationCatalog catalog;
    private final AuditLog audit;

    PlanEdits(JdbcClient jdbc, BudgetPlans plans, PlanCosting costing, PlanViews views, NamedLists lists,
              RegulationCatalog catalog, AuditLog audit) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.costing = costing;
        this.views = views;
        this.lists = lists;
        this.catalog = catalog;
        this.audit = audit;
    }

    /** The draft {@code id} in the caller's scope (404 otherwise); a FINAL plan: 409 PLAN_FINAL. */
    public Map<String, Object> draft(long id, Actor actor) {
        BudgetPlans.requireWriter(actor);
        Map<String, Object> plan = plans.get(id, actor);
        if (!"DRAFT".equals(plan.get("status"))) {
            throw InvalidInputException.conflict("status", "PLAN_FINAL", "Plan " + id + " is FINAL: its figures are the approved "
                    + "budget; create another scenario to change them");
        }
        return plan;
    }

    /** The draft as the edit would store it, not stored (the editor's live totals): its list kept or not. */
    public Map<String, Object> preview(long id, PlanRequest request, ListChoice choice, Actor actor) {
        Map<String, Object> before = draft(id, actor);
        return views.view(null, "DRAFT", request.name(), costed(id, before, request, choice, actor));
    }

    /**
     * Replaces the draft's input (payer, year, reference date, name, cohorts) and its figures, keeping or removing its
     * named list; audited ({@code UPDATE}, the figures before and after). The answer is the plan as {@link BudgetPlans#get}
     * returns it. Bad input: every problem's code, nothing changed.
     */
    @Transactional
    public Map<String, Object> update(long id, PlanRequest request, ListChoice choice, Actor actor) {
        draft(id, actor);
        // The plan's row stays locked until the edit commits, and the draft is read after the lock, as an enrolment, a
        // prioritisation and a named list's change take it: an enrolment under way is counted (PLAN_HAS_ENROLMENTS, where
        // the payer changed after it), and a list uploaded meanwhile is costed, not written over with the old list's figures
        jdbc.sql("select id from budget_plan where id = ? for update").param(id).query(Long.class).single();
        Map<String, Object> before = draft(id, actor);
        PlanCosting.Costed c = costed(id, before, request, choice, actor);
        boolean payerOrYear = !c.payer().code().equals(before.get("payer"))
                || c.year() != ((Number) before.get("year")).intValue();
        if (payerOrYear) {
            long enrolled = jdbc.sql("select count(*) from budget_enrolment where plan_id = ?").param(id).query(Long.class).single();
            if (enrolled > 0) {
                throw InvalidInputException.conflict("payer", "PLAN_HAS_ENROLMENTS", enrolled + " people were enrolled with "
                        + before.get("payer") + " from this plan: its payer and year stay; create another plan for another payer or year");
            }
        }
        String name = PlanViews.blankToNull(request.name());
        Map<String, Object> view = views.view(id, "DRAFT", name, c);
        int changed = jdbc.sql("""
                update budget_plan set payer_id = :payer, payer_code = :code, payer_kind = :kind, region_code = :region, year = :year,
                       reference_date = :ref, start_month = :start, name = :name, total = :total, people = :people,
                       regulation_version = :version, result = cast(:result as jsonb), updated_at = now()
                where id = :id and status = 'DRAFT'""")
                .param("payer", c.payer().id()).param("code", c.payer().code()).param("kind", c.payer().kind())
                .param("region", c.payer().regionCode()).param("year", c.year()).param("ref", Date.valueOf(c.referenceDate()))
                .param("start", Date.valueOf(c.startMonth().atDay(1))).param("name", name)
                .param("total", c.result().total().toBigDecimal()).param("people", c.people())
                .param("version", catalog.version()).param("result", views.write(view)).param("id", id).update();
        if (changed != 1) {
            throw InvalidInputException.conflict("status", "PLAN_FINAL", "Plan " + id + " was marked FINAL meanwhile");
        }
        jdbc.sql("delete from budget_cohort where plan_id = ?").param(id).update();
        plans.insertCohorts(id, c.cohorts());
        boolean hadList = before.get("namedList") != null;
        if (hadList && choice == ListChoice.REMOVE) {
            lists.drop(id);
        }
        if (payerOrYear) {
            // the last prioritisation chose among another payer's candidates or for another start month: enrolling it
            // under the new payer would enrol the wrong people, so it is dropped (enrolments are refused above)
            jdbc.sql("delete from budget_choice where plan_id = ?").param(id).update();
            jdbc.sql("delete from budget_list_choice where plan_id = ?").param(id).update();
            jdbc.sql("delete from budget_priority where plan_id = ?").param(id).update();
        }
        Map<String, Object> after = figures(view);
        after.put("namedList", hadList ? choice.name() : null);
        audit.record("UPDATE", "budget_plan", Long.toString(id), c.payer().regionCode(), figures(before), after);
        return plans.get(id, actor);
    }

    /** The new input costed with the draft's list (when kept); a list that no longer fits refuses the edit. */
    private PlanCosting.Costed costed(long id, Map<String, Object> before, PlanRequest request, ListChoice choice, Actor actor) {
        PlanCosting.NamedList list = choice == ListChoice.KEEP && before.get("namedList") != null
                ? lists.stored(id, actor.scope()) : null;
        if (list != null && list.people().size() < lists.storedCount(id)) {
            // costing the part the caller sees would silently drop the rest of the list from the plan's figures
            throw InvalidInputException.conflict("namedList", "NAMED_LIST_OUTSIDE_SCOPE", "The plan's named list holds people "
                    + "outside your area: someone whose area covers them edits this plan, or remove the list (namedList: REMOVE)");
        }
        PlanCosting.Costed c = costing.cost(request, actor, list);
        if (list != null) {
            List<InputProblem> misfits = NamedLists.misfits(list.people(), c.payer().kind(), c.payer().regionCode(), c.year());
            if (!misfits.isEmpty()) {
                List<InputProblem> problems = new ArrayList<>();
                // the file's name and the payer's code quoted, so each is always one value of the sentence: unquoted, a
                // name holding a digit (daftar2.csv) was read as a value and the Indonesian sentence put it where the payer
                // goes, and an employer's or donor's code with spaces (EMPLOYER:64.02:CV MAJU JAYA) fell into pieces
                problems.add(InputProblem.of("namedList", "NAMED_LIST_DOES_NOT_FIT", misfits.size() + " people of the named list '"
                        + list.fileName() + "' do not fit payer '" + c.payer().code() + "' in " + c.year()
                        + ": keep the payer and year, or remove the list (namedList: REMOVE)"));
                problems.addAll(NamedLists.shown(misfits));
                throw InvalidInputException.refused(problems);
            }
        }
        return c;
    }

    private static Map<String, Object> figures(Map<String, Object> plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("payer", plan.get("payer"));
        m.put("year", plan.get("year"));
        m.put("referenceDate", plan.get("referenceDate"));
        m.put("total", plan.get("total"));
        m.put("people", plan.get("people"));
        m.put("cohorts", plan.get("cohorts") instanceof List<?> l ? l.size() : 0);
        return m;
    }
}
