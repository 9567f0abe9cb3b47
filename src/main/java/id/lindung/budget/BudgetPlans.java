package id.lindung.budget;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.RegionScope;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.registry.DefaultWages;
import id.lindung.registry.WorkerCategories;
import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Budget plans: creating one (projected and stored as the snapshot it was computed as), reading plans in the caller's
 * scope (in SQL, by the payer's region), and previewing a plan without storing it (the CLI). Bad input is refused whole
 * with every problem's code, and nothing is stored.
 */
@Service
public class BudgetPlans {

    private final JdbcClient jdbc;
    private final RegulationCatalog catalog;
    private final WorkerCategories categories;
    private final DefaultWages defaultWages;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json;

    BudgetPlans(JdbcClient jdbc, RegulationCatalog catalog, WorkerCategories categories, DefaultWages defaultWages,
                AuditLog audit, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.categories = categories;
        this.defaultWages = defaultWages;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    /** A payer as the budget sees it (from registry_payer). */
    public record PlanPayer(long id, String code, String kind, String name, String regionCode) {}

    /** One membership term the payer pays, as the plan costs it. */
    record Member(long workerId, Programme program, Segment segment, Rupiah wage, RiskGroup risk, boolean labourIntensive,
                  boolean paysEmployer, boolean paysWorker, LocalDate validFrom, LocalDate validTo, boolean continued,
                  boolean villageApparatus, String category) {}

    /** An input checked and costed: what {@link #create} stores and {@link #preview} prints. */
    record Costed(PlanPayer payer, int year, LocalDate referenceDate, YearMonth startMonth, List<Cohort> cohorts,
                  long members, long officials, PlanProjection.Result result, List<Map<String, Object>> assumptions) {}

    /** The categories of village officials (siltap): a regency's view asks whether a FINAL plan covers them. */
    public static final Set<String> OFFICIALS = Set.of("KEPALA_DESA", "PERANGKAT_DESA");

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Creates and stores a plan (DRAFT); the answer is the plan as {@link #get} returns it. */
    @Transactional
    public Map<String, Object> create(PlanRequest request, Actor actor) {
        requireWriter(actor);
        Costed c = cost(request, actor);
        Map<String, Object> view = view(null, "DRAFT", request.name(), c);
        long id = jdbc.sql("""
                insert into budget_plan (payer_id, payer_code, payer_kind, region_code, year, reference_date, start_month,
                                         name, total, people, regulation_version, result, created_by)
                values (:payer, :code, :kind, :region, :year, :ref, :start, :name, :total, :people, :version,
                        cast(:result as jsonb), :by) returning id""")
                .param("payer", c.payer().id()).param("code", c.payer().code()).param("kind", c.payer().kind())
                .param("region", c.payer().regionCode()).param("year", c.year()).param("ref", Date.valueOf(c.referenceDate()))
                .param("start", Date.valueOf(c.startMonth().atDay(1))).param("name", blankToNull(request.name()))
                .param("total", c.result().total().toBigDecimal()).param("people", view.get("people"))
                .param("version", catalog.version()).param("result", json.writeValueAsString(view)).param("by", actor.username())
                .query(Long.class).single();
        int position = 0;
        for (Cohort k : c.cohorts()) {
            jdbc.sql("""
                    insert into budget_cohort (plan_id, position, category, segment, head_count, wage, programs, month_from, budget_line)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, position++, k.category(), k.segment().name(), k.count(), k.wage().toBigDecimal(),
                            k.programs().stream().map(Enum::name).sorted().toArray(String[]::new), Date.valueOf(k.monthFrom().atDay(1)),
                            k.budgetLine())
                    .update();
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("id", id);
        stored.putAll(view);
        stored.put("id", id);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("payer", c.payer().code());
        after.put("year", c.year());
        after.put("total", c.result().total().toBigDecimal());
        after.put("people", view.get("people"));
        after.put("cohorts", c.cohorts().size());
        audit.record("CREATE", "budget_plan", Long.toString(id), c.payer().regionCode(), null, after);
        return stored;
    }

    /** The plan {@link #create} would store, not stored ({@code id} null): the CLI's {@code budget plan}. */
    public Map<String, Object> preview(PlanRequest request, Actor actor) {
        return view(null, "DRAFT", request.name(), cost(request, actor));
    }

    /** A plan in the caller's scope, else {@link NotFoundException}. */
    public Map<String, Object> get(long id, Actor actor) {
        RegionScope scope = actor.scope();
        return jdbc.sql("""
                select id, status, name, result::text from budget_plan
                where id = :id and region_code >= :lo and region_code < :hi""")
                .param("id", id).param("lo", scope.lo()).param("hi", scope.hi())
                .query((rs, n) -> stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional().orElseThrow(() -> new NotFoundException("Budget plan " + id + " not found"));
    }

    /** A plan's summary in a list. */
    public record Summary(long id, String payer, String payerName, int year, String status, String name, Rupiah total,
                          long people, LocalDate referenceDate, List<String> projected) {}

    /** The plans in scope, optionally of one payer and/or year, newest first. */
    public List<Summary> list(String payerCode, Integer year, Actor actor) {
        RegionScope scope = actor.scope();
        StringBuilder sql = new StringBuilder("""
                select p.id, p.payer_code, r.name, p.year, p.status, p.name, p.total, p.people, p.reference_date,
                       p.result -> 'projected'
                from budget_plan p join registry_payer r on r.id = p.payer_id
                where p.region_code >= :lo and p.region_code < :hi""");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("lo", scope.lo());
        params.put("hi", scope.hi());
        if (payerCode != null && !payerCode.isBlank()) {
            sql.append(" and p.payer_code = :payer");
            params.put("payer", payerCode.strip().toUpperCase(Locale.ROOT));
        }
        if (year != null) {
            sql.append(" and p.year = :year");
            params.put("year", year);
        }
        sql.append(" order by p.year desc, p.payer_code, p.id desc limit 1000");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6), Rupiah.of(rs.getBigDecimal(7)), rs.getLong(8), rs.getDate(9).toLocalDate(),
                        projectedList(rs.getString(10))))
                .list();
    }

    /** Marks a plan FINAL (the figures it holds are the ones approved). */
    @Transactional
    public Map<String, Object> finalise(long id, Actor actor) {
        requireWriter(actor);
        Map<String, Object> plan = get(id, actor);
        if ("FINAL".equals(plan.get("status"))) {
            return plan;
        }
        jdbc.sql("update budget_plan set status = 'FINAL', updated_at = now() where id = ?").param(id).update();
        audit.record("UPDATE", "budget_plan", Long.toString(id), (String) plan.get("regionCode"), Map.of("status", "DRAFT"),
                Map.of("status", "FINAL"));
        return get(id, actor);
    }

    // ---------------------------------------------------------------- costing

    Costed cost(PlanRequest request, Actor actor) {
        LocalDate today = today();
        List<InputProblem> malformed = new ArrayList<>();
        List<InputProblem> refused = new ArrayList<>();
        if (request.payer() == null || request.payer().isBlank()) {
            malformed.add(InputProblem.of("payer", "REQUIRED", "Give the payer's code (APBDES:<desa>, APBD:<code>, EMPLOYER:..., DONOR:...)"));
        }
        refused.addAll(PlanRules.year(request.year(), today));
        Optional<PlanPayer> payer = request.payer() == null || request.payer().isBlank() ? Optional.empty()
                : payer(request.payer(), actor.scope());
        if (request.payer() != null && !request.payer().isBlank() && payer.isEmpty()) {
            refused.add(InputProblem.of("payer", "UNKNOWN_PAYER", "No payer " + request.payer() + " in your area "
                    + "(a self-paying worker is no budget's payer)"));
        }
        int year = request.year() == null ? today.getYear() : request.year();
        LocalDate reference = PlanRules.referenceDate(request.referenceDate(), year, today, malformed);
        PlanRules rules = new PlanRules(code -> categories.find(code).filter(c -> true)
                .map(c -> new PlanRules.CategoryFacts(c.code(), c.defaultSegment(), c.villageApparatus())),
                (code, segment, on) -> defaultWages.wage(categories.get(code), segment, on));
        List<InputProblem> cohortProblems = new ArrayList<>();
        List<Cohort> cohorts = rules.cohorts(request.cohorts(), year, payer.map(PlanPayer::kind).orElse("APBDES"), cohortProblems);
        for (InputProblem p : cohortProblems) {
            (p.code().equals("REQUIRED") || p.code().startsWith("INVALID") ? malformed : refused).add(p);
        }
        if (!malformed.isEmpty()) {
            malformed.addAll(refused);
            throw new InvalidInputException(malformed);
        }
        if (!refused.isEmpty()) {
            throw InvalidInputException.refused(refused);
        }
        PlanPayer p = payer.orElseThrow();
        List<Member> members = members(p, year, reference, actor.scope());
        List<PlanProjection.Line> lines = new ArrayList<>();
        List<Map<String, Object>> assumptions = new ArrayList<>();
        Set<Long> people = new HashSet<>();
        Set<Long> officials = new HashSet<>();
        boolean riskMissing = false;
        for (Member m : members) {
            Optional<YearMonth[]> months = billedMonths(m, year);
            if (months.isEmpty() || m.program() == Programme.JKP) {
                continue;
            }
            if (m.segment() == Segment.PU && m.program() == Programme.JKK && m.risk() == null) {
                riskMissing = true; // billing bills no JKK for a wage earner without a risk group; neither does the plan
                continue;
            }
            people.add(m.workerId());
            if (OFFICIALS.contains(m.category())) {
                officials.add(m.workerId());
            }
            lines.add(new PlanProjection.Line(BudgetLines.of(p.kind(), m.villageApparatus()), m.segment(), m.wage(), m.risk(),
                    m.labourIntensive(), m.program(), m.paysEmployer(), m.paysWorker(), 1, months.get()[0], months.get()[1]));
        }
        long cohortPeople = 0;
        for (Cohort k : cohorts) {
            cohortPeople += k.count();
            for (Programme program : k.programs()) {
                if (program == Programme.JKP) {
                    continue;
                }
                lines.add(new PlanProjection.Line(k.budgetLine(), k.segment(), k.wage(), RiskGroup.VERY_LOW, false, program,
                        true, true, k.count(), k.monthFrom(), YearMonth.of(year, 12)));
            }
        }
        PlanProjection.Result result = new PlanProjection(catalog).project(year, lines);
        YearMonth start = startMonth(year, today);
        assumptions.add(assumption("MEMBERS_ON_REFERENCE_DATE", "The people of the payer's memberships on {0} ({1} people), "
                + "each month billed as the registry dates their terms; open terms continue to December", reference, people.size()));
        assumptions.add(assumption("WHOLE_MONTHS", "A month costs a whole month for every membership active on any day of it, "
                + "as billing does"));
        if (!cohorts.isEmpty()) {
            assumptions.add(assumption("COHORTS_PAID_BY_PAYER", "Planned cohorts ({0} people) are paid entirely by the payer, "
                    + "employer and worker shares, from their first month to December; JKK risk group very low (0.24%)", cohortPeople));
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
        long plannedOfficials = cohorts.stream().filter(k -> OFFICIALS.contains(k.category())).mapToLong(Cohort::count).sum();
        return new Costed(p, year, reference, start, cohorts, people.size(), officials.size() + plannedOfficials, result, assumptions);
    }

    /** January of a future year; in the current year the month after today; January for a past year. */
    static YearMonth startMonth(int year, LocalDate today) {
        if (year == today.getYear()) {
            YearMonth next = YearMonth.from(today).plusMonths(1);
            return next.getYear() == year ? next : YearMonth.of(year, 12);
        }
        return YearMonth.of(year, 1);
    }

    /**
     * The months of {@code year} a term is billed in (billing's rule: every month active on any day, except the month a
     * continued term closes inside, which its successor bills), as first and last month; empty if none.
     */
    static Optional<YearMonth[]> billedMonths(Member m, int year) {
        YearMonth from = YearMonth.from(m.validFrom());
        YearMonth until;
        if (m.validTo() == null) {
            until = YearMonth.of(year, 12);
        } else {
            YearMonth lastDayMonth = YearMonth.from(m.validTo().minusDays(1));
            until = m.continued() && m.validTo().getDayOfMonth() != 1 ? lastDayMonth.minusMonths(1) : lastDayMonth;
        }
        if (from.isBefore(YearMonth.of(year, 1))) {
            from = YearMonth.of(year, 1);
        }
        if (until.isAfter(YearMonth.of(year, 12))) {
            until = YearMonth.of(year, 12);
        }
        return from.isAfter(until) ? Optional.empty() : Optional.of(new YearMonth[] {from, until});
    }

    /** The payer of a code in the caller's scope (registry's published view); SELF payers are no budget's payers. */
    Optional<PlanPayer> payer(String code, RegionScope scope) {
        return jdbc.sql("""
                select id, code, kind, name, region_code from registry_payer
                where code = :code and kind <> 'SELF' and region_code >= :lo and region_code < :hi""")
                .param("code", code.strip().toUpperCase(Locale.ROOT)).param("lo", scope.lo()).param("hi", scope.hi())
                .query((rs, n) -> new PlanPayer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional();
    }

    /**
     * The terms the payer pays (either share) in the year, of the people holding such a term on the reference date,
     * within the caller's scope (registry's published views).
     */
    private List<Member> members(PlanPayer payer, int year, LocalDate reference, RegionScope scope) {
        return jdbc.sql("""
                select t.worker_id, t.program, t.segment, t.wage, t.risk_group, t.labour_intensive,
                       coalesce(t.employer_payer_id = :payer, false), t.worker_payer_id = :payer,
                       t.valid_from, t.valid_to, t.continued, coalesce(c.village_apparatus, false), w.category
                from registry_membership_term t
                left join registry_worker_profile w on w.id = t.worker_id
                left join registry_worker_category c on c.code = w.category
                where (t.employer_payer_id = :payer or t.worker_payer_id = :payer)
                  and t.valid_from <= :yearEnd and (t.valid_to is null or t.valid_to > :yearStart)
                  and t.village_code >= :lo and t.village_code < :hi
                  and t.worker_id in (select r.worker_id from registry_membership_term r
                                      where (r.employer_payer_id = :payer or r.worker_payer_id = :payer)
                                        and r.valid_from <= :ref and (r.valid_to is null or r.valid_to > :ref))
                order by t.worker_id, t.program, t.valid_from""")
                .param("payer", payer.id()).param("yearStart", Date.valueOf(LocalDate.of(year, 1, 1)))
                .param("yearEnd", Date.valueOf(LocalDate.of(year, 12, 31))).param("ref", Date.valueOf(reference))
                .param("lo", scope.lo()).param("hi", scope.hi())
                .query((rs, n) -> new Member(rs.getLong(1), Programme.valueOf(rs.getString(2)), Segment.valueOf(rs.getString(3)),
                        Rupiah.of(rs.getBigDecimal(4)), rs.getString(5) == null ? null : RiskGroup.valueOf(rs.getString(5)),
                        rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8), rs.getDate(9).toLocalDate(),
                        rs.getDate(10) == null ? null : rs.getDate(10).toLocalDate(), rs.getBoolean(11), rs.getBoolean(12), rs.getString(13)))
                .list();
    }

    // ---------------------------------------------------------------- the plan as the API shows it

    private Map<String, Object> view(Long id, String status, String name, Costed c) {
        PlanProjection.Result r = c.result();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("payer", c.payer().code());
        v.put("payerName", c.payer().name());
        v.put("payerKind", c.payer().kind());
        v.put("regionCode", c.payer().regionCode());
        v.put("year", c.year());
        v.put("status", status);
        v.put("name", blankToNull(name));
        v.put("referenceDate", c.referenceDate().toString());
        v.put("startMonth", c.startMonth().toString());
        List<Map<String, Object>> months = new ArrayList<>();
        for (PlanProjection.MonthCost m : r.months()) {
            Map<String, Object> mv = new LinkedHashMap<>();
            mv.put("month", m.month().toString());
            mv.put("byProgram", byProgram(m.byProgram()));
            mv.put("payerShare", m.payerShare().toNumber());
            mv.put("workerShare", m.workerShare().toNumber());
            mv.put("total", m.total().toNumber());
            mv.put("projected", m.projected());
            months.add(mv);
        }
        v.put("months", months);
        v.put("byProgram", byProgram(r.byProgram()));
        List<Map<String, Object>> groups = new ArrayList<>();
        for (PlanProjection.GroupCost g : r.groups()) {
            Map<String, Object> gv = new LinkedHashMap<>();
            gv.put("line", g.group());
            gv.put("byProgram", byProgram(g.byProgram()));
            gv.put("payerShare", g.payerShare().toNumber());
            gv.put("workerShare", g.workerShare().toNumber());
            gv.put("total", g.total().toNumber());
            groups.add(gv);
        }
        v.put("budgetLines", groups);
        v.put("payerShare", r.payerShare().toNumber());
        v.put("workerShare", r.workerShare().toNumber());
        v.put("total", r.total().toNumber());
        long cohortPeople = c.cohorts().stream().mapToLong(Cohort::count).sum();
        v.put("people", c.members() + cohortPeople);
        v.put("registeredPeople", c.members());
        v.put("plannedPeople", cohortPeople);
        v.put("officials", c.officials());
        List<Map<String, Object>> cohorts = new ArrayList<>();
        for (Cohort k : c.cohorts()) {
            Map<String, Object> kv = new LinkedHashMap<>();
            kv.put("category", k.category());
            kv.put("segment", k.segment().name());
            kv.put("count", k.count());
            kv.put("wage", k.wage().toNumber());
            kv.put("programs", k.programs().stream().sorted().map(Enum::name).toList());
            kv.put("monthFrom", k.monthFrom().toString());
            kv.put("budgetLine", k.budgetLine());
            cohorts.add(kv);
        }
        v.put("cohorts", cohorts);
        v.put("projected", r.projected());
        List<Map<String, Object>> projectedValues = new ArrayList<>();
        for (PlanProjection.ProjectedValue pv : r.projectedValues()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("parameter", pv.parameter());
            x.put("from", pv.from().toString());
            x.put("value", new BigDecimal(pv.value()));
            x.put("basis", pv.basis());
            projectedValues.add(x);
        }
        v.put("projectedValues", projectedValues);
        v.put("assumptions", c.assumptions());
        v.put("regulationVersion", catalog.version());
        return v;
    }

    private static Map<String, Object> byProgram(Map<Programme, Rupiah> amounts) {
        Map<String, Object> m = new LinkedHashMap<>();
        amounts.forEach((p, a) -> m.put(p.name(), a.toNumber()));
        return m;
    }

    private static Map<String, Object> assumption(String code, String text, Object... args) {
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

    @SuppressWarnings("unchecked")
    private Map<String, Object> stored(long id, String status, String name, String result) {
        // amounts with sen stay exact: floats are read as BigDecimal, never double
        Map<String, Object> v = json.readerFor(LinkedHashMap.class)
                .with(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readValue(result);
        v.put("id", id);
        v.put("status", status);
        v.put("name", name);
        return v;
    }

    @SuppressWarnings("unchecked")
    private List<String> projectedList(String text) {
        return text == null ? List.of() : json.readValue(text, List.class);
    }

    static void requireWriter(Actor actor) {
        if (actor.role() == null || !actor.role().canChangeData()) {
            throw new AccessDeniedException("Role " + actor.role() + " may not change budget plans");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
