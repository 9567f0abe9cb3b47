package id.lindung.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A signed-out browser sent to sign in from a page address that asks for a language ({@code /tagihan?lang=en}, a link
 * shared in English) gets the sign-in page in that language: the redirect to {@code /login} dropped {@code ?lang=}
 * (it is read after the security filters), so the page read Indonesian (ui4 sweep of 7 December 2026). The address
 * asked for is saved as before, with its {@code ?lang=}.
 */
final class SignInInLanguage extends org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint {
    /** A page (not the API) opened by a browser, whose address asks for Indonesian or English. */
    static final RequestMatcher ASKED = request -> !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
            && language(request) != null
            && java.util.Objects.toString(request.getHeader("Accept"), "").contains("text/html");

    SignInInLanguage() {
        super("/login");
    }

    @Override
    protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response,
                                                     org.springframework.security.core.AuthenticationException exception) {
        // also the entry point of a request no other one matched (a download link opened with Accept: */*): without a
        // language asked for, the plain sign-in page, not /login?lang=null (attack8)
        String language = language(request);
        return language == null ? "/login" : "/login?lang=" + language;
    }

    /** {@code en} or {@code id} as {@code ?lang=} of the address asks (the language switch's own rule), else null. */
    static String language(HttpServletRequest request) {
        return id.lindung.platform.AskedLanguage.of(request).map(java.util.Locale::getLanguage).orElse(null);
    }
}
