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
class ProblemLanguage implements ResponseBodyAdvice<Object> {

    /** A property naming the bundle key of the problem's own sentence ({@link NotFoundException#messageKey()}); never sent. */
    static final String MESSAGE_KEY = ProblemLanguage.class.getName() + ".messageKey";
    private static final String ACCEPTED = "; expected one of ";
    private static final String EXPECTED = "; expected ";
    /** The quotes' way of naming the accepted values: {@code segment 'XX' is not one of [PU, BPU]}. */
    private static final java.util.regex.Pattern NOT_ONE_OF = java.util.regex.Pattern.compile(" is not one of \\[([^\\]]*)\\]");

    private final MessageSource messages;

    ProblemLanguage(MessageSource messages) {
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
        }
        return body;
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
            problem.setDetail((first.field() == null || first.field().isEmpty() ? "" : first.field() + ": ") + first.message() + more);
        } else if (problem.getProperties().get("code") instanceof String code) {
            problem.setDetail(text(code, problem.getDetail(), locale));
        }
    }

    /** The code's sentence in {@code locale}, the accepted values of the English sentence kept; else the English one. */
    private String text(String code, String english, Locale locale) {
        String sentence = messages.getMessage("api.problem." + code, null, null, locale);
        if (sentence == null) {
            sentence = messages.getMessage("problem." + code, null, null, locale);
        }
        if (sentence == null) {
            return english;
        }
        int meant = english == null ? -1 : english.indexOf(ApiExceptionHandler.DID_YOU_MEAN);
        if (meant >= 0 && english.endsWith("`?")) {
            // an unknown field's nearest known name (UNKNOWN_FIELD): the name kept, the question in the client's language
            return sentence + " " + messages.getMessage("api.problem.didYouMean",
                    new Object[] {english.substring(meant + ApiExceptionHandler.DID_YOU_MEAN.length(), english.length() - 2)}, locale);
        }
        int accepted = english == null ? -1 : english.indexOf(ACCEPTED);
        if (accepted >= 0) {
            return sentence + " " + messages.getMessage("api.problem.accepted",
                    new Object[] {english.substring(accepted + ACCEPTED.length())}, locale);
        }
        java.util.regex.Matcher oneOf = english == null ? null : NOT_ONE_OF.matcher(english);
        if (oneOf != null && oneOf.find()) {
            return sentence + " " + messages.getMessage("api.problem.accepted", new Object[] {oneOf.group(1)}, locale);
        }
        int expected = english == null ? -1 : english.indexOf(EXPECTED);
        if (expected >= 0) {
            // the kind of JSON value the field takes (ApiExceptionHandler.kindOf), in the client's language
            String kind = english.substring(expected + EXPECTED.length());
            String slug = kind.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "");
            return sentence + " " + messages.getMessage("api.problem.expected",
                    new Object[] {messages.getMessage("api.kind." + slug, null, kind, locale)}, locale);
        }
        return sentence;
    }
}
