package id.lindung.budget;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.PersonalData;
import id.lindung.access.RegionScope;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.region.PotentialWorkforce;
import id.lindung.region.WorkforceFigure;
import id.lindung.registry.Workers;
import id.lindung.shared.Programme;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
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
 * registry's {@link Workers}: memberships with the plan's payer from its start month, once (a second enrolment creates
 * nothing), audited.
 */
@Service
public class Prioritisation {

    /** The candidates a prioritisation may take. */
    public static final String UNPROTECTED_IN_AREA = "UNPROTECTED_IN_AREA";

    private final JdbcClient jdbc;
    private final BudgetPlans plans;
    private final RegulationCatalog catalog;
    private final PotentialWorkforce workforce;
    private final Workers workers;
    private final AuditLog audit;

    Prioritisation(JdbcClient jdbc, BudgetPlans plans, RegulationCatalog catalog, PotentialWorkforce workforce, Workers workers,
                   AuditLog audit) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.catalog = catalog;
        this.workforce = workforce;
        this.workers = workers;
        this.audit = audit;
    }

    /**
     * @param order        criteria names (default P3KE_DECILE, CATEGORY, OLDEST); NIK always breaks ties last
     * @param categoryRank the payer's category ranking (default: the registry's category order)
     * @param wage         declared income of each chosen (default: the lowest BPU income in force)
     * @param programs     default JKK and JKM
     */
    public record Request(BigDecimal budget, List<String> order, List<String> categoryRank, String candidates, BigDecimal wage,
                          List<String> programs) {}

    /**
     * Ranks the candidates and covers them within the budget. Every role in scope may ask (read-only roles see NIKs
     * masked); the result is kept for {@link #enrol} only when the caller may change data.
     */
    @Transactional
    public Map<String, Object> prioritise(long planId, Request request, Actor actor) {
        Map<String, Object> plan = plans.get(planId, actor);
        List<InputProblem> malformed = new ArrayList<>();
        Rupiah budget = null;
        if (request.budget() == null) {
            malformed.add(InputProblem.of("budget", "REQUIRED", "Give the budget in rupiah"));
        } else if (request.budget().scale() > 2 || request.budget().abs().compareTo(new BigDecimal("1e15")) > 0) {
            malformed.add(InputProblem.of("budget", "INVALID_AMOUNT", "The budget is rupiah with at most two decimals"));
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
        String candidates = request.candidates() == null || request.candidates().isBlank() ? UNPROTECTED_IN_AREA : request.candidates().strip();
        if (!UNPROTECTED_IN_AREA.equals(candidates)) {
            malformed.add(InputProblem.of("candidates", "UNKNOWN_CANDIDATES", "candidates must be " + UNPROTECTED_IN_AREA));
        }
        Set<Programme> programs = EnumSet.noneOf(Programme.class);
        for (String p : request.programs() == null || request.programs().isEmpty() ? List.of("JKK", "JKM") : request.programs()) {
            try {
                programs.add(Programme.parse(p));
            } catch (IllegalArgumentException | NullPointerException e) {
                malformed.add(InputProblem.of("programs", "UNKNOWN_PROGRAMME", "Unknown programme '" + p + "'"));
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
            if (request.wage().signum() <= 0) {
                refused.add(InputProblem.of("wage", request.wage().signum() < 0 ? "NEGATIVE_WAGE" : "WAGE_NOT_POSITIVE",
                        "A declared income must be more than zero"));
            } else {
                wage = Rupiah.of(request.wage().setScale(2, RoundingMode.DOWN));
            }
        }
        if (!refused.isEmpty()) {
            throw InvalidInputException.refused(refused);
        }
        List<String> categoryRank = request.categoryRank() == null || request.categoryRank().isEmpty()
                ? jdbc.sql("select code from registry_worker_category order by sort_order, code").query(String.class).list()
                : request.categoryRank().stream().map(s -> s.strip().toUpperCase(java.util.Locale.ROOT)).toList();

        List<PlanProjection.Line> lines = new ArrayList<>();
        for (Programme p : programs) {
            lines.add(new PlanProjection.Line(BudgetLines.SOCIAL_PROTECTION, Segment.BPU, wage, null, false, p, true, true, 1, start,
                    YearMonth.of(year, 12)));
        }
        Rupiah cost = new PlanProjection(catalog).yearlyCost(year, lines);
        String region = (String) plan.get("regionCode");
        RegionScope area = RegionScope.of(region);
        RegionScope scope = actor.scope();
        List<Prioritising.Candidate> all = jdbc.sql("""
                select w.id, w.nik, w.full_name, p.category, p.poverty_decile, w.birth_date
                from registry_worker w join registry_worker_profile p on p.id = w.id
                where w.village_code >= :alo and w.village_code < :ahi and w.village_code >= :lo and w.village_code < :hi
                  and w.status = 'ACTIVE'
                  and not exists (select 1 from registry_membership_term t where t.worker_id = w.id
                                  and t.valid_from <= :start and (t.valid_to is null or t.valid_to > :start))""")
                .param("alo", area.lo()).param("ahi", area.hi()).param("lo", scope.lo()).param("hi", scope.hi())
                .param("start", Date.valueOf(start.atDay(1)))
                .query((rs, n) -> new Prioritising.Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Integer) rs.getObject(5, Integer.class), rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(), cost))
                .list();
        Prioritising.Outcome outcome = Prioritising.choose(all, order, categoryRank, budget);

        if (actor.role() != null && actor.role().canChangeData()) {
            keep(planId, region, budget, order, categoryRank, wage, programs, outcome, actor);
        }
        long planned = ((Number) plan.get("people")).longValue();
        BigDecimal ratio = workforce.figure(region, null).map(WorkforceFigure::workers).filter(w -> w > 0)
                .map(w -> BigDecimal.valueOf(planned + outcome.chosen().size()).divide(BigDecimal.valueOf(w), 4, RoundingMode.HALF_UP))
                .orElse(null);

        Map<String, Object> v = new LinkedHashMap<>();
        List<Map<String, Object>> chosen = new ArrayList<>();
        for (Prioritising.Chosen c : outcome.chosen()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("nik", PersonalData.nik(actor, c.candidate().nik()));
            x.put("rank", c.rank());
            x.put("cost", c.candidate().cost().toNumber());
            x.put("name", c.candidate().name());
            x.put("category", c.candidate().category());
            x.put("decile", c.candidate().decile());
            chosen.add(x);
        }
        List<Map<String, Object>> left = new ArrayList<>();
        for (Prioritising.Left l : outcome.left()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("nik", PersonalData.nik(actor, l.candidate().nik()));
            x.put("rank", l.rank());
            x.put("reason", l.reason());
            x.put("name", l.candidate().name());
            x.put("category", l.candidate().category());
            x.put("decile", l.candidate().decile());
            left.add(x);
        }
        v.put("chosen", chosen);
        v.put("left", left);
        v.put("cost", outcome.cost().toNumber());
        v.put("coverageRatio", ratio);
        v.put("budget", budget.toNumber());
        v.put("exhaustedAtRank", outcome.exhaustedAtRank() == 0 ? null : outcome.exhaustedAtRank());
        v.put("costPerPerson", cost.toNumber());
        v.put("startMonth", start.toString());
        v.put("order", Prioritising.names(order));
        v.put("categoryRank", categoryRank);
        v.put("candidates", candidates);
        v.put("decileKnown", all.stream().filter(c -> c.decile() != null).count());
        v.put("candidateCount", all.size());
        return v;
    }

    /** Keeps the outcome as the plan's last prioritisation, for {@link #enrol}; audited. */
    private void keep(long planId, String region, Rupiah budget, List<Prioritising.Criterion> order, List<String> categoryRank,
                      Rupiah wage, Set<Programme> programs, Prioritising.Outcome outcome, Actor actor) {
        jdbc.sql("delete from budget_choice where plan_id = ?").param(planId).update();
        jdbc.sql("delete from budget_priority where plan_id = ?").param(planId).update();
        jdbc.sql("""
                insert into budget_priority (plan_id, budget, ordering, category_rank, segment, wage, programs, cost, created_by)
                values (?, ?, ?, ?, 'BPU', ?, ?, ?, ?)""")
                .params(planId, budget.toBigDecimal(), Prioritising.names(order).toArray(String[]::new), categoryRank.toArray(String[]::new),
                        wage.toBigDecimal(), programs.stream().map(Enum::name).sorted().toArray(String[]::new),
                        outcome.cost().toBigDecimal(), actor.username())
                .update();
        for (Prioritising.Chosen c : outcome.chosen()) {
            jdbc.sql("insert into budget_choice (plan_id, worker_id, rank, cost) values (?, ?, ?, ?)")
                    .params(planId, c.candidate().workerId(), c.rank(), c.candidate().cost().toBigDecimal()).update();
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("budget", budget.toBigDecimal());
        after.put("order", Prioritising.names(order));
        after.put("chosen", outcome.chosen().size());
        after.put("cost", outcome.cost().toBigDecimal());
        audit.record("PRIORITISE", "budget_plan", Long.toString(planId), region, null, after);
    }

    /** Enrols the last prioritisation's chosen: BPU memberships with the plan's payer from its start month. */
    @Transactional
    public Map<String, Object> enrol(long planId, Actor actor) {
        BudgetPlans.requireWriter(actor);
        Map<String, Object> plan = plans.get(planId, actor);
        record Setting(BigDecimal wage, String[] programs) {}
        Setting setting = jdbc.sql("select wage, programs from budget_priority where plan_id = ?").param(planId)
                .query((rs, n) -> new Setting(rs.getBigDecimal(1), (String[]) rs.getArray(2).getArray())).optional()
                .orElseThrow(() -> InvalidInputException.conflict("plan", "NOT_PRIORITISED",
                        "Prioritise the plan under a budget first: enrolment takes the chosen of its last prioritisation"));
        LocalDate from = YearMonth.parse((String) plan.get("startMonth")).atDay(1);
        String payer = (String) plan.get("payer");
        RegionScope scope = actor.scope();
        record Pending(long workerId, String nik) {}
        List<Pending> pending = jdbc.sql("""
                select c.worker_id, w.nik from budget_choice c join registry_worker w on w.id = c.worker_id
                where c.plan_id = :plan and w.village_code >= :lo and w.village_code < :hi
                  and not exists (select 1 from budget_enrolment e where e.plan_id = c.plan_id and e.worker_id = c.worker_id)
                order by c.rank""")
                .param("plan", planId).param("lo", scope.lo()).param("hi", scope.hi())
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2))).list();
        long chosen = jdbc.sql("select count(*) from budget_choice where plan_id = ?").param(planId).query(Long.class).single();
        for (Pending p : pending) {
            for (String program : setting.programs()) {
                workers.changeTerms(p.nik(), new Workers.TermChange(Programme.valueOf(program), Segment.BPU, setting.wage(), null,
                        payer, from));
            }
            jdbc.sql("insert into budget_enrolment (plan_id, worker_id, enrolled_by) values (?, ?, ?)")
                    .params(planId, p.workerId(), actor.username()).update();
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("enrolled", pending.size());
        after.put("from", from.toString());
        after.put("payer", payer);
        audit.record("ENROL", "budget_plan", Long.toString(planId), (String) plan.get("regionCode"), null, after);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("plan", planId);
        v.put("enrolled", pending.size());
        v.put("alreadyEnrolled", chosen - pending.size());
        v.put("from", from.toString());
        v.put("payer", payer);
        return v;
    }
}
