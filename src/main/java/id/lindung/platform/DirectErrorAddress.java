package id.lindung.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the server renders an error it has already met; asked for directly it has no error to
 * render, and Spring Boot's controller answered 500 with {@code "status":999} (attacker review, 7 December 2026).
 * A direct request for it is an address like any other that names nothing: 404, in the same shapes as every 404.
 * The error dispatch that renders real errors is not a request dispatch and does not pass here.
 */
@Component
class DirectErrorAddress extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/error")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
