package id.lindung.budget.web;

import id.lindung.budget.PlanRequest;
import id.lindung.platform.InputProblem;
import id.lindung.platform.MoneyField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * The plan editor's form as typed (so a refused form comes back as entered), its rows added or removed, and its
 * translation into the budget module's {@link PlanRequest}. Rows are posted as {@code cohorts[i].field}, the names the
 * module gives its problems, so a problem finds its field by name. A row with neither category nor count is left out.
 */
record PlanForm(String payer, String year, String referenceDate, String name, List<Row> rows) {

    static final List<String> PROGRAMS = List.of("JKK", "JKM", "JHT", "JP");
    static final List<String> ROW_FIELDS = List.of("category", "segment", "count", "wage", "programs", "monthFrom", "joiners",
            "leavers");
    static final List<String> TOP_FIELDS = List.of("payer", "year", "referenceDate", "name");

    record Row(String category, String segment, String count, String wage, List<String> programs, String monthFrom, String joiners,
               String leavers) {
        static Row empty() {
            return new Row("", "", "", "", List.of("JKK", "JKM"), "", "", "");
        }

        public boolean blank() {
            return category.isBlank() && count.isBlank();
        }

        public boolean has(String program) {
            return programs.contains(program);
        }
    }

    static PlanForm blank(String payer, int year) {
        return new PlanForm(payer == null ? "" : payer, Integer.toString(year), "", "", List.of(Row.empty()));
    }

    /** The form of a stored plan (its inputs as the plan keeps them), for editing a draft. */
    @SuppressWarnings("unchecked")
    static PlanForm ofPlan(Map<String, Object> plan) {
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) plan.get("cohorts")) {
            String month = String.valueOf(c.get("monthFrom"));
            rows.add(new Row(text(c.get("category")), text(c.get("segment")), text(c.get("count")),
                    // a wage that was the category's default stays empty, so the edited plan defaults it (and names it) again
                    c.get("wage") == null || c.get("wageDefault") != null ? ""
                            : new BigDecimal(c.get("wage").toString()).stripTrailingZeros().toPlainString(),
                    (List<String>) c.get("programs"), month, zeroBlank(c.get("joiners")), zeroBlank(c.get("leavers"))));
        }
        return new PlanForm(text(plan.get("payer")), text(plan.get("year")), text(plan.get("referenceDate")), text(plan.get("name")), rows);
    }

    /** The form as posted; {@code op} {@code add} adds an empty row, {@code remove:i} removes row i. */
    static PlanForm of(MultiValueMap<String, String> p) {
        int count = 0;
        try {
            count = Math.min(200, Math.max(0, Integer.parseInt(first(p, "rowCount").strip())));
        } catch (NumberFormatException e) {
            // no count posted: as many rows as the form has
            while (p.containsKey("cohorts[" + count + "].category")) {
                count++;
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String at = "cohorts[" + i + "].";
            List<String> programs = p.getOrDefault(at + "programs", List.of());
            rows.add(new Row(first(p, at + "category"), first(p, at + "segment"), first(p, at + "count"), first(p, at + "wage"),
                    programs.stream().filter(PROGRAMS::contains).distinct().toList(), first(p, at + "monthFrom"),
                    first(p, at + "joiners"), first(p, at + "leavers")));
        }
        PlanForm form = new PlanForm(first(p, "payer"), first(p, "year"), first(p, "referenceDate"), first(p, "name"), rows);
        String op = first(p, "op");
        if (op.equals("add")) {
            List<Row> more = new ArrayList<>(rows);
            more.add(Row.empty());
            return form.with(more);
        }
        if (op.startsWith("remove:")) {
            try {
                int index = Integer.parseInt(op.substring(7));
                List<Row> fewer = new ArrayList<>(rows);
                if (index >= 0 && index < fewer.size()) {
                    fewer.remove(index);
                }
                return form.with(fewer);
            } catch (NumberFormatException e) {
                return form;
            }
        }
        return form;
    }

    private PlanForm with(List<Row> newRows) {
        return new PlanForm(payer, year, referenceDate, name, List.copyOf(newRows));
    }

    /** The module's request, with the problems of text that is no number; {@code rowOf} maps a request index to its row. */
    PlanRequest toRequest(List<InputProblem> problems, List<Integer> rowOf) {
        Integer y = null;
        if (!year.isBlank()) {
            try {
                y = Integer.valueOf(year.strip());
            } catch (NumberFormatException e) {
                problems.add(InputProblem.of("year", "INVALID_NUMBER", "year is not a number"));
            }
        }
        List<PlanRequest.CohortInput> cohorts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.blank()) {
                continue;
            }
            String at = "cohorts[" + i + "].";
            Long count = null;
            if (!r.count().isBlank()) {
                try {
                    count = Long.valueOf(r.count().strip());
                } catch (NumberFormatException e) {
                    problems.add(InputProblem.of(at + "count", "INVALID_NUMBER", "count is not a whole number"));
                }
            }
            BigDecimal wage = MoneyField.read(at + "wage", r.wage(), "INVALID_NUMBER", "INVALID_AMOUNT", problems);
            Long joiners = whole(at + "joiners", r.joiners(), problems);
            Long leavers = whole(at + "leavers", r.leavers(), problems);
            rowOf.add(i);
            cohorts.add(new PlanRequest.CohortInput(blankToNull(r.category()), blankToNull(r.segment()), count, wage, r.programs(),
                    blankToNull(r.monthFrom()), null, joiners, leavers));
        }
        return new PlanRequest(blankToNull(payer), y, blankToNull(referenceDate), cohorts, blankToNull(name));
    }

    /** Every field a problem can be shown at, as the ids of their error slots. */
    List<String> slots() {
        List<String> slots = new ArrayList<>(TOP_FIELDS);
        for (int i = 0; i < rows.size(); i++) {
            for (String f : ROW_FIELDS) {
                slots.add("cohorts[" + i + "]." + f);
            }
        }
        return slots;
    }

    private static Long whole(String field, String text, List<InputProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            problems.add(InputProblem.of(field, "INVALID_NUMBER", field + " is not a whole number"));
            return null;
        }
    }

    private static String zeroBlank(Object o) {
        return o == null || "0".equals(o.toString()) ? "" : o.toString();
    }

    private static String first(MultiValueMap<String, String> p, String name) {
        String v = p.getFirst(name);
        return v == null ? "" : v;
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
