package id.lindung.budget;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.PersonalData;
import id.lindung.access.RegionScope;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.registry.BpuIncomeRange;
import id.lindung.registry.Workers;
import id.lindung.shared.Programme;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prioritising a plan's candidates under a fixed budget ({@link Prioritising}) and enrolling the chosen through the
 * registry's {@link Workers} ({@link Enrolment}): memberships with the plan's payer from its start month, once (a second
 * enrolment creates nothing), audited.
 */
@Service
public class Prioritisation {

    /** Candidates: the registered workers of the payer's area without a membership on the plan's start month. */
    public static final String UNPROTECTED_IN_AREA = "UNPROTECTED_IN_AREA";
    /** Candidates: the people of the plan's named list ({@link NamedLists}) not protected on its start month. */
    public static final String IMPORTED_LIST = "IMPORTED_LIST";

    /** The highest budget a prioritisation takes (Rp 1,000 trillion, above any APBD); compared before any arithmetic. */
    static final BigDecimal MAX_BUDGET = new BigDecimal("1e15");

    /** The candidates a prioritisation may take, as {@link Request#candidates} names them. */
    public enum Candidates { UNPROTECTED_IN_AREA, IMPORTED_LIST }

    private final JdbcClient jdbc;
    private final BudgetPlans plans;
    private final RegulationCatalog catalog;
    private final AreaWorkforce workforce;
    private final CategoryRanks ranks;
    private final PriorityCandidates candidates;
    private final Enrolment enrolment;
    private final BpuIncomeRange bpuIncome;
    private final PlanViews views;
    private final AuditLog audit;

