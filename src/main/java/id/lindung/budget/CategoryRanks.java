package id.lindung.budget;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.registry.WorkerCategories;
import id.lindung.registry.WorkerCategory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order of worker categories a payer sets for its prioritisations (docs/budget.md, "Ordering"): the default
 * ordering's second key, for example fishers and farmers before traders. A payer that has set none uses the registry's
 * category order; categories the payer did not list come after the listed ones, in the registry's order.
 */
@Service
public class CategoryRanks {

    /** Where a ranking comes from: the request itself, the payer's stored ranking, or the registry's order. */
    public enum Source { REQUEST, PAYER, DEFAULT }

    /**
     * @param categoryRank every category in rank order (the payer's first, then the rest in the registry's order)
     * @param setByPayer   the categories the payer ranked itself (empty when it set none)
     */
    public record Ranking(String payer, List<String> categoryRank, List<String> setByPayer, Source source) {}

    private final JdbcClient jdbc;
    private final PlanCosting costing;
    private final WorkerCategories categories;
    private final AuditLog audit;

    CategoryRanks(JdbcClient jdbc, PlanCosting costing, WorkerCategories categories, AuditLog audit) {
        this.jdbc = jdbc;
        this.costing = costing;
        this.categories = categories;
        this.audit = audit;
    }

    /** The payer's ranking; a payer outside the caller's area (or unknown) is not found. */
    public Ranking get(String payerCode, Actor actor) {
        BudgetPlans.PlanPayer payer = payer(payerCode, actor);
        return ranking(payer.code(), stored(payer.id()), null);
    }

    /**
     * Sets the payer's ranking (roles that change data), audited; an empty list returns the payer to the registry's
     * order. Unknown or repeated categories are refused with their position, and nothing is stored.
     */
    @Transactional
    public Ranking set(String payerCode, List<String> categoryRank, Actor actor) {
        BudgetPlans.requireWriter(actor);
        BudgetPlans.PlanPayer payer = payer(payerCode, actor);
        List<String> ranked = check(categoryRank);
        // two rankings of one payer at once: one after the other, as if sent in turn (both deleted, then both
        // inserted: a 500 on budget_category_rank's key). The payer's row is registry's, so a lock of our own
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('budget_category_rank:' || ?, 0))").param(payer.id())
                .query().singleRow();
        List<String> before = stored(payer.id());
        jdbc.sql("delete from budget_category_rank where payer_id = ?").param(payer.id()).update();
        if (!ranked.isEmpty()) {
            jdbc.sql("""
                    insert into budget_category_rank (payer_id, position, category, updated_by)
                    select :payer, r.position - 1, r.category, :by
                    from unnest(cast(:categories as text[])) with ordinality as r(category, position)""")
                    .param("payer", payer.id()).param("categories", ranked.toArray(String[]::new)).param("by", actor.username())
                    .update();
        }
        audit.record("UPDATE", "budget_category_rank", payer.code(), payer.regionCode(), Map.of("categoryRank", before),
                Map.of("categoryRank", ranked));
        return ranking(payer.code(), ranked, null);
    }

    /** The ranking a prioritisation of {@code payerId} uses: {@code requested} when given (checked), else the payer's. */
    Ranking forPrioritisation(long payerId, String payerCode, List<String> requested) {
        if (requested != null && !requested.isEmpty()) {
            return ranking(payerCode, List.of(), check(requested));
        }
        return ranking(payerCode, stored(payerId), null);
    }

    /** The most categories a ranking may list: far more than the registry has, so only an absurd list is refused. */
    static final int MAX_RANKED = 100;

    /**
     * The categories in order, each known and once; else the problems (422): CATEGORY_RANK_TOO_LONG past
     * {@link #MAX_RANKED} entries (nothing else looked at), each distinct unknown text once at its first position, each
     * repetition. The categories are read once for the whole list, not once per entry.
     */
    List<String> check(List<String> categoryRank) {
        List<String> given = categoryRank == null ? List.of() : categoryRank;
        if (given.size() > MAX_RANKED) {
            throw InvalidInputException.refused(List.of(InputProblem.of("categoryRank", "CATEGORY_RANK_TOO_LONG",
                    "A category ranking lists at most " + MAX_RANKED + " categories, not " + given.size())));
        }
        WorkerCategories.Snapshot cached = categories.snapshot();
        // a miss reloads the categories once (one added by another instance), never once per entry
        given.stream().filter(t -> t != null && !t.isBlank() && cached.find(t).isEmpty()).findFirst().ifPresent(categories::find);
        WorkerCategories.Snapshot current = categories.snapshot();
        List<InputProblem> problems = new ArrayList<>();
        List<String> ranked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> unknown = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String field = "categoryRank[" + i + "]";
            String text = given.get(i);
            Optional<WorkerCategory> category = text == null || text.isBlank() ? Optional.empty() : current.find(text);
            if (category.isEmpty()) {
                if (unknown.add(String.valueOf(text))) {
                    problems.add(InputProblem.of(field, "UNKNOWN_CATEGORY", "Unknown worker category '" + InputProblem.shown(text) + "'"));
                }
            } else if (!seen.add(category.get().code())) {
                problems.add(InputProblem.of(field, "DUPLICATE_CATEGORY", "Category " + category.get().code() + " is ranked twice"));
            } else {
                ranked.add(category.get().code());
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.refused(problems);
        }
        return ranked;
    }

    private Ranking ranking(String payerCode, List<String> byPayer, List<String> requested) {
        List<String> first = requested != null ? requested : byPayer;
        List<String> all = new ArrayList<>(first);
        for (WorkerCategory c : categories.all()) {
            if (!all.contains(c.code())) {
                all.add(c.code());
            }
        }
        Source source = requested != null ? Source.REQUEST : byPayer.isEmpty() ? Source.DEFAULT : Source.PAYER;
        return new Ranking(payerCode, List.copyOf(all), List.copyOf(byPayer), source);
    }

    private List<String> stored(long payerId) {
        return jdbc.sql("select category from budget_category_rank where payer_id = ? order by position").param(payerId)
                .query(String.class).list();
    }

    private BudgetPlans.PlanPayer payer(String code, Actor actor) {
        return costing.payerInScope(code, actor.scope());
    }

    /** The ranking as the API shows it. */
    public static Map<String, Object> view(Ranking r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("payer", r.payer());
        v.put("categoryRank", r.categoryRank());
        v.put("setByPayer", r.setByPayer());
        v.put("source", r.source().name());
        return v;
    }
}
