package id.lindung.claim.web;

import id.lindung.platform.InputProblem;
import id.lindung.platform.ProblemLanguage;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;

/**
 * A refused input's problem as a person reads it on a claim page: the code's sentence and the field's label in the
 * page's language ("Tanggal lahir anak 2"), with the module's own message kept as the tooltip. The claim's sentence
 * ({@code claim.code.*}) when it names the values the message names, else the registry's ({@code problem.*}: NIK and
 * name checks) or the API's sentence with those values ({@link ProblemLanguage#onPage}), else that message.
 */
record ProblemText(String text, String message) {

    /** "children[1].birthDate": a field of the second row of a list. */
    private static final Pattern ROW = Pattern.compile("^(\\w+)\\[(\\d+)]\\.(\\w+)$");

    static List<ProblemText> of(List<InputProblem> problems, MessageSource messages, ProblemLanguage language, Locale locale) {
        return problems.stream().map(p -> of(p, messages, language, locale)).toList();
    }

    static ProblemText of(InputProblem p, MessageSource messages, ProblemLanguage language, Locale locale) {
        String sentence = language.onPage(p, locale, List.of("claim.code."));
        String field = label(p.field(), messages, locale);
        return new ProblemText(field == null ? sentence : field + ": " + sentence, p.message());
    }

    private static String label(String field, MessageSource messages, Locale locale) {
        if (field == null || field.isBlank()) {
            return null;
        }
        Matcher row = ROW.matcher(field);
        if (row.matches()) {
            String label = messages.getMessage("claim.field." + row.group(1) + "." + row.group(3), null, null, locale);
            return label == null ? null : label + " " + (Integer.parseInt(row.group(2)) + 1);
        }
        return messages.getMessage("claim.field." + field, null, null, locale);
    }
}
