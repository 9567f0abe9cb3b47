package id.lindung.budget;

import id.lindung.access.Actor;
import id.lindung.access.RegionScope;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.shared.Rupiah;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Plans side by side: scenarios of one payer and year, and a regency's view of its villages' plans with the desa that
 * have no FINAL plan covering their kepala desa and perangkat yet. Scoped in SQL like every read.
 */
@Service
public class PlanOverviews {

    private final JdbcClient jdbc;
    private final id.lindung.access.RegionDirectory regions;
    private final BudgetPlans plans;
    private final AreaWorkforce workforce;

    PlanOverviews(JdbcClient jdbc, BudgetPlans plans, AreaWorkforce workforce, id.lindung.access.RegionDirectory regions) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.workforce = workforce;
        this.regions = regions;
    }

    /** Two or more plans of the same payer and year: cost, people and the coverage ratio each reaches. */
    public Map<String, Object> compare(List<Long> ids, Actor actor) {
        if (ids == null || ids.size() < 2) {
            throw new InvalidInputException("ids", "TOO_FEW_SCENARIOS", "Compare at least two plans: ids=1,2");
        }
        List<Map<String, Object>> found = new ArrayList<>();
        for (long id : ids.stream().distinct().toList()) {
            found.add(plans.get(id, actor));
        }
        // a plan named twice (ids=1,1) is one plan: it answered a comparison of one scenario. Checked once the plans are
        // read, so a plan outside the caller's area named twice stays 404, as any id guessed
        if (found.size() < 2) {
            throw new InvalidInputException("ids", "TOO_FEW_SCENARIOS", "Compare at least two plans: ids=1,2");
        }
        Map<String, Object> first = found.get(0);
        for (Map<String, Object> p : found) {
            if (!Objects.equals(p.get("payer"), first.get("payer")) || !Objects.equals(p.get("year"), first.get("year"))) {
                throw InvalidInputException.refused("ids", "SCENARIOS_DIFFER",
                        "Scenarios compare plans of one payer and one year; " + p.get("id") + " is " + p.get("payer") + " " + p.get("year"));
            }
        }
        Long potential = workforce.of((String) first.get("regionCode")).orElse(null);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> p : found) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", p.get("id"));
            r.put("name", p.get("name"));
            r.put("status", p.get("status"));
            r.put("total", p.get("total"));
            r.put("payerShare", p.get("payerShare"));
            r.put("workerShare", p.get("workerShare"));
            r.put("byProgram", p.get("byProgram"));
            r.put("people", p.get("people"));
            r.put("coverageRatio", ratio(((Number) p.get("people")).longValue(), potential));
            r.put("projected", p.get("projected"));
            rows.add(r);
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("payer", first.get("payer"));
        v.put("payerName", first.get("payerName"));
        v.put("regionCode", first.get("regionCode"));
        v.put("year", first.get("year"));
        v.put("potentialWorkforce", potential);
        v.put("scenarios", rows);
        return v;
    }

    /**
     * A regency's (or any area's) plans of a year: per desa its FINAL plan, else its latest plan, summed; and the desa with
     * no FINAL plan that covers village officials (kepala desa and perangkat desa) yet. A year no plan may have (before
     * 2015, more than two years ahead) is refused with the plan's own codes.
     */
    public Map<String, Object> regency(String code, int year, Actor actor) {
        return regency(code, year, actor, LISTED_ON_PAGE);
    }

    /** The desa a page lists without a final plan (the count says how many there are in all). */
    static final int LISTED_ON_PAGE = 1000;
    /** More than the country's desa (about 75,000): a download lists them all. */
    public static final int LISTED_IN_DOWNLOAD = 100_000;

    /** {@link #regency(String, int, Actor)} listing at most {@code listed} desa without a final plan. */
    public Map<String, Object> regency(String code, int year, Actor actor, int listed) {
        List<InputProblem> yearProblems = PlanRules.year(year, plans.today());
        if (!yearProblems.isEmpty()) {
            throw InvalidInputException.refused(yearProblems);
        }
        id.lindung.platform.TextRules.controlCharacter("code", code).ifPresent(p -> {
            throw new InvalidInputException(p.field(), p.code(), p.message()); // "64.02%1F" was read as 64.02
        });
        RegionScope area;
        try {
            area = RegionScope.of(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("code", "REGION_INVALID", "Not a region code: " + InputProblem.shown(code));
        }
        // a well-formed code that is no region (64.02.99) is not found either, as outside the scope: it answered a region of
        // zeros, where every other region address answers 404 (attacker review, 7 December 2026)
        if (!actor.scope().covers(area) || (!area.isNational() && !regions.known(area.code()))) {
            throw new NotFoundException("Region " + area.code() + " not found");
        }
        Map<String, Object> sums = jdbc.sql("""
                with chosen as (
                    select distinct on (p.payer_id) p.id, p.total, p.people, p.status, p.result
                    from budget_plan p
                    where p.payer_kind = 'APBDES' and p.year = :year and p.region_code >= :lo and p.region_code < :hi
                    order by p.payer_id, (p.status = 'FINAL') desc, p.id desc)
                select count(*) as plans, count(*) filter (where status = 'FINAL') as final_plans,
                       coalesce(sum(total), 0) as total, coalesce(sum(people), 0) as people,
                       coalesce(sum((result -> 'byProgram' ->> 'JKK')::numeric), 0) as jkk,
                       coalesce(sum((result -> 'byProgram' ->> 'JKM')::numeric), 0) as jkm,
                       coalesce(sum((result -> 'byProgram' ->> 'JHT')::numeric), 0) as jht,
                       coalesce(sum((result -> 'byProgram' ->> 'JP')::numeric), 0) as jp
                from chosen""")
                .param("year", year).param("lo", area.lo()).param("hi", area.hi())
                .query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("plans", rs.getLong("plans"));
                    m.put("finalPlans", rs.getLong("final_plans"));
                    // money as a JSON number, as every other amount of the budget API (it was a string here)
                    m.put("total", Rupiah.of(rs.getBigDecimal("total")).toNumber());
                    m.put("people", rs.getLong("people"));
                    Map<String, Object> byProgram = new LinkedHashMap<>();
                    for (String p : List.of("JKK", "JKM", "JHT", "JP")) {
                        byProgram.put(p, Rupiah.of(rs.getBigDecimal(p.toLowerCase())).toNumber());
                    }
                    m.put("byProgram", byProgram);
                    return m;
                }).single();
        long desa = jdbc.sql("""
                select count(*) from region_area r
                where r.level = 'VILLAGE' and r.kind = 'DESA' and r.active and r.code >= :lo and r.code < :hi""")
                .param("lo", area.lo()).param("hi", area.hi()).query(Long.class).single();
        List<Map<String, Object>> missing = jdbc.sql("""
                select r.code, r.name from region_area r
                where r.level = 'VILLAGE' and r.kind = 'DESA' and r.active and r.code >= :lo and r.code < :hi
                  and not exists (select 1 from budget_plan p
                                  where p.payer_kind = 'APBDES' and p.region_code = r.code and p.year = :year
                                    and p.status = 'FINAL' and %s)
                order by r.code limit :listed""".formatted(COVERS_OFFICIALS))
                .param("lo", area.lo()).param("hi", area.hi()).param("year", year).param("listed", listed)
                .query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("code", rs.getString(1));
                    m.put("name", rs.getString(2));
                    return m;
                }).list();
        long withoutFinal = jdbc.sql("""
                select count(*) from region_area r
                where r.level = 'VILLAGE' and r.kind = 'DESA' and r.active and r.code >= :lo and r.code < :hi
                  and not exists (select 1 from budget_plan p
                                  where p.payer_kind = 'APBDES' and p.region_code = r.code and p.year = :year
                                    and p.status = 'FINAL' and %s)""".formatted(COVERS_OFFICIALS))
                .param("lo", area.lo()).param("hi", area.hi()).param("year", year).query(Long.class).single();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("code", area.code());
        v.put("year", year);
        v.put("desa", desa);
        v.putAll(sums);
        v.put("desaWithoutFinalPlanForOfficials", withoutFinal);
        v.put("withoutFinalPlan", missing);
        return v;
    }

    /**
     * A FINAL plan covers its desa's officials when it holds a kepala desa and a perangkat desa; a plan stored before it
     * counted them by category (no {@code officialsByCategory}) when it holds any official.
     */
    private static final String COVERS_OFFICIALS = """
            case when p.result -> 'officialsByCategory' is not null
                 then coalesce((p.result -> 'officialsByCategory' ->> 'KEPALA_DESA')::bigint, 0) > 0
                  and coalesce((p.result -> 'officialsByCategory' ->> 'PERANGKAT_DESA')::bigint, 0) > 0
                 else coalesce((p.result ->> 'officials')::bigint, 0) > 0 end""";

    static BigDecimal ratio(long people, Long potential) {
        return potential == null || potential <= 0 ? null
                : BigDecimal.valueOf(people).divide(BigDecimal.valueOf(potential), 4, RoundingMode.HALF_UP);
    }
}
