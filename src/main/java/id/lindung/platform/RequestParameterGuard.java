package id.lindung.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses, before any controller runs (and after the sign-in and role checks, so a read-only role still gets its
 * 403 first), query parameters no endpoint can use: a control character in any value (PostgreSQL text holds no
 * NUL; a 500 before), a {@code page} so far out that its offset overflows, and a search ({@code q}) longer than any
 * name. Each names the parameter.
 */
class RequestParameterGuard implements HandlerInterceptor {

    /** The last page any list is asked for: with the largest page size (500) its offset still fits an int. */
    static final int MAX_PAGE = 1_000_000;

    /** The longest search text ({@code q}) any list takes: longer than any name, NIK or code. */
    static final int MAX_SEARCH = 200;

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // the error page of a refused request sees the same parameters: refused again there, a page's 400 had no body
        if (request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR) {
            return true;
        }
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            if (p.getKey().equals("file") || p.getKey().equals("_csrf")) {
                continue;
            }
            for (String value : p.getValue()) {
                // line breaks and tabs pass here (a form's text area holds them; each field's own rule decides whether its
                // text may have several lines), except in an API's query parameters, one-line values where they are
                // refused like any control character, never trimmed away (docs/api-errors.md; "2026-01-01%0A" was read as
                // the date, review of 6 December). The query string is read only for a value that holds one.
                if (value != null && TextRules.invalidCharacter(value, !(api && hasLineBreakOrTab(value)
                        && queryNames(request.getQueryString()).contains(p.getKey())))) {
                    // the name as sent may be any length: it is echoed shortened, as a value is
                    InputProblem refused = TextRules.controlCharacter(InputProblem.shown(p.getKey()));
                    throw new InvalidInputException(refused.field(), refused.code(), refused.message());
                }
                if (p.getKey().equals("q") && value != null && value.length() > MAX_SEARCH) {
                    // a search text no name or code is as long as (a 3,000-character search ran and was kept in the
                    // audit trail of a download, review of 6 December 2026)
                    throw new InvalidInputException("q", "TOO_LONG", "q (a search) may have at most " + MAX_SEARCH + " characters");
                }
                if (p.getKey().equals("page") && value != null && value.matches("\\d{1,10}") && Long.parseLong(value) > MAX_PAGE
                        && Long.parseLong(value) <= Integer.MAX_VALUE) {
                    throw new InvalidInputException("page", "OUT_OF_RANGE", "page may be at most " + MAX_PAGE);
                }
            }
        }
        return true;
    }

    private static boolean hasLineBreakOrTab(String value) {
        return value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\t') >= 0;
    }

    /** The parameter names of a query string, decoded; a name that does not decode is left to the parameter parser. */
    static java.util.Set<String> queryNames(String query) {
        if (query == null || query.isEmpty()) {
            return java.util.Set.of();
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String pair : query.split("&")) {
            try {
                names.add(java.net.URLDecoder.decode(pair.split("=", 2)[0], java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a malformed escape: the container's parser answers it (PARAMETER_ENCODING_INVALID)
            }
        }
        return names;
    }
}
