package id.lindung.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Builds the one error shape of the JSON API (docs/api-errors.md): an RFC 9457 problem with a stable
 * {@code code} and, for input errors, {@code errors}: every field at fault with its own code.
 */
public final class ApiProblems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private ApiProblems() {}

    /** A problem with its stable code and a sentence for people. */
    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setProperty("code", code);
        return body;
    }

    /** A problem for refused input, listing every problem under {@code errors}. */
    public static ProblemDetail of(HttpStatusCode status, String code, String detail, List<InputProblem> errors) {
        ProblemDetail body = of(status, code, detail);
        body.setProperty("errors", errors);
        return body;
    }

    /** Refused input: its status and code follow its {@link InvalidInputException.Kind}, each problem under {@code errors}. */
    public static ProblemDetail of(InvalidInputException e) {
        return of(HttpStatusCode.valueOf(e.kind().status()), e.code(), e.getMessage(), e.problems());
    }

    /**
     * A problem written where no controller runs (a filter, Spring Security, Tomcat's own refusals), with the members and
     * the order of the controllers' {@link ProblemDetail}: detail, instance (the request's path; left out when Tomcat
     * kept none), status, title, code, then {@code more} (members already written as JSON, e.g. {@code "limit":10485760},
     * or empty). No {@code type}: RFC 9457 reads its absence as about:blank.
     */
    public static String json(HttpStatusCode status, String code, String detail, String instance, String more) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return "{\"detail\":\"" + jsonText(detail) + "\""
                + (instance == null ? "" : ",\"instance\":\"" + jsonText(instance) + "\"")
                + ",\"status\":" + status.value() + ",\"title\":\"" + (known == null ? "Error" : known.getReasonPhrase())
                + "\",\"code\":\"" + jsonText(code) + "\"" + (more == null || more.isEmpty() ? "" : "," + more) + "}";
    }

    /** Text inside a JSON string: backslashes, quotes and control characters escaped. */
    public static String jsonText(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * True for a request of the JSON API, which answers problems; pages answer pages. A script that calls a page address
     * with an API token and does not ask for HTML (a download such as {@code /tagihan/ekspor?format=csv}) is answered as
     * the API answers, so its errors carry a code too; a browser, which asks for HTML, keeps getting the error page.
     */
    public static boolean isApi(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return true;
        }
        String authorization = request.getHeader("Authorization");
        String accept = request.getHeader("Accept");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && (accept == null || !accept.contains("text/html"));
    }

    /** The response for a problem, typed {@code application/problem+json} whatever the client accepts. */
    public static ResponseEntity<ProblemDetail> response(ProblemDetail body) {
        return ResponseEntity.status(body.getStatus()).contentType(PROBLEM_JSON).body(body);
    }
}
