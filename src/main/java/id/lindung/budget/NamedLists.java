package id.lindung.budget;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.PersonalData;
import id.lindung.access.RegionScope;
import id.lindung.importing.WorkerLists;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.UploadNames;
import id.lindung.registry.DefaultWages;
import id.lindung.registry.StagedWorker;
import id.lindung.regulation.DatedValue;
import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A plan's named list (docs/budget.md, "Named list"): people a payer means to cover, uploaded in the worker import format
 * and checked by the import's own rules ({@link WorkerLists}), stored with the plan and nowhere else. Nobody is
 * registered. Each person is costed by their own category, segment, wage and programmes; the DRAFT plan is costed again
 * whenever its list changes. A file with any bad row is refused whole, every problem with its line, column and code, and
 * nothing is stored.
 */
@Service
public class NamedLists {

    private final JdbcClient jdbc;
    private final BudgetPlans plans;
    private final PlanCosting costing;
    private final WorkerLists reader;
    private final AuditLog audit;
    private final DefaultWages defaultWages;

    NamedLists(JdbcClient jdbc, BudgetPlans plans, PlanCosting costing, WorkerLists reader, AuditLog audit,
               DefaultWages defaultWages) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.costing = costing;
        this.reader = reader;
        this.audit = audit;
        this.defaultWages = defaultWages;
    }

    /**
     * One person of a named list, as checked.
     *
     * @param wageDefault the regulation parameter {@code wage} defaulted to when the row gave none (the category's default
     *                    wage on the person's start, {@link DefaultWages}), else null: a plan names it among its unverified
     *                    values when its sources do not settle it, as it does a cohort's default wage
     */
    public record Person(long line, String nik, String name, String sex, LocalDate birthDate, String villageCode,
                         String category, Segment segment, Rupiah wage, RiskGroup riskGroup, Set<Programme> programs,
                         LocalDate startDate, Integer decile, String wageDefault) {
        public Person {
            programs = Set.copyOf(programs);
        }
    }

    /**
     * Replaces the plan's named list with the file's people and costs the plan again; the answer is the plan. Refused
     * whole (422, each problem with line, field and code) when any row is bad; a FINAL plan keeps its figures (409).
     */
    @Transactional
    public Map<String, Object> upload(long planId, String fileName, InputStream content, Actor actor) {
        BudgetPlans.requireWriter(actor);
        Map<String, Object> plan = draft(planId, actor);
        int year = ((Number) plan.get("year")).intValue();
        String kind = (String) plan.get("payerKind");
        String region = (String) plan.get("regionCode");
        // an APBDes or APBD covers the people of its own area; an employer or a donor anyone in the caller's area
        RegionScope area = "APBDES".equals(kind) || "APBD".equals(kind) ? RegionScope.of(region) : actor.scope();
        LocalDate today = costing.today();
        LocalDate january = LocalDate.of(year, 1, 1);
        // the import refuses a start more than a year ahead; a row without one starts in January (or as late as allowed)
        LocalDate defaultStart = january.isAfter(today.plusDays(365)) ? today.plusDays(365) : january;
        String village = "APBDES".equals(kind) ? region : null;
        WorkerLists.Read read = reader.read(content, fileName, new WorkerLists.Options(village, defaultStart), area);
        List<InputProblem> problems = new ArrayList<>(read.problems());
        List<Person> people = new ArrayList<>();
        for (StagedWorker w : read.rows()) {
            if (w.startDate().getYear() > year) {
                problems.add(startAfterYear(w.line(), w.startDate(), year));
                continue;
            }
            people.add(new Person(w.line(), w.nik(), w.fullName(), w.sex(), w.birthDate(), w.villageCode(), w.category().code(),
                    w.segment(), w.wage(), w.riskGroup(), EnumSet.copyOf(w.programs()), w.startDate(), w.p3keDecile(),
                    w.wageDefaulted() ? defaultWages.value(w.category(), w.segment(), w.startDate()).map(DatedValue::parameter)
                            .orElse(null) : null));
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.refused(shown(problems));
        }
        String name = UploadNames.of(fileName, 300, "list");
        PlanCosting.Costed costed = costing.cost(plans.request(planId), actor, new PlanCosting.NamedList(name, people));
        Object before = plan.get("namedList");
        drop(planId);
        jdbc.sql("insert into budget_list (plan_id, file_name, people, uploaded_by) values (?, ?, ?, ?)")
                .params(planId, name, people.size(), actor.username()).update();
        insert(planId, people);
        plans.update(planId, costed, (String) plan.get("name"));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("fileName", name);
        after.put("people", people.size());
        after.put("costed", costed.listPeople());
        after.put("total", costed.result().total().toBigDecimal());
        audit.record("NAMED_LIST", "budget_plan", Long.toString(planId), region, before, after);
        return plans.get(planId, actor);
    }

    /** Removes the plan's named list and costs the plan again without it. */
    @Transactional
    public Map<String, Object> remove(long planId, Actor actor) {
        BudgetPlans.requireWriter(actor);
        Map<String, Object> plan = draft(planId, actor);
        if (plan.get("namedList") == null) {
            return plan;
        }
        PlanCosting.Costed costed = costing.cost(plans.request(planId), actor, null);
        drop(planId);
        plans.update(planId, costed, (String) plan.get("name"));
        audit.record("NAMED_LIST", "budget_plan", Long.toString(planId), (String) plan.get("regionCode"), plan.get("namedList"),
                Map.of("people", 0, "total", costed.result().total().toBigDecimal()));
        return plans.get(planId, actor);
    }

    /**
     * The plan's named list as the caller may see it (NIKs masked for read-only roles): file, who uploaded it, and its
     * people in file order; {@code people} empty when the plan has no list.
     */
    public Map<String, Object> show(long planId, Actor actor) {
        Map<String, Object> plan = plans.get(planId, actor);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("plan", planId);
        jdbc.sql("select file_name, people, uploaded_by, uploaded_at from budget_list where plan_id = ?").param(planId)
                .query(rs -> {
                    v.put("fileName", rs.getString(1));
                    v.put("count", rs.getInt(2));
                    v.put("uploadedBy", rs.getString(3));
                    v.put("uploadedAt", rs.getTimestamp(4).toInstant().toString());
                });
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Person p : people(planId, actor.scope())) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("line", p.line());
            x.put("nik", PersonalData.nik(actor, p.nik()));
            x.put("name", p.name());
            x.put("birthDate", PersonalData.birthDate(actor, p.birthDate()));
            x.put("villageCode", p.villageCode());
            x.put("category", p.category());
            x.put("segment", p.segment().name());
            x.put("wage", p.wage().toNumber());
            x.put("wageDefault", p.wageDefault());
            x.put("programs", p.programs().stream().sorted().map(Enum::name).toList());
            x.put("startDate", p.startDate().toString());
            x.put("decile", p.decile());
            rows.add(x);
        }
        v.put("people", rows);
        v.put("status", plan.get("status"));
        return v;
    }

    /** The people of a plan's named list in the caller's scope, in file order (none without a list). */
    List<Person> people(long planId, RegionScope scope) {
        return jdbc.sql("""
                select line, nik, full_name, sex, birth_date, village_code, category, segment, wage, risk_group, programs,
                       start_date, p3ke_decile, wage_default
                from budget_list_person
                where plan_id = :plan and village_code >= :lo and village_code < :hi
                order by line""")
                .param("plan", planId).param("lo", scope.lo()).param("hi", scope.hi())
                .query((rs, n) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7),
                        Segment.valueOf(rs.getString(8)), Rupiah.of(rs.getBigDecimal(9)),
                        rs.getString(10) == null ? null : RiskGroup.valueOf(rs.getString(10)), programmes((String[]) rs.getArray(11).getArray()),
                        rs.getDate(12).toLocalDate(), (Integer) rs.getObject(13, Integer.class), rs.getString(14)))
                .list();
    }

    /** The list a plan is costed with (null without one), for costing it again. */
    PlanCosting.NamedList stored(long planId, RegionScope scope) {
        return jdbc.sql("select file_name from budget_list where plan_id = ?").param(planId).query(String.class).optional()
                .map(file -> new PlanCosting.NamedList(file, people(planId, scope))).orElse(null);
    }

    private static InputProblem startAfterYear(long line, LocalDate start, int year) {
        return new InputProblem(line, "start_date", "START_AFTER_PLAN_YEAR", "start_date " + start
                + " is after the plan's year " + year + ": the person would cost nothing in it");
    }

    /**
     * The people of a stored list that no longer fit a plan whose payer or year changed, by the upload's own rules: an
     * APBDes or APBD covers only its area ({@code VILLAGE_OUT_OF_SCOPE}), nobody may start after the plan's year
     * ({@code START_AFTER_PLAN_YEAR}).
     */
    static List<InputProblem> misfits(List<Person> people, String payerKind, String payerRegion, int year) {
        boolean ownArea = "APBDES".equals(payerKind) || "APBD".equals(payerKind);
        RegionScope area = ownArea ? RegionScope.of(payerRegion) : null;
        List<InputProblem> problems = new ArrayList<>();
        for (Person p : people) {
            if (area != null && !area.covers(p.villageCode())) {
                problems.add(new InputProblem(p.line(), "village_code", "VILLAGE_OUT_OF_SCOPE", "village_code " + p.villageCode()
                        + " is outside the area of the payer's region " + payerRegion));
            } else if (p.startDate().getYear() > year) {
                problems.add(startAfterYear(p.line(), p.startDate(), year));
            }
        }
        return problems;
    }

    /** How many people the plan's stored list holds, whoever may see them (0 without a list). */
    long storedCount(long planId) {
        return jdbc.sql("select coalesce(max(people), 0) from budget_list where plan_id = ?").param(planId).query(Long.class).single();
    }

    /** Removes the plan's list (its people go with it) and the prioritisation over it; enrolments made stay. */
    void drop(long planId) {
        jdbc.sql("delete from budget_list where plan_id = ?").param(planId).update();
        forgetListPrioritisation(planId);
    }

    private Map<String, Object> draft(long planId, Actor actor) {
        plans.get(planId, actor);
        // The plan's row stays locked until the list's change commits, and its status is read after the lock: a plan
        // marked FINAL while a list was being read would otherwise have its approved figures costed over (review of
        // 2 December 2026; the editor's update has its own "where status = 'DRAFT'").
        jdbc.sql("select id from budget_plan where id = ? for update").param(planId).query(Long.class).single();
        Map<String, Object> plan = plans.get(planId, actor);
        if ("FINAL".equals(plan.get("status"))) {
            throw InvalidInputException.conflict("plan", "PLAN_FINAL", "Plan " + planId + " is FINAL: it keeps the figures it "
                    + "was approved with; create a new plan to change its list");
        }
        return plan;
    }

    /** Most problems a refusal lists: a file wrong on every row says so in its first rows, not in megabytes. */
    static final int MAX_PROBLEMS = 500;

    static List<InputProblem> shown(List<InputProblem> problems) {
        if (problems.size() <= MAX_PROBLEMS) {
            return problems;
        }
        List<InputProblem> shown = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
        shown.add(new InputProblem(1, null, "MORE_PROBLEMS", (problems.size() - MAX_PROBLEMS) + " more problems are not listed; "
                + "correct these and upload the file again"));
        return shown;
    }

    /** A prioritisation over the old list no longer names its people: it is dropped (enrolments made stay). */
    private void forgetListPrioritisation(long planId) {
        jdbc.sql("delete from budget_list_choice where plan_id = ?").param(planId).update();
        jdbc.sql("delete from budget_priority where plan_id = ? and candidates = 'IMPORTED_LIST'").param(planId).update();
    }

    /** All of a list's people in one statement. */
    private void insert(long planId, List<Person> people) {
        if (people.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into budget_list_person (plan_id, line, nik, full_name, sex, birth_date, village_code, category, segment,
                                                wage, risk_group, programs, start_date, p3ke_decile, wage_default)
                select :plan, line, nik, full_name, sex, birth_date, village_code, category, segment, wage, risk_group,
                       string_to_array(programs, ';'), start_date, p3ke_decile, wage_default
                from unnest(cast(:lines as bigint[]), cast(:niks as text[]), cast(:names as text[]), cast(:sexes as text[]),
                            cast(:births as date[]), cast(:villages as text[]), cast(:categories as text[]),
                            cast(:segments as text[]), cast(:wages as numeric[]), cast(:risks as text[]),
                            cast(:programs as text[]), cast(:starts as date[]), cast(:deciles as integer[]),
                            cast(:wageDefaults as text[]))
                     as r(line, nik, full_name, sex, birth_date, village_code, category, segment, wage, risk_group, programs,
                          start_date, p3ke_decile, wage_default)""")
                .param("plan", planId)
                .param("lines", column(people, p -> p.line()))
                .param("niks", column(people, Person::nik))
                .param("names", column(people, Person::name))
                .param("sexes", column(people, Person::sex))
                .param("births", column(people, Person::birthDate))
                .param("villages", column(people, Person::villageCode))
                .param("categories", column(people, Person::category))
                .param("segments", column(people, Person::segment))
                .param("wages", column(people, p -> p.wage().toBigDecimal().toPlainString()))
                .param("risks", column(people, Person::riskGroup))
                .param("programs", column(people, p -> p.programs().stream().map(Enum::name).sorted().collect(Collectors.joining(";"))))
                .param("starts", column(people, Person::startDate))
                .param("deciles", column(people, Person::decile))
                .param("wageDefaults", column(people, Person::wageDefault))
                .update();
    }

    /** One column of the rows as text (PostgreSQL casts it to the column's type), nulls kept. */
    private static String[] column(List<Person> people, java.util.function.Function<Person, Object> value) {
        return people.stream().map(value).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }

    private static Set<Programme> programmes(String[] names) {
        Set<Programme> set = EnumSet.noneOf(Programme.class);
        for (String n : names) {
            set.add(Programme.valueOf(n));
        }
        return set;
    }
}
