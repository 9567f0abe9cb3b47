package id.lindung.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The language link of every page: the same page, with its filters and page number, in the other language. A
 * switch that dropped the query string would send an officer back to page one of an unfiltered list.
 */
@ControllerAdvice(annotations = Controller.class)
class LanguageSwitchAdvice {

    @ModelAttribute("languageSwitch")
    String languageSwitch(HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        return switchHref(request.getRequestURI(), request.getQueryString(), "en".equals(locale.getLanguage()) ? "id" : "en");
    }

    static String switchHref(String path, String query, String language) {
        return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam("lang", language).build().toUriString();
    }
}
