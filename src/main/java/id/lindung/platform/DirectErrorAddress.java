package id.lindung.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the server renders an error it has already met; asked for directly it has no error to
 * render, and Spring Boot's controller answered 500 with {@code "status":999} (attacker review, 7 December 2026).
 * A direct request for it is an address that names nothing: 404, as a problem document ({@code NOT_FOUND}, the
 * sentence of any unknown address) for a client that does not ask for HTML, the error page for a browser. The error
 * dispatch that renders real errors is not a request dispatch and does not pass here.
 */
@Component
class DirectErrorAddress extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // decoded, as Spring MVC matches it: "/%65rror" is /error too (review8)
        if (!org.springframework.web.util.UrlPathHelper.defaultInstance.getPathWithinApplication(request).equals("/error")) {
            chain.doFilter(request, response);
            return;
        }
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("text/html")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean english = AskedLanguage.of(request).or(() -> java.util.Optional.ofNullable(request.getLocale()))
                .map(l -> l.getLanguage().equals(Locale.ENGLISH.getLanguage())).orElse(false);
        response.setStatus(HttpStatus.NOT_FOUND.value());
        response.setContentType(ApiProblems.PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ApiProblems.json(HttpStatus.NOT_FOUND, "NOT_FOUND",
                english ? "Not found, or outside your area." : "Tidak ditemukan, atau di luar wilayah Anda.", request.getRequestURI(), ""));
    }
}
