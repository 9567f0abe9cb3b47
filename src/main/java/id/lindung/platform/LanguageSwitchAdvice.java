package id.lindung.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The language link of every page: the same page, with its filters and page number, in the other language. A
 * switch that dropped the query string would send an officer back to page one of an unfiltered list. Added to each
 * rendered page's model by {@link PageModel} (registered in {@link WebConfiguration}).
 */
final class LanguageSwitchAdvice {

    private LanguageSwitchAdvice() {
    }

    static String languageSwitch(HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        String language = "en".equals(locale.getLanguage()) ? "id" : "en";
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String refused) {
            // the error page of a request: the link asks for that request again in the other language (a GET), never
            // for /error itself; an address the firewall refused, or a form sent by POST, goes to the start page
            boolean again = "GET".equals(request.getMethod()) && !(PageRefusal.of(request) instanceof PageRefusal r && r.address());
            return again ? switchHref(refused, request.getQueryString(), language) : switchHref("/", null, language);
        }
        return switchHref(request.getRequestURI(), request.getQueryString(), language);
    }

    static String switchHref(String path, String query, String language) {
        return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam("lang", language).build().toUriString();
    }
}
