package id.lindung.platform;

import id.lindung.shared.RejectedException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error of a request under {@code /api/} into an RFC 9457 problem with a stable {@code code}
 * (docs/api-errors.md): 400 malformed, 403 not allowed, 404 absent or out of scope, 409 conflict with the
 * current state, 422 refused by a rule, and a logged 500 with a generic body for anything unexpected.
 * Requests for pages are left to the default handling, so browsers keep getting pages: each handler
 * rethrows for them, which lets Spring's own resolvers and the error page take over.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, HttpServletRequest request,
                                          jakarta.servlet.http.HttpServletResponse response) throws Exception {
        ProblemDetail problem = ApiProblems.of(e);
        if (!isApi(request)) {
            // a page: the error page with the problem's status (400, 409, 422) in the user's language, never a 500;
            // pages that show refusals in their own form catch the exception before it gets here
            PageRefusal.record(request, PageRefusal.Kind.INPUT, e.problems());
            response.sendError(problem.getStatus());
            return null;
        }
        return ApiProblems.response(problem);
    }

    @ExceptionHandler(RejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RejectedException e, HttpServletRequest request) throws Exception {
        ResponseEntity<ProblemDetail> answer = problem(request, e, HttpStatus.UNPROCESSABLE_CONTENT, e.code(), e.rejection().message(), null);
        e.details().forEach(answer.getBody()::setProperty);
        return answer;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) throws Exception {
        ResponseEntity<ProblemDetail> answer = problem(request, e, HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage(), null);
        if (e.messageKey() != null) {
            answer.getBody().setProperty(ProblemLanguage.MESSAGE_KEY, e.messageKey());
        }
        return answer;
    }

    /** 429 with Retry-After; a page keeps the header and gets the error page with the status. */
    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e, HttpServletRequest request,
                                          jakarta.servlet.http.HttpServletResponse response) throws Exception {
        String seconds = String.valueOf(e.retryAfterSeconds());
        if (!isApi(request)) {
            response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER, seconds);
            throw e;
        }
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(org.springframework.http.HttpHeaders.RETRY_AFTER, seconds)
                .contentType(ApiProblems.PROBLEM_JSON).body(ApiProblems.of(HttpStatus.TOO_MANY_REQUESTS, e.code(), e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e, HttpServletRequest request) throws Exception {
        return problem(request, e, HttpStatus.FORBIDDEN, "FORBIDDEN", e.getMessage(), null);
    }

    /** A body that is not JSON, or a value of the wrong type: names the field and, for a list of values, the values. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) throws Exception {
        var tooLarge = UploadLimits.refused(request);
        if (tooLarge.isPresent()) {
            return tooLarge(tooLarge.get(), request);
        }
        JacksonException json = causeOf(e, JacksonException.class);
        String field = json == null ? null : path(json);
        java.util.regex.Matcher duplicate = json == null || json.getOriginalMessage() == null ? null
                : DUPLICATE.matcher(json.getOriginalMessage());
        if (duplicate != null && duplicate.matches()) {
            // a field written twice: which value was meant is not for Lindung to guess (StrictJson.forRequestBodies)
            String name = InputProblem.shown(duplicate.group(1));
            String at = field == null || field.isEmpty() ? name : field + "." + name;
            InputProblem problem = InputProblem.of(at, "DUPLICATE_FIELD", at + " is written more than once; send each field once;"
                    + " nothing was recorded");
            return problem(request, e, HttpStatus.BAD_REQUEST, problem.code(), problem.message(), List.of(problem));
        }
        if ((field == null || field.isEmpty()) && json instanceof MismatchedInputException m && m.getTargetType() != null
                && !(json instanceof InvalidFormatException)) {
            // valid JSON of the wrong shape as a whole: an array where an object is expected
            return problem(request, e, HttpStatus.BAD_REQUEST, "MALFORMED_BODY",
                    "The request body has the wrong shape; expected " + kindOf(m.getTargetType()), null);
        }
        if (field == null || field.isEmpty()) {
            return problem(request, e, HttpStatus.BAD_REQUEST, "MALFORMED_BODY",
                    "The request body is not valid JSON" + (json == null ? "" : ": " + firstLine(json.getOriginalMessage())), null);
        }
        if (json instanceof StrictJson.ControlCharacter) {
            InputProblem problem = InputProblem.of(field, "INVALID_CHARACTER", field
                    + " has a control or invisible character (a NUL, a line break)");
            return problem(request, e, HttpStatus.BAD_REQUEST, problem.code(), problem.message(), List.of(problem));
        }
        if (json instanceof UnrecognizedPropertyException unknown) {
            // a field the request does not have: refused, never dropped while the rest is recorded (StrictJson)
            String meant = StrictJson.suggestion(unknown.getPropertyName(), unknown.getKnownPropertyIds());
            InputProblem problem = InputProblem.of(field, "UNKNOWN_FIELD", field + " is not a field of this request; nothing was recorded"
                    + (meant == null ? "" : DID_YOU_MEAN + meant + "`?"));
            return problem(request, e, HttpStatus.BAD_REQUEST, problem.code(), problem.message(), List.of(problem));
        }
        Class<?> type = json instanceof MismatchedInputException m ? m.getTargetType() : null;
        Object value = json instanceof InvalidFormatException f ? f.getValue() : null;
        InputProblem problem = InputProblem.of(field, "INVALID_VALUE", field + (value == null ? " has the wrong type" : " '" + shown(value) + "' is not valid")
                + expected(type));
        return problem(request, e, HttpStatus.BAD_REQUEST, problem.code(), problem.message(), List.of(problem));
    }

    /** The parser's sentence for a field written twice in one object (Jackson 3, and Jackson 2's wording). */
    private static final java.util.regex.Pattern DUPLICATE =
            java.util.regex.Pattern.compile("Duplicate (?:Object property|field) [\"'](.*)[\"']");

    /** How an {@code UNKNOWN_FIELD} message names the known field meant; {@link ProblemLanguage} translates it. */
    static final String DID_YOU_MEAN = "; did you mean `";

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) throws Exception {
        // the value echoed cut short, as every other message echoes input: a 6,000-digit date is not sent back whole
        InputProblem problem = InputProblem.of(e.getName(), "INVALID_VALUE", e.getName() + " '" + shown(e.getValue()) + "' is not valid"
                + expected(e.getRequiredType()));
        return problem(request, e, HttpStatus.BAD_REQUEST, problem.code(), problem.message(), List.of(problem));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e, HttpServletRequest request) throws Exception {
        InputProblem problem = InputProblem.of(e.getParameterName(), "REQUIRED", e.getParameterName() + " is required");
        return problem(request, e, HttpStatus.BAD_REQUEST, problem.code(), problem.message(), List.of(problem));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e, HttpServletRequest request) throws Exception {
        InputProblem problem = InputProblem.of(e.getRequestPartName(), "REQUIRED", e.getRequestPartName() + " is required");
        return problem(request, e, HttpStatus.BAD_REQUEST, problem.code(), problem.message(), List.of(problem));
    }

    /** A chunked upload that grew past its endpoint's limit while it was read (issue 12 item 9). */
    @ExceptionHandler(UploadLimits.TooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(UploadLimits.TooLargeException e, HttpServletRequest request) throws Exception {
        return problem(request, e, HttpStatus.CONTENT_TOO_LARGE, "UPLOAD_TOO_LARGE", e.getMessage(), null);
    }

    /** A file upload sent as something other than multipart/form-data (an upload too large is Spring's 413 below). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> notMultipart(MultipartException e, HttpServletRequest request,
                                               jakarta.servlet.http.HttpServletResponse response) throws Exception {
        var tooLarge = UploadLimits.refused(request);
        if (tooLarge.isPresent()) {
            return tooLarge(tooLarge.get(), request);
        }
        if (partHeadersTooLong(e)) {
            // Tomcat's limit on a part's headers (server.tomcat.max-part-header-size, 512 bytes) is met by a file name of
            // some 400 characters, not by a large file: the name is what to fix (coverage review)
            InputProblem problem = InputProblem.of("file", "FILE_NAME_INVALID", "The file name is too long: a part's headers "
                    + "(its name and file name) may have at most 512 bytes");
            return isApi(request) ? problem(request, e, HttpStatus.BAD_REQUEST, problem.code(), problem.message(), List.of(problem))
                    : pageRefused(request, response, problem);
        }
        if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
            return problem(request, e, HttpStatus.CONTENT_TOO_LARGE, "UPLOAD_TOO_LARGE",
                    "The upload is larger than the server's multipart limit (spring.servlet.multipart.max-request-size)", null);
        }
        if (e instanceof ErrorResponse) {
            return other(e, request);
        }
        if (!isApi(request)) {
            // an upload form's address posted as an ordinary form (a script, a form without its enctype): the 400 page
            // naming the file, not the 500 page Spring gives a MultipartException (attacker review, 7 December 2026)
            return pageRefused(request, response, InputProblem.of("file", "MULTIPART_REQUIRED", "Send the file as multipart/form-data"));
        }
        return problem(request, e, HttpStatus.BAD_REQUEST, "MULTIPART_REQUIRED",
                "Send the file as multipart/form-data: " + e.getMessage(), null);
    }

    /** A page's request refused for its input: the 400 error page naming the problem (PageRefusal), in the reader's language. */
    private static ResponseEntity<ProblemDetail> pageRefused(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                                                             InputProblem problem) throws java.io.IOException {
        PageRefusal.record(request, PageRefusal.Kind.INPUT, List.of(problem));
        response.sendError(HttpStatus.BAD_REQUEST.value());
        return null;
    }

    /** Whether the multipart parser gave up on a part's header section (Tomcat's FileUpload message), not on a size. */
    private static boolean partHeadersTooLong(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith("Header section has more than")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A value the database refuses as data (SQLSTATE class 22: a NUL byte, a number out of range, a negative offset)
     * that a rule should have caught first: the request's fault, never a 500. Logged, so the missing rule is found.
     */
    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    ResponseEntity<ProblemDetail> data(org.springframework.dao.DataAccessException e, HttpServletRequest request,
                                       jakarta.servlet.http.HttpServletResponse response) throws Exception {
        java.sql.SQLException sql = causeOf(e, java.sql.SQLException.class);
        String state = sql == null ? null : sql.getSQLState();
        if (state == null || !state.startsWith("22")) {
            return other(e, request);
        }
        log.warn("Input refused by the database in {} {} (SQLSTATE {}): a rule should have refused it", request.getMethod(),
                request.getRequestURI(), state);
        if (!isApi(request)) {
            // a page: the 400 error page in the user's language, as for an InvalidInputException (security review: a
            // month of year +999999999 on /tagihan was a 500 page)
            PageRefusal.record(request, PageRefusal.Kind.INPUT, List.of());
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return null;
        }
        boolean character = state.equals("22021") || state.equals("22P05");
        return problem(request, e, HttpStatus.BAD_REQUEST, character ? "INVALID_CHARACTER" : "OUT_OF_RANGE",
                character ? "A value holds a character that cannot be stored (a NUL or a control character)"
                        : "A value is out of the range that can be stored", null);
    }

    /** How long a client is asked to wait when no database connection was free ({@code SERVICE_BUSY}). */
    static final int BUSY_RETRY_AFTER_SECONDS = 5;

    /**
     * Spring's own request errors (unknown path, wrong method or media type, upload too large) keep their
     * status with a code for it; anything else is a fault of Lindung, not of the request: logged with its
     * stack trace, answered without it.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e, HttpServletRequest request) throws Exception {
        if (!isApi(request)) {
            throw e;
        }
        if (e instanceof ErrorResponse error && !error.getStatusCode().is5xxServerError()) {
            HttpStatusCode status = error.getStatusCode();
            HttpStatus known = HttpStatus.resolve(status.value());
            ProblemDetail body = ApiProblems.of(status, known == null ? "HTTP_" + status.value() : known.name(), error.getBody().getDetail());
            return ResponseEntity.status(status).headers(error.getHeaders()).contentType(ApiProblems.PROBLEM_JSON).body(body);
        }
        // 55P03 lock_not_available (a bounded wait ran out, Allocation.PAYMENT_LOCK_WAIT), 40P01 deadlock_detected
        boolean lockWait = DatabaseBusy.lockWait(e);
        if (DatabaseBusy.is(e)) {
            // every database connection stayed taken longer than the pool waits (payments queued behind a billing run's
            // lock, a burst of uploads): not a fault of the request, and its transaction never began, so nothing was
            // recorded and the same request may simply be sent again
            // or (lockWait) the request waited longer than its bound for a lock a billing run holds, or lost a deadlock:
            // its transaction was rolled back whole, so again nothing was recorded
            log.warn("{} for {} {}: answered 503", lockWait ? "Lock not obtained in time" : "No database connection free within the pool's wait",
                    request.getMethod(), request.getRequestURI());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(BUSY_RETRY_AFTER_SECONDS))
                    .contentType(ApiProblems.PROBLEM_JSON).body(ApiProblems.of(HttpStatus.SERVICE_UNAVAILABLE, DatabaseBusy.CODE,
                            "Lindung is busy and did not start this request; nothing was recorded. Send the same request again "
                                    + "in a few seconds"));
        }
        log.error("Unexpected error in {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(request, e, HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Something went wrong in Lindung; the error has been logged", null);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpServletRequest request, Exception e, HttpStatusCode status, String code,
                                                         String detail, List<InputProblem> errors) throws Exception {
        if (!isApi(request)) {
            if (errors != null && status.is4xxClientError()) {
                // Spring's own resolver answers the page's status; the error page says which value it was
                PageRefusal.record(request, PageRefusal.Kind.INPUT, errors);
            }
            throw e;
        }
        ProblemDetail body = errors == null ? ApiProblems.of(status, code, detail) : ApiProblems.of(status, code, detail, errors);
        return ApiProblems.response(body);
    }

    private static boolean isApi(HttpServletRequest request) {
        return ApiProblems.isApi(request);
    }

    /** A value as the message repeats it: never more than 40 characters of it (a 3 MB text is not sent back). */
    private static String shown(Object value) {
        return value instanceof java.math.BigDecimal d ? InputProblem.shown(d) : InputProblem.shown(String.valueOf(value));
    }

    private static String expected(Class<?> type) {
        if (type != null && type.isEnum()) {
            return "; expected one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (type == null) {
            return "";
        }
        return "; expected " + kindOf(type);
    }

    /**
     * What a JSON value of {@code type} looks like, in the words of JSON, never a Java class name ({@code arraylist},
     * {@code CreateRequest}): a review found both in answers.
     */
    static String kindOf(Class<?> type) {
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a list [...]";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object {...}";
        }
        if (type == java.util.UUID.class) {
            // an opaque id (GET /api/v1/workers/by-id/{id}): "a text" fitted every garbage word (audit of 7 December 2026)
            return "a UUID as generated by Lindung (the id in a list)";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a text \"...\"";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date YYYY-MM-DD";
            case "YearMonth" -> "a month YYYY-MM";
            // "children": 1.9 is a number, but not one these take (refused since accept-float-as-int is off)
            case "BigInteger", "Integer", "int", "Long", "long", "Short", "short" -> "a whole number";
            case "BigDecimal", "Double", "double" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            default -> type.isPrimitive() || type.getName().startsWith("java.") ? "a " + type.getSimpleName().toLowerCase(Locale.ROOT)
                    : "an object {...}";
        };
    }

    /** The JSON path of the value at fault, as a client wrote it: {@code programs[2]}, {@code contact.email}. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                // a name is the client's text: an unknown one of 50,000 characters is not sent back whole
                path.append(path.isEmpty() ? "" : ".").append(InputProblem.shown(ref.getPropertyName()));
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** A Java type's qualified name in a parser's message (package, outer classes): the client needs only the last part. */
    private static final java.util.regex.Pattern QUALIFIED_TYPE =
            java.util.regex.Pattern.compile("(?:[a-z_][A-Za-z0-9_]*\\.)+(?:[A-Za-z0-9_]+\\$)*([A-Za-z_][A-Za-z0-9_]*)");

    /** The parser's first line, without the application's package and class nesting (no internals in an answer). */
    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return QUALIFIED_TYPE.matcher(end < 0 ? message : message.substring(0, end)).replaceAll("$1");
    }
}
