package id.lindung.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Puts every refused request of a signed-in user in the audit trail (action {@code ACCESS_DENIED}): a refusal
 * by the URL rules (thrown through this filter) and one by a module's own check (answered 403 by the error
 * handler). Repeated refusals are what an auditor looks for when someone probes beyond their area.
 *
 * <p>The entry names the endpoint by its mapping ({@code /api/v1/workers/{nik}}), never by the requested URL:
 * a URL may carry a NIK, and the audit trail must not become a second place that holds one.
 */
final class DeniedRequestAudit extends OncePerRequestFilter {

    private static final Pattern NIK_LIKE = Pattern.compile("\\d{12,}");

    private final AuditLog audit;
    private final CurrentActor actors;

    DeniedRequestAudit(AuditLog audit, CurrentActor actors) {
        this.audit = audit;
        this.actors = actors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (AccessDeniedException e) {
            record(request);
            throw e;
        } catch (ServletException e) {
            // a page's refusal by a module's own check comes wrapped by the servlet (the API's is answered 403 by its
            // handler); ExceptionTranslationFilter unwraps it into the 403, so it was answered but never recorded
            if (deniedCause(e)) {
                record(request);
            }
            throw e;
        }
        if (response.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
            record(request);
        }
    }

    private static boolean deniedCause(Throwable e) {
        Throwable t = e.getCause();
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t instanceof AccessDeniedException) {
                return true;
            }
        }
        return false;
    }

    private void record(HttpServletRequest request) {
        Actor actor = actors.find().orElse(null);
        if (actor == null || actor.role() == null) {
            return; // not signed in: the sign-in answers, there is nobody to hold to account
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String endpoint = pattern != null ? pattern.toString()
                : NIK_LIKE.matcher(request.getRequestURI()).replaceAll("{number}");
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("method", request.getMethod());
        after.put("endpoint", endpoint);
        after.put("scope", actor.scope().code());
        try {
            audit.record("ACCESS_DENIED", "request", request.getMethod() + " " + endpoint,
                    actor.scope().isNational() ? null : actor.scope().code(), null, after);
        } catch (RuntimeException e) {
            // the refusal stands even when its audit entry cannot be written; the log keeps the trace
            logger.warn("Could not audit a refused request to " + endpoint, e);
        }
    }
}
