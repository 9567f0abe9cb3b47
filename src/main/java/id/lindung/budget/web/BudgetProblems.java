package id.lindung.budget.web;

import id.lindung.platform.InputProblem;
import id.lindung.platform.ProblemLanguage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;

/**
 * A refused input's problems as the budget pages show them: each code's sentence in the page's language
 * ({@link #text}: the values of the module's message kept), placed at the field it
 * names ({@link #at}) or above the form ({@link #other}). The code stays in the tooltip, as the API gives it.
 *
 * @param at    the text of each field's problems, by field name as the module names it ({@code cohorts[2].wage})
 * @param other problems about no field of the form
 */
record BudgetProblems(Map<String, String> at, List<Shown> other) {

    record Shown(String code, String text) {}

    private static final Pattern COHORT = Pattern.compile("^cohorts\\[(\\d+)](.*)$");

    static BudgetProblems none() {
        return new BudgetProblems(Map.of(), List.of());
    }

    public boolean isEmpty() {
        return at.isEmpty() && other.isEmpty();
    }

    /** The problem text of a field, or null. */
    public String of(String field) {
        return at.get(field);
    }

    /** The module's problems with its cohort index turned into the form's row (rows left blank are not sent). */
    static List<InputProblem> toRows(List<InputProblem> problems, List<Integer> rowOf) {
        List<InputProblem> out = new ArrayList<>();
        for (InputProblem p : problems) {
            Matcher m = COHORT.matcher(p.field() == null ? "" : p.field());
            if (m.matches() && Integer.parseInt(m.group(1)) < rowOf.size()) {
                out.add(new InputProblem(p.line(), "cohorts[" + rowOf.get(Integer.parseInt(m.group(1))) + "]" + m.group(2), p.code(),
                        p.message()));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** @param fields the fields the form shows */
    static BudgetProblems of(List<InputProblem> problems, Set<String> fields, MessageSource messages, ProblemLanguage language,
                             Locale locale) {
        Map<String, String> at = new LinkedHashMap<>();
        List<Shown> other = new ArrayList<>();
        for (InputProblem p : problems) {
            String field = p.field() == null ? "" : p.field();
            String text = text(p, language, locale);
            if (fields.contains(field)) {
                at.merge(field, text, (a, b) -> a.equals(b) ? a : a + " " + b);
            } else if (p.line() > 0) {
                // a row of a named list: its line, as the upload's problems are shown
                other.add(new Shown(p.code(), messages.getMessage("budget.list.line", new Object[] {p.line()}, locale) + " · " + text));
            } else {
                other.add(new Shown(p.code(), text));
            }
        }
        return new BudgetProblems(at, other);
    }

    /**
     * The budget's sentence ({@code budget.code.*}) when it names the values the module's message names, else the
     * registry's or the API's sentence with those values ({@link ProblemLanguage#onPage}), else the message.
     */
    static String text(InputProblem p, ProblemLanguage language, Locale locale) {
        return language.onPage(p, locale, List.of("budget.code."));
    }
}
