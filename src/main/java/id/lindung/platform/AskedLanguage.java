package id.lindung.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * The language an address asks for with {@code ?lang=}, by the one rule the pages' language switch follows, for code
 * that answers before the dispatcher reads it (the sign-in redirect of the security filters).
 */
public final class AskedLanguage {

    private AskedLanguage() {
    }

    /** Indonesian or English when the query string's {@code lang} names one of them (any case, with a country), else empty. */
    public static Optional<Locale> of(HttpServletRequest request) {
        return WebConfiguration.asked(request);
    }
}
