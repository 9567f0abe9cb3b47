package id.lindung.budget;

import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Programme;
import id.lindung.shared.Rupiah;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A costed plan as the API, the CLI, the pages and the documents show it, and as it is stored (the same object). */
@Component
class PlanViews {

    private final RegulationCatalog catalog;
    private final JsonMapper json;

    PlanViews(RegulationCatalog catalog, JsonMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    Map<String, Object> view(Long id, String status, String name, PlanCosting.Costed c) {
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
            mv.put("unverified", m.unverified());
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
        v.put("people", c.people());
        v.put("registeredPeople", c.members());
        v.put("plannedPeople", c.cohortPeople());
        v.put("listPeople", c.listPeople());
        v.put("officials", c.officials());
        // the regency view asks whether a FINAL plan covers both its kepala desa and its perangkat desa
        v.put("officialsByCategory", new LinkedHashMap<>(c.officialsByCategory()));
        List<Map<String, Object>> cohorts = new ArrayList<>();
        for (Cohort k : c.cohorts()) {
            Map<String, Object> kv = new LinkedHashMap<>();
            kv.put("category", k.category());
            kv.put("segment", k.segment().name());
            kv.put("count", k.count());
            kv.put("wage", k.wage().toNumber());
            // the regulation value the wage defaulted to (null: the wage was given); costing the plan again defaults it again
            kv.put("wageDefault", k.wageDefault() == null ? null : k.wageDefault().parameter());
            kv.put("programs", k.programs().stream().sorted().map(Enum::name).toList());
            kv.put("monthFrom", k.monthFrom().toString());
            kv.put("budgetLine", k.budgetLine());
            kv.put("joiners", k.joiners());
            kv.put("leavers", k.leavers());
            kv.put("people", k.people());
            cohorts.add(kv);
        }
        v.put("cohorts", cohorts);
        if (c.list() != null) {
            Map<String, Object> lv = new LinkedHashMap<>();
            lv.put("fileName", c.list().fileName());
            lv.put("people", c.list().people());
            lv.put("costed", c.list().costed());
            lv.put("alreadyMembers", c.list().alreadyMembers());
            v.put("namedList", lv);
        } else {
            v.put("namedList", null);
        }
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
        // every figure computed from a value the regulation data marks unverified is named here (docs/budget.md)
        v.put("unverified", unverified(r.unverified()));
        v.put("unverifiedSource", BudgetPlans.UnverifiedSource.COSTED.name());
        v.put("assumptions", c.assumptions());
        v.put("regulationVersion", catalog.version());
        return v;
    }

    /**
     * Unverified values as every budget result lists them (a plan, a what-if, a prioritisation): {@code parameter},
     * {@code description}, {@code from}, {@code value}, {@code projected}, {@code affects}, {@code months}.
     */
    List<Map<String, Object>> unverified(List<PlanProjection.UnverifiedValue> values) {
        List<Map<String, Object>> unverified = new ArrayList<>();
        for (PlanProjection.UnverifiedValue u : values) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("parameter", u.parameter());
            x.put("description", catalog.has(u.parameter()) ? catalog.parameter(u.parameter()).description(Locale.ENGLISH) : null);
            x.put("from", u.from() == null ? null : u.from().toString());
            x.put("value", u.value());
            x.put("projected", u.projected());
            x.put("affects", u.affects().stream().map(Enum::name).toList());
            x.put("months", u.months().stream().map(YearMonth::toString).toList());
            unverified.add(x);
        }
        return unverified;
    }

    String write(Map<String, Object> view) {
        return json.writeValueAsString(view);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> stored(long id, String status, String name, String result) {
        // amounts with sen stay exact: floats are read as BigDecimal, never double
        Map<String, Object> v = json.readerFor(LinkedHashMap.class)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readValue(result);
        v.put("id", id);
        v.put("status", status);
        v.put("name", name);
        return v;
    }

    @SuppressWarnings("unchecked")
    List<String> projectedList(String text) {
        return text == null ? List.of() : json.readValue(text, List.class);
    }

    private static Map<String, Object> byProgram(Map<Programme, Rupiah> amounts) {
        Map<String, Object> m = new LinkedHashMap<>();
        amounts.forEach((p, a) -> m.put(p.name(), a.toNumber()));
        return m;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