    Prioritisation(JdbcClient jdbc, BudgetPlans plans, RegulationCatalog catalog, AreaWorkforce workforce, CategoryRanks ranks,
                   PriorityCandidates candidates, Enrolment enrolment, BpuIncomeRange bpuIncome, PlanViews views, AuditLog audit) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.catalog = catalog;
        this.workforce = workforce;
        this.ranks = ranks;
        this.candidates = candidates;
        this.enrolment = enrolment;
        this.bpuIncome = bpuIncome;
        this.views = views;
        this.audit = audit;
    }

    /**
     * @param order        criteria names (default P3KE_DECILE, CATEGORY, OLDEST); NIK always breaks ties last
     * @param categoryRank a category ranking for this request only (default: the payer's, {@link CategoryRanks})
     * @param candidates   UNPROTECTED_IN_AREA (default) or IMPORTED_LIST
     * @param wage         declared income of each registered candidate (default: the lowest BPU income in force); a named
     *                     list's people keep their own
     * @param programs     default JKK and JKM; a named list's people keep their own
     */
    public record Request(BigDecimal budget, List<String> order, List<String> categoryRank, String candidates, BigDecimal wage,
                          List<String> programs) {}

    /**
     * Ranks the candidates and covers them within the budget. Every role in scope may ask (read-only roles see NIKs
     * masked); the result is kept for {@link #enrol} only when the caller may change data.
     */
    @Transactional
    public Map<String, Object> prioritise(long planId, Request request, Actor actor) {
        Map<String, Object> plan = planToPrioritise(planId, actor);
        List<InputProblem> malformed = new ArrayList<>();
        Rupiah budget = null;
        if (request.budget() == null) {
            malformed.add(InputProblem.of("budget", "REQUIRED", "Give the budget in rupiah"));
        } else if (request.budget().scale() > 2 || request.budget().abs().compareTo(MAX_BUDGET) > 0) {
            malformed.add(InputProblem.of("budget", "INVALID_AMOUNT",
                    "The budget is rupiah with at most two decimals, at most 1,000,000,000,000,000"));
        } else {
            budget = Rupiah.of(request.budget());
        }
        List<Prioritising.Criterion> order = new ArrayList<>();
        if (request.order() == null || request.order().isEmpty()) {
            order.addAll(Prioritising.DEFAULT_ORDER);
        } else {
            for (String o : request.order()) {
                Prioritising.parseInto(o, order, malformed);
            }
        }
        Candidates source = Candidates.UNPROTECTED_IN_AREA;
        if (request.candidates() != null && !request.candidates().isBlank()) {
            try {
                source = Candidates.valueOf(request.candidates().trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                malformed.add(InputProblem.of("candidates", "UNKNOWN_CANDIDATES",
                        "candidates must be " + UNPROTECTED_IN_AREA + " or " + IMPORTED_LIST));
            }
        }
        Set<Programme> programs = EnumSet.noneOf(Programme.class);
        for (String p : request.programs() == null || request.programs().isEmpty() ? List.of("JKK", "JKM") : request.programs()) {
            try {
                programs.add(Programme.parse(p));
            } catch (IllegalArgumentException | NullPointerException e) {
                malformed.add(InputProblem.of("programs", "UNKNOWN_PROGRAMME", "Unknown programme '" + InputProblem.shown(p) + "'"));
            }
        }
        if (!malformed.isEmpty()) {
            throw new InvalidInputException(malformed);
        }
        List<InputProblem> refused = new ArrayList<>();
        if (!budget.isGreaterThan(Rupiah.ZERO)) {
            refused.add(InputProblem.of("budget", "BUDGET_NOT_POSITIVE", "A budget must be more than zero"));
        }
        if (programs.contains(Programme.JP) || programs.contains(Programme.JKP)) {
            refused.add(InputProblem.of("programs", "BPU_JP_NOT_AVAILABLE", "Candidates are covered as BPU: JP and JKP are not available"));
        } else if (!programs.contains(Programme.JKK) || !programs.contains(Programme.JKM)) {
            refused.add(InputProblem.of("programs", "BPU_MINIMUM_PACKAGE", "A BPU participant must take at least JKK and JKM"));
        }
        int year = ((Number) plan.get("year")).intValue();
        YearMonth start = YearMonth.parse((String) plan.get("startMonth"));
        Rupiah wage = request.wage() == null ? catalog.valueOn("bpu.income.min", start.atDay(1)).rupiah() : null;
        if (request.wage() != null) {
            wage = PlanRules.wage("wage", request.wage(), refused);
            if (wage != null) {
                PlanRules.bpuIncome("wage", wage, start, bpuIncome::range, refused);
            }
        }
        if (!refused.isEmpty()) {
            throw InvalidInputException.refused(refused);
        }
        String payerCode = (String) plan.get("payer");
        long payerId = jdbc.sql("select payer_id from budget_plan where id = ?").param(planId).query(Long.class).single();
        CategoryRanks.Ranking ranking = ranks.forPrioritisation(payerId, payerCode, request.categoryRank());
        if (source == Candidates.IMPORTED_LIST
                && jdbc.sql("select count(*) from budget_list where plan_id = ?").param(planId).query(Long.class).single() == 0) {
            throw InvalidInputException.conflict("candidates", "NO_NAMED_LIST",
                    "Plan " + planId + " has no named list: upload one first (POST /api/v1/budget-plans/" + planId + "/named-list)");
        }

        String region = (String) plan.get("regionCode");
        // every costing the answer's amounts come from: the unverified values they used are named with them
        List<PlanProjection.Result> costings = new ArrayList<>();
        PlanProjection.Result perPerson = candidates.costed(year, start, Segment.BPU, wage, null, programs);
        Rupiah cost = perPerson.total();
        if (source != Candidates.IMPORTED_LIST) {
            costings.add(perPerson);
        }
        List<Prioritising.Candidate> all = source == Candidates.IMPORTED_LIST
                ? candidates.fromList(planId, actor.scope(), year, start, costings)
                : candidates.unprotected(RegionScope.of(region), actor.scope(), year, start, plans.today(), programs, cost, costings);
        Prioritising.Outcome outcome = Prioritising.choose(all, order, ranking.categoryRank(), budget);

        if (actor.role() != null && actor.role().canChangeData()) {
            keep(planId, region, source, budget, order, ranking.categoryRank(), wage, programs, outcome, actor);
        }
        // the list's people are in the plan already: the chosen of a list replace them, not add to them
        long planned = ((Number) plan.get("people")).longValue()
                - (source == Candidates.IMPORTED_LIST && plan.get("listPeople") != null ? ((Number) plan.get("listPeople")).longValue() : 0);
        long covered = planned + outcome.chosen().size();
        Long potential = workforce.of(region).orElse(null);
        BigDecimal ratio = potential == null ? null
                : BigDecimal.valueOf(covered).divide(BigDecimal.valueOf(potential), 4, RoundingMode.HALF_UP);

        Map<String, Object> v = new LinkedHashMap<>();
        List<Map<String, Object>> chosen = new ArrayList<>();
        for (Prioritising.Chosen c : outcome.chosen()) {
            Map<String, Object> x = person(c.candidate(), c.rank(), actor);
            x.put("cost", c.candidate().cost().toNumber());
            chosen.add(x);
        }
        List<Map<String, Object>> left = new ArrayList<>();
        for (Prioritising.Left l : outcome.left()) {
            Map<String, Object> x = person(l.candidate(), l.rank(), actor);
            x.put("reason", l.reason());
            x.put("cost", l.candidate().cost().toNumber());
            left.add(x);
        }
        v.put("chosen", chosen);
        v.put("left", left);
        v.put("cost", outcome.cost().toNumber());
        v.put("coverageRatio", ratio);
        // a ratio is never shown without what it divides
        v.put("coveredPeople", covered);
        v.put("potentialWorkforce", potential);
        v.put("budget", budget.toNumber());
        v.put("exhaustedAtRank", outcome.exhaustedAtRank() == 0 ? null : outcome.exhaustedAtRank());
        v.put("costPerPerson", source == Candidates.IMPORTED_LIST ? null : cost.toNumber());
        v.put("startMonth", start.toString());
        v.put("order", Prioritising.names(order));
        v.put("categoryRank", ranking.categoryRank());
        v.put("categoryRankSource", ranking.source().name());
        v.put("candidates", source.name());
        v.put("decileKnown", all.stream().filter(c -> c.decile() != null).count());
        v.put("candidateCount", all.size());
        v.put("unverified", views.unverified(PlanProjection.merged(costings.stream().map(PlanProjection.Result::unverified).toList())));
        return v;
    }

    private static Map<String, Object> person(Prioritising.Candidate c, int rank, Actor actor) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("nik", PersonalData.nik(actor, c.nik()));
        x.put("rank", rank);
        x.put("name", c.name());
        x.put("category", c.category());
        x.put("decile", c.decile());
        x.put("registered", c.workerId() != 0);
        return x;
    }

    /**
     * The plan in the caller's scope (404 otherwise). An outcome that is kept ({@link #keep}) is chosen under the plan's row
     * lock, taken before the candidates are read and held to the end: a named list uploaded or removed, or an edit of the
     * plan, under way meanwhile is what it chooses from (NO_NAMED_LIST when the list is gone), not the list as it was.
     */
    private Map<String, Object> planToPrioritise(long planId, Actor actor) {
        Map<String, Object> plan = plans.get(planId, actor);
        if (actor.role() == null || !actor.role().canChangeData()) {
            return plan;
        }
        jdbc.sql("select id from budget_plan where id = ? for update").param(planId).query(Long.class).single();
        return plans.get(planId, actor);
    }

    /** Keeps the outcome as the plan's last prioritisation, for {@link #enrol}; audited. */
    private void keep(long planId, String region, Candidates source, Rupiah budget, List<Prioritising.Criterion> order,
                      List<String> categoryRank, Rupiah wage, Set<Programme> programs, Prioritising.Outcome outcome,
                      Actor actor) {
        // two prioritisations of one plan at once: the second waits and then replaces the first's outcome, as one after
        // the other would (both deleted, then both inserted: a 500 on budget_priority's key)
        jdbc.sql("select id from budget_plan where id = ? for update").param(planId).query(Long.class).single();
        jdbc.sql("delete from budget_choice where plan_id = ?").param(planId).update();
        jdbc.sql("delete from budget_list_choice where plan_id = ?").param(planId).update();
        jdbc.sql("delete from budget_priority where plan_id = ?").param(planId).update();
        jdbc.sql("""
                insert into budget_priority (plan_id, budget, ordering, category_rank, segment, wage, programs, cost, created_by,
                                             candidates)
                values (?, ?, ?, ?, 'BPU', ?, ?, ?, ?, ?)""")
                .params(planId, budget.toBigDecimal(), Prioritising.names(order).toArray(String[]::new), categoryRank.toArray(String[]::new),
                        wage.toBigDecimal(), programs.stream().map(Enum::name).sorted().toArray(String[]::new),
                        outcome.cost().toBigDecimal(), actor.username(), source.name())
                .update();
        List<Prioritising.Chosen> chosen = outcome.chosen();
        if (!chosen.isEmpty()) {
            String[] ranks = chosen.stream().map(c -> Integer.toString(c.rank())).toArray(String[]::new);
            String[] costs = chosen.stream().map(c -> c.candidate().cost().toBigDecimal().toPlainString()).toArray(String[]::new);
            if (source == Candidates.IMPORTED_LIST) {
                jdbc.sql("""
                        insert into budget_list_choice (plan_id, nik, rank, cost)
                        select :plan, r.nik, r.rank, r.cost
                        from unnest(cast(:niks as text[]), cast(:ranks as integer[]), cast(:costs as numeric[])) as r(nik, rank, cost)""")
                        .param("plan", planId).param("niks", chosen.stream().map(c -> c.candidate().nik()).toArray(String[]::new))
                        .param("ranks", ranks).param("costs", costs).update();
            } else {
                jdbc.sql("""
                        insert into budget_choice (plan_id, worker_id, rank, cost)
                        select :plan, r.worker_id, r.rank, r.cost
                        from unnest(cast(:workers as bigint[]), cast(:ranks as integer[]), cast(:costs as numeric[]))
                             as r(worker_id, rank, cost)""")
                        .param("plan", planId)
                        .param("workers", chosen.stream().map(c -> Long.toString(c.candidate().workerId())).toArray(String[]::new))
                        .param("ranks", ranks).param("costs", costs).update();
            }
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("budget", budget.toBigDecimal());
        after.put("order", Prioritising.names(order));
        after.put("candidates", source.name());
        after.put("chosen", chosen.size());
        after.put("cost", outcome.cost().toBigDecimal());
        audit.record("PRIORITISE", "budget_plan", Long.toString(planId), region, null, after);
    }

    /** Enrols the last prioritisation's chosen: memberships with the plan's payer from its start month, once. */
    @Transactional
    public Map<String, Object> enrol(long planId, Actor actor) {
        BudgetPlans.requireWriter(actor);
        // the plan read once no edit can change it (an edit locks it too): its payer, year and region as enrolled
        enrolment.lockPlan(planId);
        return enrolment.enrol(planId, plans.get(planId, actor), actor);
    }
}
