package id.lindung.budget.web;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.budget.BudgetPlans;
import id.lindung.budget.PlanRequest;
import id.lindung.platform.InvalidInputException;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Editing a DRAFT plan from the editor: the module costs the new input as it would create it ({@link BudgetPlans#preview},
 * the same rules and projection), and the draft's snapshot and cohorts are replaced by it, audited with the figures
 * before and after. A FINAL plan keeps the figures it was approved with: editing it is refused (409 PLAN_NOT_DRAFT).
 * (BudgetPlans has no update yet; this belongs there once it has.)
 */
@Component
class PlanDrafts {

    private final JdbcClient jdbc;
    private final BudgetPlans plans;
    private final AuditLog audit;
    private final JsonMapper json;

    PlanDrafts(JdbcClient jdbc, BudgetPlans plans, AuditLog audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.audit = audit;
        this.json = json;
    }

    static void requireWriter(Actor actor) {
        if (actor.role() == null || !actor.role().canChangeData()) {
            throw new AccessDeniedException("Role " + actor.role() + " may not change budget plans");
        }
    }

    /** The draft {@code id} in the caller's scope (404 otherwise), refused when it is FINAL. */
    Map<String, Object> draft(long id, Actor actor) {
        requireWriter(actor);
        Map<String, Object> plan = plans.get(id, actor);
        if (!"DRAFT".equals(plan.get("status"))) {
            throw InvalidInputException.conflict("status", "PLAN_FINAL", "Plan " + id + " is FINAL: its figures are the approved budget");
        }
        return plan;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    void update(long id, PlanRequest request, Actor actor) {
        Map<String, Object> before = draft(id, actor);
        if (before.get("namedList") != null) {
            // the module costs a named list only with the plan it belongs to (NamedLists); the preview here would leave it out
            throw InvalidInputException.conflict("namedList", "NAMED_LIST_PRESENT",
                    "Remove the plan's named list, edit the plan, then upload the list again");
        }
        Map<String, Object> view = plans.preview(request, actor);
        long payerId = jdbc.sql("select id from registry_payer where code = ?").param(view.get("payer")).query(Long.class).single();
        int changed = jdbc.sql("""
                update budget_plan set payer_id = :payer, payer_code = :code, payer_kind = :kind, region_code = :region, year = :year,
                       reference_date = :ref, start_month = :start, name = :name, total = :total, people = :people,
                       regulation_version = :version, result = cast(:result as jsonb), updated_at = now()
                where id = :id and status = 'DRAFT'""")
                .param("payer", payerId).param("code", view.get("payer")).param("kind", view.get("payerKind"))
                .param("region", view.get("regionCode")).param("year", view.get("year"))
                .param("ref", Date.valueOf(LocalDate.parse((String) view.get("referenceDate"))))
                .param("start", Date.valueOf(YearMonth.parse((String) view.get("startMonth")).atDay(1)))
                .param("name", view.get("name")).param("total", new BigDecimal(view.get("total").toString()))
                .param("people", ((Number) view.get("people")).longValue()).param("version", view.get("regulationVersion"))
                .param("result", json.writeValueAsString(view)).param("id", id).update();
        if (changed != 1) {
            throw InvalidInputException.conflict("status", "PLAN_FINAL", "Plan " + id + " was marked FINAL meanwhile");
        }
        jdbc.sql("delete from budget_cohort where plan_id = ?").param(id).update();
        int position = 0;
        for (Map<String, Object> k : (List<Map<String, Object>>) view.get("cohorts")) {
            jdbc.sql("""
                    insert into budget_cohort (plan_id, position, category, segment, head_count, wage, programs, month_from, budget_line,
                                               joiners, leavers)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, position++, k.get("category"), k.get("segment"), ((Number) k.get("count")).intValue(),
                            new BigDecimal(k.get("wage").toString()), ((List<String>) k.get("programs")).toArray(String[]::new),
                            Date.valueOf(YearMonth.parse((String) k.get("monthFrom")).atDay(1)), k.get("budgetLine"),
                            number(k.get("joiners")), number(k.get("leavers")))
                    .update();
        }
        audit.record("UPDATE", "budget_plan", Long.toString(id), (String) view.get("regionCode"), figures(before), figures(view));
    }

    private static int number(Object o) {
        return o == null ? 0 : ((Number) o).intValue();
    }

    private static Map<String, Object> figures(Map<String, Object> plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("payer", plan.get("payer"));
        m.put("year", plan.get("year"));
        m.put("total", plan.get("total"));
        m.put("people", plan.get("people"));
        m.put("cohorts", ((List<?>) plan.get("cohorts")).size());
        return m;
    }
}
