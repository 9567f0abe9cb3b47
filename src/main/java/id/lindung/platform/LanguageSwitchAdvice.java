package id.lindung.platform;

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
        return switchHref(request.getRequestURI(), request.getQueryString(), "en".equals(locale.getLanguage()) ? "id" : "en");
    }

    static String switchHref(String path, String query, String language) {
        return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam("lang", language).build().toUriString();
    }
}
