package id.lindung.claim.web;

import id.lindung.claim.ClaimCase;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A case answered by the claims API in the client's language (docs/api-errors.md, "Language"), as a benefit quote's
 * {@code rejections[].message} is: each {@code decisions[].message} as the case page says it ({@link ClaimDecisionText})
 * and {@code jpContributionsBasis.note} as the page's note. The module writes them in English, naming their values;
 * an Indonesian client got "The worker holds JKM" and "Reported 4 days after the accident, ..." beside Indonesian
 * problems (audit of issue 13). Codes, {@code passed}, {@code effect} and {@code source} never change; English clients
 * get the module's sentences unchanged.
 */
@RestControllerAdvice(assignableTypes = ClaimApiController.class)
class ClaimAnswerLanguage implements ResponseBodyAdvice<Object> {

    private final ClaimDecisionText decisionTexts;
    private final MessageSource messages;
    private final JsonMapper json;

    ClaimAnswerLanguage(ClaimDecisionText decisionTexts, MessageSource messages, JsonMapper json) {
        this.decisionTexts = decisionTexts;
        this.messages = messages;
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        Locale locale = LocaleContextHolder.getLocale();
        if (!(body instanceof ClaimCase c) || "en".equals(locale.getLanguage())) {
            return body;
        }
        return inLanguage(c, locale);
    }

    /** The case's JSON with its sentences in {@code locale}. */
    JsonNode inLanguage(ClaimCase c, Locale locale) {
        ObjectNode tree = json.valueToTree(c);
        JsonNode decisions = tree.get("decisions");
        for (int i = 0; i < c.decisions().size(); i++) {
            ((ObjectNode) decisions.get(i)).put("message", decisionTexts.of(c.decisions().get(i), locale));
        }
        ClaimCase.JpContributionsBasis basis = c.jpContributionsBasis();
        if (basis != null) {
            ((ObjectNode) tree.get("jpContributionsBasis")).put("note",
                    messages.getMessage("claim.components.jpContributions." + basis.source(), null, basis.note(), locale));
        }
        return tree;
    }
}
