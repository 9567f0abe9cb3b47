package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.shared.RejectedException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;

class ApiExceptionHandlerTests {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    private static MockHttpServletRequest api() {
        return new MockHttpServletRequest("POST", "/api/v1/imports/7/confirm");
    }

    @Test
    void anUnexpectedJdkExceptionIsALogged500WithAGenericBody() throws Exception {
        for (Exception e : new Exception[] {new IllegalStateException("COPY into worker_stage failed: disk full"),
                new IllegalArgumentException("Unknown regulation parameter jkk.secret")}) {
            var response = handler.other(e, api());
            assertThat(response.getStatusCode().value()).isEqualTo(500);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody().getProperties()).containsEntry("code", "INTERNAL_ERROR");
            assertThat(response.getBody().getDetail()).doesNotContain("COPY", "regulation");
        }
    }

    /**
     * Twenty payments queued behind one payer's lock (or a billing run's) held every pooled connection: the requests that
     * waited past the pool's timeout answered 500, though nothing of them had begun. They are 503 with Retry-After.
     */
    @Test
    void aRequestThatFindsNoFreeDatabaseConnectionIsBusyWithRetryAfterNotA500() throws Exception {
        var timeout = new org.springframework.transaction.CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new java.sql.SQLTransientConnectionException("lindung - Connection is not available, request timed out after 30000ms"));
        var response = handler.other(timeout, api());
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().getProperties()).containsEntry("code", "SERVICE_BUSY");
        assertThat(response.getBody().getDetail()).doesNotContain("JDBC", "lindung -");
        var jdbc = new org.springframework.jdbc.CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new java.sql.SQLTransientConnectionException("timed out"));
        assertThat(handler.data(jdbc, api(), null).getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void aMalformedBodysMessageNamesNoPackageOrOuterClassOfTheApplication() {
        assertThat(ApiExceptionHandler.firstLine("Cannot construct instance of `id.lindung.coverage.web.LocalRegulationController$CreateRequest`"
                + " (no Creators, like default constructor, exist)\n at [Source: REDACTED]"))
                .isEqualTo("Cannot construct instance of `CreateRequest` (no Creators, like default constructor, exist)");
        assertThat(ApiExceptionHandler.firstLine("Cannot deserialize value of type `java.time.LocalDate` from String \"x\""))
                .isEqualTo("Cannot deserialize value of type `LocalDate` from String \"x\"");
        assertThat(ApiExceptionHandler.firstLine("Unexpected character ('}' (code 125)): was expecting double-quote"))
                .isEqualTo("Unexpected character ('}' (code 125)): was expecting double-quote");
    }

    @Test
    void aValueOfTheWrongTypeIsDescribedInTheWordsOfJsonNeverAsAJavaClass() {
        assertThat(ApiExceptionHandler.kindOf(java.util.ArrayList.class)).isEqualTo("a list [...]");
        assertThat(ApiExceptionHandler.kindOf(java.util.List.class)).isEqualTo("a list [...]");
        assertThat(ApiExceptionHandler.kindOf(String[].class)).isEqualTo("a list [...]");
        assertThat(ApiExceptionHandler.kindOf(java.util.Map.class)).isEqualTo("an object {...}");
        assertThat(ApiExceptionHandler.kindOf(String.class)).isEqualTo("a text \"...\"");
        assertThat(ApiExceptionHandler.kindOf(java.math.BigDecimal.class)).isEqualTo("a number");
        assertThat(ApiExceptionHandler.kindOf(java.time.LocalDate.class)).isEqualTo("a date YYYY-MM-DD");
        // an application's request record is an object, whatever its name
        record CreateRequest(String title) {}
        assertThat(ApiExceptionHandler.kindOf(CreateRequest.class)).isEqualTo("an object {...}");
    }

    @Test
    void aRefusedInputOnAPageIsTheErrorPageWithTheProblemsStatusNotAServerError() throws Exception {
        var page = new org.springframework.mock.web.MockHttpServletRequest("GET", "/tagihan");
        var response = new org.springframework.mock.web.MockHttpServletResponse();
        assertThat(handler.invalid(InvalidInputException.refused("month", "MONTH_TOO_FAR", "x"), page, response)).isNull();
        assertThat(response.getStatus()).isEqualTo(422);
    }

    @Test
    void eachKindOfRefusedInputHasItsStatus() throws Exception {
        assertThat(handler.invalid(new InvalidInputException("month", "INVALID_MONTH", "x"), api(), null).getStatusCode().value()).isEqualTo(400);
        assertThat(handler.invalid(InvalidInputException.conflict("status", "ALREADY_RESOLVED", "x"), api(), null).getStatusCode().value())
                .isEqualTo(409);
        var refused = handler.invalid(InvalidInputException.refused("month", "MONTH_TOO_FAR", "x"), api(), null);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().getProperties()).containsEntry("code", "MONTH_TOO_FAR").containsKey("errors");
        var rejected = handler.rejected(new RejectedException("BPU_JP_NOT_AVAILABLE", "JP is not for BPU"), api());
        assertThat(rejected.getStatusCode().value()).isEqualTo(422);
        assertThat(rejected.getBody().getDetail()).isEqualTo("JP is not for BPU");
    }

    @Test
    void severalProblemsWithDifferentCodesShareTheKindsCode() {
        var e = new InvalidInputException(java.util.List.of(InputProblem.of("wage", "REQUIRED", "x"),
                InputProblem.of("month", "INVALID_MONTH", "y")));
        assertThat(e.code()).isEqualTo("INVALID_INPUT");
        assertThat(new InvalidInputException(java.util.List.of(InputProblem.of("wage", "REQUIRED", "x"),
                InputProblem.of("month", "REQUIRED", "y"))).code()).isEqualTo("REQUIRED");
    }

    @Test
    void pageRequestsAreLeftToTheDefaultHandling() {
        var page = new MockHttpServletRequest("GET", "/tagihan/7");
        NotFoundException missing = new NotFoundException("Bill 7 not found");
        assertThatThrownBy(() -> handler.notFound(missing, page)).isSameAs(missing);
        IllegalStateException broken = new IllegalStateException("broken");
        assertThatThrownBy(() -> handler.other(broken, page)).isSameAs(broken);
    }
}
