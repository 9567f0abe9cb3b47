package id.lindung.billing;

import id.lindung.regulation.DatedValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.springframework.context.MessageSource;

/**
 * The regulation references of one bill as numbered footnotes: each regulation (with its article) once, numbered in
 * order of first use, so a bill cites "PP 44/2015 Lampiran I" instead of parameter ids and source ids per line.
 */
final class BillCitations {

    private final MonthRules rules;
    private final MessageSource messages;
    private final id.lindung.platform.Citations regulationTexts;
    private final Locale locale;
    private final Map<String, Integer> numbers = new LinkedHashMap<>();

    BillCitations(MonthRules rules, MessageSource messages, id.lindung.platform.Citations regulationTexts, Locale locale) {
        this.rules = rules;
        this.messages = messages;
        this.regulationTexts = regulationTexts;
        this.locale = locale;
    }

    /** The footnote numbers ("1,2") of the values behind a programme's rates for a segment (PU or BPU). */
    String forProgram(String program, String segment) {
        String prefix = segment.toLowerCase(Locale.ROOT) + "." + program.toLowerCase(Locale.ROOT) + ".";
        boolean banded = "BPU".equals(segment) && !"JKM".equals(program);
        return markers(p -> p.startsWith(prefix) && !p.contains("labourIntensive") && !p.startsWith("pu.jkp.")
                || banded && p.startsWith("bpu.income."));
    }

    /** The footnote numbers of a segment's due date ({@code pu.due.*}, {@code due.nonWorkingDay}). */
    String forDueDate(String segment) {
        String prefix = segment.toLowerCase(Locale.ROOT) + ".due.";
        return markers(p -> p.startsWith(prefix) || p.equals("due.nonWorkingDay"));
    }

    /** The footnote numbers of a segment's late fine. */
    String forFine(String segment) {
        String id = segment.toLowerCase(Locale.ROOT) + ".fine.monthlyRate";
        return markers(p -> p.equals(id));
    }

    /** The footnotes in order: number and citation, e.g. {@code 1 -> "PP 44/2015 Lampiran I"}. */
    List<Map.Entry<Integer, String>> footnotes() {
        List<Map.Entry<Integer, String>> list = new ArrayList<>();
        numbers.forEach((citation, n) -> list.add(Map.entry(n, citation)));
        return list;
    }

    private String markers(Predicate<String> parameter) {
        TreeSet<Integer> used = new TreeSet<>();
        rules.values().values().stream()
                .filter(v -> parameter.test(v.parameter()))
                .sorted(java.util.Comparator.comparing(DatedValue::parameter))
                .forEach(v -> used.add(numbers.computeIfAbsent(citation(v), c -> numbers.size() + 1)));
        StringJoiner joined = new StringJoiner(",");
        used.forEach(n -> joined.add(Integer.toString(n)));
        return joined.toString();
    }

    /** "PP 46/2015 sebagaimana diubah dengan PP 60/2015", with "(belum terverifikasi)" where the sources do not settle it. */
    private String citation(DatedValue v) {
        var r = v.reference();
        String text = regulationTexts.regulation(r.regulation(), locale) + (r.article() == null ? "" : " " + r.article());
        return r.verified() ? text : text + " " + messages.getMessage("billing.doc.unverified", null, locale);
    }
}
