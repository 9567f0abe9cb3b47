package id.lindung.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * An API problem in the client's language (docs/api-errors.md, "Language"): Indonesian unless the client asks for English
 * ({@code Accept-Language: en}, {@code ?lang=en}). The sentences are written in English where the problem is made, naming
 * the value at fault; in Indonesian each {@code message} and the {@code detail} become the code's sentence from the
 * message bundles ({@code api.problem.<CODE>}, else the pages' {@code problem.<CODE>}), with the accepted values kept;
 * a code with no Indonesian sentence yet keeps its English one. {@code code}, {@code field} and {@code line} never change.
 */
@RestControllerAdvice
public class ProblemLanguage implements ResponseBodyAdvice<Object> {

    /** A property naming the bundle key of the problem's own sentence ({@link NotFoundException#messageKey()}); never sent. */
    static final String MESSAGE_KEY = ProblemLanguage.class.getName() + ".messageKey";
    private static final String ACCEPTED = "; expected one of ";
    private static final String EXPECTED = "; expected ";
    /** The quotes' way of naming the accepted values: {@code segment 'XX' is not one of [PU, BPU]}. */
    private static final java.util.regex.Pattern NOT_ONE_OF = java.util.regex.Pattern.compile(" is not one of \\[([^\\]]*)\\]");

    private final MessageSource messages;

    public ProblemLanguage(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            translate(problem, LocaleContextHolder.getLocale());
        } else if (body instanceof Warned<?> warned) {
            return warnedIn(warned, LocaleContextHolder.getLocale());
        }
        return body;
    }

    /** The answer with its warnings in {@code locale}: unchanged in English, the language they are written in. */
    <T extends Warned<T>> T warnedIn(Warned<T> answer, Locale locale) {
        @SuppressWarnings("unchecked")
        T same = (T) answer;
        if ("en".equals(locale.getLanguage())) {
            return same;
        }
        T answered = answer.warnings() == null || answer.warnings().isEmpty() ? same : answer.withWarnings(in(answer.warnings(), locale));
        return answered.rejections() == null || answered.rejections().isEmpty() ? answered
                : answered.withRejections(in(answered.rejections(), locale));
    }

    private List<InputProblem> in(List<InputProblem> problems, Locale locale) {
        return problems.stream().map(w -> new InputProblem(w.line(), w.field(), w.code(), text(w.code(), w.message(), locale))).toList();
    }

    /** The problem's texts in {@code locale}: unchanged in English, the language they are written in. */
    void translate(ProblemDetail problem, Locale locale) {
        if (problem.getProperties() == null) {
            return;
        }
        if (problem.getProperties().remove(MESSAGE_KEY) instanceof String key) {
            problem.setDetail(messages.getMessage(key, null, problem.getDetail(), locale));
            return;
        }
        if ("en".equals(locale.getLanguage())) {
            return;
        }
        Object errors = problem.getProperties().get("errors");
        List<InputProblem> translated = new ArrayList<>();
        if (errors instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof InputProblem p) {
                    translated.add(new InputProblem(p.line(), p.field(), p.code(), text(p.code(), p.message(), locale)));
                }
            }
            if (translated.size() == list.size()) {
                problem.setProperty("errors", translated);
            }
        }
        if (!translated.isEmpty()) {
            InputProblem first = translated.get(0);
            String more = translated.size() == 1 ? "" : " " + messages.getMessage("api.problem.more",
                    new Object[] {translated.size() - 1}, locale);
            // the file's row, as the English detail names it ("line 5: ..."), so a client finds the row in either language
            String line = first.line() > 0 ? messages.getMessage("api.problem.line", new Object[] {String.valueOf(first.line())}, locale) + " " : "";
            problem.setDetail(line + (first.field() == null || first.field().isEmpty() ? "" : first.field() + ": ") + first.message() + more);
        } else if (problem.getProperties().get("code") instanceof String code) {
            problem.setDetail(text(code, problem.getDetail(), locale));
        }
    }

    /**
     * The code's sentence in {@code locale}, carrying every specific value of the English sentence (the amount, date,
     * month, code or value echoed): the API's sentence ({@code api.problem.<CODE>}) may place the English sentence's values
     * by position ({@code {0}}, {@code {1}} ..., {@link #values}; an amount as {@code Rp {2,number,#,##0.##}}, which reads
     * {@code Rp 1.030.388}); a value no placeholder took is named after the sentence. A sentence whose placeholders the
     * English sentence cannot fill gives way to the pages' sentence ({@code problem.<CODE>}); with neither, the English one.
     */
    private String text(String code, String english, Locale locale) {
        List<String> values = values(english);
        for (String key : keys(code, english, values)) {
            if (SHAPED.matcher(key).matches() && "en".equals(locale.getLanguage())) {
                // the shape is words of the English sentence, not a sentence of its own: a page in English shows the
                // sentence written where the problem was made, which names its values, not the code's general one
                return asSentence(english);
            }
            String sentence = messages.getMessage(key, null, null, locale);
            if (sentence == null) {
                continue;
            }
            java.util.Set<Integer> placed = placeholders(sentence);
            if (!placed.isEmpty()) {
                Object[] arguments = arguments(sentence, values);
                if (arguments == null) {
                    continue;
                }
                sentence = messages.getMessage(key, arguments, locale);
            }
            String accepted = accepted(english, locale);
            String text = accepted == null ? sentence : sentence + " " + accepted;
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                if (!placed.contains(i) && !text.contains(value) && !missing.contains(value)) {
                    missing.add(value);
                }
            }
            return missing.isEmpty() ? text
                    : text + " " + messages.getMessage("api.problem.values", new Object[] {String.join(", ", missing)}, locale);
        }
        return english;
    }

    /** A field's name as the code writes it at the start of a sentence: {@code incidentDate}, {@code cohorts[0].wage}. */
    private static final java.util.regex.Pattern FIELD_FIRST = java.util.regex.Pattern.compile(
            "^(?:[a-z]+(?:[A-Z][a-z0-9]*)+|[a-z]+\\[\\d+](?:\\.[a-zA-Z]+)+|[a-z]+\\.[a-zA-Z.]+)(?=\\s)");

    /**
     * An English sentence as a page shows it beside its field: "poverty decile must be 1 to 10" as "Poverty decile must
     * be 1 to 10.", and a field's name as the code writes it, which the page's label already says in words, as "The
     * value" ("incidentDate must be from ..." as "The value must be from ...").
     */
    static String asSentence(String english) {
        String s = FIELD_FIRST.matcher(english.strip()).replaceFirst("the value");
        if (s.isEmpty()) {
            return s;
        }
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return s.endsWith(".") || s.endsWith("?") || s.endsWith("!") ? s : s + ".";
    }

    /**
     * The keys of a code's sentence, the first found taken: the API's sentence for an English sentence of this shape
     * ({@code api.problem.<CODE>.<n>.<i>}, i from 1, taken when its English wording with the values in place is part of
     * the English sentence: a code written in several shapes with as many values, such as a range "must be from {0} to
     * {1}" and a limit "must be at most {0} with at most {1} decimals"), the API's sentence for an English sentence with
     * that many values ({@code api.problem.<CODE>.<n>}, for a code whose sentences differ in the values they name), the
     * API's sentence, the pages' ({@code problem.<CODE>}), then a claim's or the simulation's refusal, which the benefit
     * calculator's codes have.
     */
    private List<String> keys(String code, String english, List<String> values) {
        List<String> keys = new ArrayList<>();
        String counted = "api.problem." + code + "." + values.size();
        shapes(counted, english, values, keys);
        int before = values(head(english)).size();
        if (before != values.size()) {
            // the values before the tail the client's language names on its own (the accepted values, the kind expected):
            // "status 'OPEN' is not one of [A, B, C]" is the shape "{0} is not one of" however many values the list has
            shapes("api.problem." + code + "." + before, english, values, keys);
        }
        keys.addAll(List.of(counted, "api.problem." + code, "problem." + code, "claim.code." + code,
                "simulation.rejection." + code));
        return keys;
    }

    /** The shaped keys under {@code counted} ({@code api.problem.<CODE>.<n>}) whose English wording is part of the English sentence. */
    private void shapes(String counted, String english, List<String> values, List<String> keys) {
        for (int i = 1; ; i++) {
            String shape = messages.getMessage(counted + "." + i, null, null, Locale.ENGLISH);
            if (shape == null) {
                break;
            }
            String written = written(shape, values);
            if (english != null && written != null && english.contains(written)) {
                keys.add(counted + "." + i);
            }
        }
    }

    /**
     * The English sentence before the tail {@link #accepted} says in the client's language (the accepted values, the
     * kind of value expected, the field meant); the whole sentence when it has none.
     */
    static String head(String english) {
        if (english == null) {
            return null;
        }
        int end = english.length();
        for (String tail : List.of(ACCEPTED, EXPECTED, ApiExceptionHandler.DID_YOU_MEAN)) {
            int at = english.indexOf(tail);
            end = at >= 0 ? Math.min(end, at) : end;
        }
        java.util.regex.Matcher oneOf = NOT_ONE_OF.matcher(english);
        return english.substring(0, oneOf.find() ? Math.min(end, oneOf.start()) : end);
    }

    /** The key of a sentence for one shape of English sentence ({@code api.problem.<CODE>.<n>.<i>}). */
    private static final java.util.regex.Pattern SHAPED = java.util.regex.Pattern.compile("api\\.problem\\.[A-Z0-9_]+\\.\\d+\\.\\d+");

    /** An English sentence's shape with the values in place, each as written (null when it places more values than there are). */
    static String written(String shape, List<String> values) {
        java.util.Set<Integer> placed = placeholders(shape);
        if (!placed.isEmpty() && java.util.Collections.max(placed) >= values.size()) {
            return null;
        }
        return new java.text.MessageFormat(shape.replaceAll("\\{(\\d+),number[^}]*}", "{$1}"), Locale.ENGLISH).format(values.toArray());
    }

    /**
     * A refused input as a page shows it, in the page's language (docs/api-errors.md, "Language"): the page's own sentence
     * ({@code problem.<CODE>}, the error page's {@code refusal.<CODE>}) when it names every value the English sentence names in its own words (a limit, a date, an
     * amount), else the sentence the API answers with, which places or names them: a page never drops the limit the
     * English sentence gives ("Upah lebih dari 16 digit", not "Upah terlalu banyak digit"). A value only echoed in quotes
     * is in the form's field already. The English message when the code has no sentence.
     */
    public String onPage(InputProblem problem, Locale locale) {
        return onPage(problem, locale, List.of());
    }

    /** {@link #onPage(InputProblem, Locale, List)} of a stored refusal: its code and English sentence (a row of a job or batch). */
    public String onPage(String code, String english, Locale locale, List<String> ownPrefixes) {
        return onPage(new InputProblem(0, null, code, english), locale, ownPrefixes);
    }

    /**
     * {@link #onPage(InputProblem, Locale)} for a page with sentences of its own (a claim's {@code claim.code.}, the
     * budget's {@code budget.code.}, an import's {@code import.problem.}): the page's sentence first, under these key
     * prefixes in order, when it names every value the English sentence names; else as any page.
     */
    public String onPage(InputProblem problem, Locale locale, List<String> ownPrefixes) {
        List<String> named = values(problem.message()).stream().filter(v -> !v.startsWith("'")).toList();
        List<String> keys = new ArrayList<>();
        ownPrefixes.forEach(prefix -> keys.add(prefix + problem.code()));
        keys.add("problem." + problem.code());
        keys.add("refusal." + problem.code());
        for (String key : keys) {
            String own = messages.getMessage(key, null, null, locale);
            if (own != null && own.indexOf('{') < 0 && named.stream().allMatch(v -> namesWhole(own, v))) {
                return own;
            }
        }
        return text(problem.code(), problem.message(), locale);
    }

    /**
     * Whether a page's sentence names the value as a whole, not as a piece of another (the "0" of "page must be 0 or more"
     * is not the "0" of a decile's "1 sampai 10", which put the decile's sentence on a claim's cost of nothing).
     */
    static boolean namesWhole(String sentence, String value) {
        for (int at = sentence.indexOf(value); at >= 0; at = sentence.indexOf(value, at + 1)) {
            if (openBefore(sentence, at) && openAfter(sentence, at + value.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the value starting at {@code at} starts there: not "0" of "10", nor "64.02" of "APBDES:64.02". */
    private static boolean openBefore(String sentence, int at) {
        if (at == 0) {
            return true;
        }
        char c = sentence.charAt(at - 1);
        if (JOINERS.indexOf(c) >= 0) {
            return at == 1 || !Character.isLetterOrDigit(sentence.charAt(at - 2));
        }
        return !Character.isLetterOrDigit(c) && c != '_';
    }

    /** Whether the value ending at {@code end} ends there: not "1" of "10", "1.500" or "1-5", but "NIK" of "NIK:" and "10" of "10." */
    private static boolean openAfter(String sentence, int end) {
        if (end == sentence.length()) {
            return true;
        }
        char c = sentence.charAt(end);
        if (JOINERS.indexOf(c) >= 0) {
            return end + 1 == sentence.length() || !Character.isLetterOrDigit(sentence.charAt(end + 1));
        }
        return !Character.isLetterOrDigit(c) && c != '_';
    }

    /** Characters inside a value when letters or digits stand on both sides (an amount, a date, a code), punctuation otherwise. */
    private static final String JOINERS = ".,:/-";

    /**
     * A problem's sentence as the API answers it in {@code locale} (a download's or an answer's refusal beside its code,
     * the errors of {@code GET /api/v1/nik/{nik}}):
     * the English sentence in English, the code's sentence with the English one's values otherwise.
     */
    public String inLanguage(String code, String english, Locale locale) {
        return "en".equals(locale.getLanguage()) ? english : text(code, english, locale);
    }

    /**
     * The sentence under {@code key} for as many values as the English sentence names ({@code <key>.<n>}), those values
     * placed in it as the English sentence has them (a passed check's date and status, {@code claim.check.<CODE>.<n>});
     * null when the bundle has no such sentence or the values do not fit it.
     */
    public String placing(String key, String english, Locale locale) {
        List<String> values = values(english);
        String counted = key + "." + values.size();
        String sentence = values.isEmpty() ? null : messages.getMessage(counted, null, null, locale);
        Object[] arguments = sentence == null || placeholders(sentence).isEmpty() ? null : arguments(sentence, values);
        return arguments == null ? null : messages.getMessage(counted, arguments, locale);
    }

    /**
     * {@link #inLanguage(String, String, Locale)} for a problem written before any controller runs (the security filters'
     * 401 and 403): in the request's language by the rule every other answer follows (WebConfiguration#beforeDispatch).
     */
    public String inLanguage(String code, String english, jakarta.servlet.http.HttpServletRequest request) {
        return inLanguage(code, english, WebConfiguration.beforeDispatch(request));
    }

    /**
     * What the English sentence adds after its rule, in the client's language: the field an unknown field most likely
     * meant (UNKNOWN_FIELD's question), or the accepted values or kind of value; null when it names none.
     */
    private String accepted(String english, Locale locale) {
        int meant = english == null ? -1 : english.indexOf(ApiExceptionHandler.DID_YOU_MEAN);
        if (meant >= 0 && english.endsWith("`?")) {
            // the name kept, the question in the client's language
            return messages.getMessage("api.problem.didYouMean",
                    new Object[] {english.substring(meant + ApiExceptionHandler.DID_YOU_MEAN.length(), english.length() - 2)}, locale);
        }
        int accepted = english == null ? -1 : english.indexOf(ACCEPTED);
        if (accepted >= 0) {
            return messages.getMessage("api.problem.accepted", new Object[] {english.substring(accepted + ACCEPTED.length())}, locale);
        }
        java.util.regex.Matcher oneOf = english == null ? null : NOT_ONE_OF.matcher(english);
        if (oneOf != null && oneOf.find()) {
            return messages.getMessage("api.problem.accepted", new Object[] {oneOf.group(1)}, locale);
        }
        int expected = english == null ? -1 : english.indexOf(EXPECTED);
        if (expected >= 0) {
            // the kind of JSON value the field takes (ApiExceptionHandler.kindOf), in the client's language
            String kind = english.substring(expected + EXPECTED.length());
            String slug = kind.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "");
            return messages.getMessage("api.problem.expected",
                    new Object[] {messages.getMessage("api.kind." + slug, null, kind, locale)}, locale);
        }
        return null;
    }

    /**
     * A specific value in an English sentence: a value echoed in quotes ({@code 'XX'}, at most 400 characters; a quote
     * inside a word, as in {@code 'Ma'ruf'} or {@code region's}, neither opens nor closes one, so a name keeps its apostrophe), a word holding a digit (an amount,
     * a date, a month, a row, a region or payer code such as {@code APBDES:64.02.01.2002}, a masked NIK such as
     * {@code 3201********0001}, also in a self-payer's code {@code SELF:640203********97}, an amount such as {@code 500,000.00}) or one written in capitals (a programme or segment
     * code such as {@code JKP}); a field's path ({@code heirs[0].bankAccount}) is read whole and left out.
     */
    private static final java.util.regex.Pattern VALUE = java.util.regex.Pattern.compile(
            "(?<![\\p{L}\\d])'[\\s\\S]{0,400}?'(?![\\p{L}\\d])|[\\p{L}\\d_.]*\\[\\d+][\\p{L}\\d_.\\[\\]]*|(?:\\p{Lu}+:)?\\d+\\*+\\d+|\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?![\\d])|[\\p{L}\\d_.:/+\\-]*\\d[\\p{L}\\d_.:/+\\-]*|\\b\\p{Lu}[\\p{Lu}\\d_]+(?:[:\\-][\\p{Lu}\\d_.]+)*\\b");

    private static final java.util.regex.Pattern FIELD_PATH = java.util.regex.Pattern.compile("\\[\\d+]");

    /**
     * How much of an English sentence is read for its values. A sentence of the code base is a few hundred characters;
     * one that echoes a request's text at length (a parameter's name of 2 MB) would make the pattern's scans, which try
     * each start, quadratic in its length (review of 7 December 2026: 96,000 characters took 77 s).
     */
    static final int READ = 2_000;

    /** The specific values of an English sentence, in order (a trailing full stop or colon is the sentence's, not the value's). */
    static List<String> values(String english) {
        List<String> values = new ArrayList<>();
        if (english == null) {
            return values;
        }
        java.util.regex.Matcher m = VALUE.matcher(english.length() > READ ? english.substring(0, READ) : english);
        while (m.find()) {
            String value = m.group().replaceAll("[.:\\-]+$", "");
            // a field's path (cohorts[0].count) names where, not what: the detail names the field already
            if (!value.isEmpty() && !FIELD_PATH.matcher(value).find()) {
                values.add(value);
            }
        }
        return values;
    }

    /** A placeholder that formats its value as a number ({@code {2,number,#,##0.##}}): an amount, a count. */
    private static final java.util.regex.Pattern NUMBER_PLACEHOLDER = java.util.regex.Pattern.compile("\\{(\\d+),number");

    /**
     * The values as the sentence's arguments, a number where the sentence formats one; null when the English sentence has
     * too few values, or a value placed as a number is not a plain one (an amount written {@code 1E+400}).
     */
    private static Object[] arguments(String sentence, List<String> values) {
        if (java.util.Collections.max(placeholders(sentence)) >= values.size()) {
            return null;
        }
        Object[] arguments = values.toArray();
        java.util.regex.Matcher m = NUMBER_PLACEHOLDER.matcher(sentence);
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            String value = values.get(i).replace(",", "");
            if (!value.matches("\\d{1,24}(\\.\\d{1,24})?")) {
                return null;
            }
            arguments[i] = new java.math.BigDecimal(value);
        }
        return arguments;
    }

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{(\\d+)[,}]");

    /** Which of the English sentence's values (by position) a sentence places: its {@code {n}}. */
    static java.util.Set<Integer> placeholders(String sentence) {
        java.util.Set<Integer> placed = new java.util.TreeSet<>();
        java.util.regex.Matcher m = PLACEHOLDER.matcher(sentence);
        while (m.find()) {
            placed.add(Integer.parseInt(m.group(1)));
        }
        return placed;
    }
}
