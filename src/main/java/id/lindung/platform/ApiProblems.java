package id.lindung.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
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

    /** True for a request of the JSON API, which answers problems; pages answer pages. */
    public static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** The response for a problem, typed {@code application/problem+json} whatever the client accepts. */
    public static ResponseEntity<ProblemDetail> response(ProblemDetail body) {
        return ResponseEntity.status(body.getStatus()).contentType(PROBLEM_JSON).body(body);
    }
}
