package id.lindung.budget;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.RegionScope;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Rupiah;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budget plans: creating one (costed by {@link PlanCosting} and stored as the snapshot it was computed as), reading plans
 * in the caller's scope (in SQL, by the payer's region), marking one FINAL, and previewing a plan without storing it (the
 * CLI, the editor's live totals). Bad input is refused whole with every problem's code, and nothing is stored.
 */
@Service
public class BudgetPlans {

    private final JdbcClient jdbc;
    private final RegulationCatalog catalog;
    private final PlanCosting costing;
    private final PlanViews views;
    private final AuditLog audit;
    private final ObjectProvider<NamedLists> namedLists;

    BudgetPlans(JdbcClient jdbc, RegulationCatalog catalog, PlanCosting costing, PlanViews views, AuditLog audit,
                ObjectProvider<NamedLists> namedLists) {
        this.jdbc = jdbc;
        this.namedLists = namedLists;
        this.catalog = catalog;
        this.costing = costing;
        this.views = views;
        this.audit = audit;
    }

    /** A payer as the budget sees it (from registry_payer). */
    public record PlanPayer(long id, String code, String kind, String name, String regionCode) {}

    /** The categories of village officials (siltap): a regency's view asks whether a FINAL plan covers them. */
    public static final Set<String> OFFICIALS = Set.of("KEPALA_DESA", "PERANGKAT_DESA");

    public LocalDate today() {
        return costing.today();
    }

    /** Creates and stores a plan (DRAFT); the answer is the plan as {@link #get} returns it. */
    @Transactional
    public Map<String, Object> create(PlanRequest request, Actor actor) {
        requireWriter(actor);
        PlanCosting.Costed c = costing.cost(request, actor, null);
        Map<String, Object> view = views.view(null, "DRAFT", request.name(), c);
        long id = jdbc.sql("""
                insert into budget_plan (payer_id, payer_code, payer_kind, region_code, year, reference_date, start_month,
                                         name, total, people, regulation_version, result, created_by)
                values (:payer, :code, :kind, :region, :year, :ref, :start, :name, :total, :people, :version,
                        cast(:result as jsonb), :by) returning id""")
                .param("payer", c.payer().id()).param("code", c.payer().code()).param("kind", c.payer().kind())
                .param("region", c.payer().regionCode()).param("year", c.year()).param("ref", Date.valueOf(c.referenceDate()))
                .param("start", Date.valueOf(c.startMonth().atDay(1))).param("name", PlanViews.blankToNull(request.name()))
                .param("total", c.result().total().toBigDecimal()).param("people", c.people())
                .param("version", catalog.version()).param("result", views.write(view)).param("by", actor.username())
                .query(Long.class).single();
        insertCohorts(id, c.cohorts());
        Map<String, Object> stored = new LinkedHashMap<>(view);
        stored.put("id", id);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("payer", c.payer().code());
        after.put("year", c.year());
        after.put("total", c.result().total().toBigDecimal());
        after.put("people", c.people());
        after.put("cohorts", c.cohorts().size());
        audit.record("CREATE", "budget_plan", Long.toString(id), c.payer().regionCode(), null, after);
        return stored;
    }

    /** The plan {@link #create} would store, not stored ({@code id} null): the CLI's {@code budget plan}, live totals. */
    public Map<String, Object> preview(PlanRequest request, Actor actor) {
        return views.view(null, "DRAFT", request.name(), costing.cost(request, actor, null));
    }

    /** A plan in the caller's scope, else {@link NotFoundException}. */
    public Map<String, Object> get(long id, Actor actor) {
        RegionScope scope = actor.scope();
        return jdbc.sql("""
                select id, status, name, result::text from budget_plan
                where id = :id and region_code >= :lo and region_code < :hi""")
                .param("id", id).param("lo", scope.lo()).param("hi", scope.hi())
                .query((rs, n) -> views.stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional().map(plan -> withUnverified(id, plan, actor))
                .orElseThrow(() -> new NotFoundException("Budget plan " + id + " not found"));
    }

    /**
     * A plan stored before plans listed their unverified values (no {@code unverified} in its snapshot) gets the list on
     * read, never stored, when the regulation data is still the data it was costed with (its stored regulation version is
     * today's): its input (payer, year, reference date, cohorts, named list) costed again, each value kept for the months
     * whose stored figures hold an amount of a programme it affects. Which values were unverified in older data is not
     * kept (a version is only a fingerprint), so a plan costed with other data gets none (null) and says why
     * ({@code unverifiedSource}, {@link UnverifiedSource}), as does a plan whose input no longer costs (a payer removed).
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> withUnverified(long id, Map<String, Object> plan, Actor actor) {
        if (plan.get("unverified") instanceof List<?>) {
            plan.putIfAbsent("unverifiedSource", UnverifiedSource.COSTED.name());
            return plan;
        }
        String costedWith = jdbc.sql("select regulation_version from budget_plan where id = ?").param(id).query(String.class).single();
        if (!costedWith.equals(catalog.version())) {
            plan.put("unverifiedSource", UnverifiedSource.REGULATION_CHANGED.name());
            return plan;
        }
        PlanProjection.Result again;
        try {
            again = costing.cost(request(id), actor, namedLists.getObject().stored(id, actor.scope())).result();
        } catch (InvalidInputException e) {
            plan.put("unverifiedSource", UnverifiedSource.NOT_COSTED_AGAIN.name());
            return plan;
        }
        List<PlanProjection.UnverifiedValue> values = new ArrayList<>();
        List<Map<String, Object>> months = (List<Map<String, Object>>) plan.get("months");
        Map<String, List<String>> byMonth = new LinkedHashMap<>();
        for (Map<String, Object> m : months) {
            byMonth.put((String) m.get("month"), new ArrayList<>());
        }
        for (PlanProjection.UnverifiedValue u : again.unverified()) {
            List<java.time.YearMonth> used = u.months().stream().filter(month -> months.stream().anyMatch(m ->
                    month.toString().equals(m.get("month")) && u.affects().stream().anyMatch(p -> {
                        Object amount = ((Map<String, Object>) m.get("byProgram")).get(p.name());
                        return amount != null && new java.math.BigDecimal(amount.toString()).signum() > 0;
                    }))).toList();
            if (!used.isEmpty()) {
                values.add(new PlanProjection.UnverifiedValue(u.parameter(), u.from(), u.value(), u.projected(), u.affects(), used));
                used.forEach(month -> byMonth.get(month.toString()).add(u.parameter()));
            }
        }
        for (Map<String, Object> m : months) {
            m.put("unverified", byMonth.get((String) m.get("month")).stream().distinct().sorted().toList());
        }
        plan.put("unverified", views.unverified(values));
        plan.put("unverifiedSource", UnverifiedSource.COSTED_AGAIN.name());
        return plan;
    }

    /** Where a plan's {@code unverified} list comes from (docs/budget.md, "Unverified values"). */
    public enum UnverifiedSource {
        /** Listed when the plan was costed: the values its figures were computed with. */
        COSTED,
        /** Stored before plans listed them; costed again on read with the same regulation data (version) as its figures. */
        COSTED_AGAIN,
        /**
         * Stored before plans listed them, costed with regulation data that has changed since (another version): which
         * of its values were unverified then is not kept, so none are listed (null) rather than today's.
         */
        REGULATION_CHANGED,
        /** Stored before plans listed them, and its input no longer costs (its payer removed): none listed (null). */
        NOT_COSTED_AGAIN
    }

    /** A plan's summary in a list. */
    public record Summary(long id, String payer, String payerName, int year, String status, String name, Rupiah total,
                          long people, LocalDate referenceDate, List<String> projected, Boolean unverified) {

        /** A plan stored before plans listed unverified values, with the list {@link #get} computes on read. */
        Summary withUnverified(Object list) {
            return new Summary(id, payer, payerName, year, status, name, total, people, referenceDate, projected,
                    list instanceof List<?> l ? !l.isEmpty() : null);
        }
    }

    /** Most plans a list shows (the page and the API); {@link #count} says how many there are. */
    public static final int LIST_LIMIT = 1000;

    /** Most plans one download holds. */
    public static final int MAX_DOWNLOAD = 100_000;

    /** The plans in scope, optionally of one payer and/or year, newest first: the first {@link #LIST_LIMIT}. */
    public List<Summary> list(String payerCode, Integer year, Actor actor) {
        return list(payerCode, year, actor, LIST_LIMIT);
    }

    /**
     * The API list's payer filter: a payer outside the caller's scope, or none of that code, is 404, as the bill list's
     * and the fine payments' payer filter is (docs/api-errors.md), not an empty list that reads as "no plans yet".
     */
    public void requirePayerInScope(String payerCode, Actor actor) {
        if (payerCode != null && !payerCode.isBlank()) {
            costing.payerInScope(payerCode, actor.scope());
        }
    }

    /**
     * Every plan {@link #list} selects, for a download; more than {@link #MAX_DOWNLOAD} is the {@code TOO_MANY_ROWS}
     * error on {@code year}.
     */
    public List<Summary> all(String payerCode, Integer year, Actor actor) {
        List<Summary> all = list(payerCode, year, actor, MAX_DOWNLOAD + 1);
        if (all.size() > MAX_DOWNLOAD) {
            throw new InvalidInputException("year", "TOO_MANY_ROWS", "more than " + MAX_DOWNLOAD
                    + " plans: choose a year");
        }
        return all;
    }

    /** How many plans {@link #list} selects, beyond the ones it shows. */
    public long count(String payerCode, Integer year, Actor actor) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(payerCode, year, actor, params);
        return jdbc.sql("select count(*) from budget_plan p" + where).params(params).query(Long.class).single();
    }

    private List<Summary> list(String payerCode, Integer year, Actor actor, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(payerCode, year, actor, params);
        params.put("limit", limit);
        return jdbc.sql("""
                select p.id, p.payer_code, r.name, p.year, p.status, p.name, p.total, p.people, p.reference_date,
                       p.result -> 'projected',
                       -- a figure computed from an unverified value; null for a plan stored before plans listed them
                       jsonb_array_length(p.result -> 'unverified') > 0
                from budget_plan p join registry_payer r on r.id = p.payer_id""" + where
                        + " order by p.year desc, p.payer_code, p.id desc limit :limit").params(params)
                .query((rs, n) -> new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6), Rupiah.of(rs.getBigDecimal(7)), rs.getLong(8), rs.getDate(9).toLocalDate(),
                        views.projectedList(rs.getString(10)), rs.getObject(11, Boolean.class)))
                // a plan stored before plans listed their unverified values gets its list when opened (get), costed
                // again; a list of up to 1,000 plans does not cost each such plan again on every request: its flag stays
                // empty ("stored before the list") here and in the list's download
                .list();
    }

    /** The lists' condition: the caller's scope first, then the payer and the year asked. */
    private static String where(String payerCode, Integer year, Actor actor, Map<String, Object> params) {
        RegionScope scope = actor.scope();
        StringBuilder where = new StringBuilder(" where p.region_code >= :lo and p.region_code < :hi");
        params.put("lo", scope.lo());
        params.put("hi", scope.hi());
        if (payerCode != null && !payerCode.isBlank()) {
            where.append(" and p.payer_code = :payer");
            params.put("payer", payerCode.strip().toUpperCase(Locale.ROOT));
        }
        if (year != null) {
            where.append(" and p.year = :year");
            params.put("year", year);
        }
        return where.toString();
    }

    /** Marks a plan FINAL (the figures it holds are the ones approved). */
    @Transactional
    public Map<String, Object> finalise(long id, Actor actor) {
        requireWriter(actor);
        Map<String, Object> plan = get(id, actor);
        if ("FINAL".equals(plan.get("status"))) {
            return plan;
        }
        int changed = jdbc.sql("update budget_plan set status = 'FINAL', updated_at = now() where id = ? and status = 'DRAFT'")
                .param(id).update();
        if (changed == 0) {
            // marked FINAL by another request meanwhile: recorded once, by that request
            return get(id, actor);
        }
        audit.record("UPDATE", "budget_plan", Long.toString(id), (String) plan.get("regionCode"), Map.of("status", "DRAFT"),
                Map.of("status", "FINAL"));
        return get(id, actor);
    }

    /**
     * The input a stored plan was created from (payer, year, reference date, its cohorts as checked), for costing it
     * again; the plan must be in scope (checked by the caller through {@link #get}).
     */
    PlanRequest request(long id) {
        record Row(String payer, int year, LocalDate reference, String name) {}
        Row row = jdbc.sql("select payer_code, year, reference_date, name from budget_plan where id = ?").param(id)
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getDate(3).toLocalDate(), rs.getString(4))).single();
        // a wage that was the category's default (the snapshot's cohort names it) is left to default again, so the plan
        // costed again still names it when the regulation data does not settle it
        List<PlanRequest.CohortInput> cohorts = jdbc.sql("""
                select c.category, c.segment, c.head_count,
                       case when p.result -> 'cohorts' -> c.position ->> 'wageDefault' is null then c.wage end,
                       c.programs, c.month_from, c.budget_line, c.joiners, c.leavers
                from budget_cohort c join budget_plan p on p.id = c.plan_id
                where c.plan_id = ? order by c.position""").param(id)
                .query((rs, n) -> new PlanRequest.CohortInput(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getBigDecimal(4), List.of((String[]) rs.getArray(5).getArray()),
                        rs.getDate(6).toLocalDate().format(DateTimeFormatter.ofPattern("yyyy-MM")), rs.getString(7),
                        rs.getLong(8), rs.getLong(9)))
                .list();
        return new PlanRequest(row.payer(), row.year(), row.reference().toString(), new ArrayList<>(cohorts), row.name());
    }

    /** Stores a DRAFT plan costed again (its named list changed): the snapshot, its total and people. */
    void update(long id, PlanCosting.Costed c, String name) {
        Map<String, Object> view = views.view(id, "DRAFT", name, c);
        jdbc.sql("""
                update budget_plan set result = cast(:result as jsonb), total = :total, people = :people, start_month = :start,
                       regulation_version = :version, updated_at = now()
                where id = :id""")
                .param("result", views.write(view)).param("total", c.result().total().toBigDecimal()).param("people", c.people())
                .param("start", Date.valueOf(c.startMonth().atDay(1))).param("version", catalog.version()).param("id", id)
                .update();
    }

    /** The plan's cohorts as checked, in the order given (the editor shows them back in that order). */
    void insertCohorts(long id, List<Cohort> cohorts) {
        int position = 0;
        for (Cohort k : cohorts) {
            jdbc.sql("""
                    insert into budget_cohort (plan_id, position, category, segment, head_count, wage, programs, month_from,
                                               budget_line, joiners, leavers)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, position++, k.category(), k.segment().name(), k.count(), k.wage().toBigDecimal(),
                            k.programs().stream().map(Enum::name).sorted().toArray(String[]::new), Date.valueOf(k.monthFrom().atDay(1)),
                            k.budgetLine(), k.joiners(), k.leavers())
                    .update();
        }
    }

    /** Refuses (403) a role that only reads: budget plans change only for the roles that change data. */
    public static void requireWriter(Actor actor) {
        if (actor.role() == null || !actor.role().canChangeData()) {
            throw new AccessDeniedException("Role " + actor.role() + " may not change budget plans");
        }
    }
}
